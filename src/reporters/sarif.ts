/**
 * SARIF 2.1.0, for code-scanning tools (GitHub's upload-sarif, GitLab, Azure DevOps, VS Code's SARIF viewer).
 * One run; `tool.driver.rules` lists every rule id (stable, as `povcheck rules`) with its description and
 * default level; each finding is a result with its `ruleId`, a location whose region is the cell (startLine =
 * sheet row, startColumn = sheet column), the cell and sheet as a logical location, and `partialFingerprints`
 * that stay the same across runs (ci.ts). An unreadable file is a result of the pseudo-rule `unreadable`
 * (and a tool notification). Typed with @types/sarif; pure.
 */
import { jsonControlsEscaped } from '../render/safe-text.js';
import type * as Sarif from 'sarif';
import { displayRef, type Cell } from '../model/grid.js';
import { RULE_IDS } from '../rules/index.js';
import { ruleDocs } from '../messages/rule-docs.js';
import type { Finding, RuleId, Severity } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { ciPassedOver, ciPath, fingerprint, findingText, likelyCause, lineCol, uncheckedText, unreadableFingerprint, unreadableText } from './ci.js';
import { coverageText, langOf, passedOverLine, runLang, type ReportInput } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF wants a readable `name` besides the opaque `id` (and different from it). */
const RULE_NAMES: Record<RuleId | 'unreadable' | 'unchecked', string> = {
  sum: 'UnitsAddUpToTotal',
  flow: 'PoorEndIsStartMinusReduced',
  rate: 'RateMatchesCounts',
  'rate-change': 'ReductionIsDifferenceOfPrintedRates',
  denominator: 'RatesOverDifferentHouseholds',
  range: 'ValueWithinRange',
  number: 'CellHoldsNumber',
  missing: 'ValuePresent',
  duplicate: 'NoDuplicateUnitOrIndicator',
  unknown: 'LabelRecognised',
  hierarchy: 'UnitsFormOneTree',
  target: 'TargetMet',
  continuity: 'YearStartsWhereLastEnded',
  breakdown: 'BreakdownRowsAddUp',
  'of-which': 'OfWhichAtMostWhole',
  balance: 'EndIsStartMinusOutPlusIn',
  combined: 'PoorAndNearPoorAddUp',
  'implied-households': 'RatesImplyCommonHouseholds',
  'rate-mean': 'WholeRateBetweenPartsRates',
  achievement: 'AchievementIsReductionOverTarget',
  formula: 'ColumnFormulaHolds',
  precision: 'RatePrintedAtTablePrecision',
  share: 'ShareMatchesPartAndWhole',
  claim: 'StatedFigureMatchesTable',
  money: 'TotalEqualsItsParts',
  reference: 'CitationsAgree',
  'split-table': 'SplitTableReadAsOne',
  unreadable: 'FileReadable',
  unchecked: 'FileChecked',
};

/** A relative path as a URI reference: each segment percent-encoded (spaces, Vietnamese letters). */
export function pathToUri(path: string): string {
  if (/^[A-Za-z]:\//.test(path) || path.startsWith('/')) {
    return 'file://' + (path.startsWith('/') ? '' : '/') + path.split('/').map(encodeURIComponent).join('/').replace(/^\/([A-Za-z])%3A/, '/$1:');
  }
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The base a relative URI is read against: the repository's root, as GitHub's code scanning names it. */
export const SRCROOT = '%SRCROOT%';

/**
 * A CI path (ci.ts `ciPath`) as an artifact location: a relative one against `%SRCROOT%` (SARIF allows `uriBaseId`
 * only beside a relative reference), an absolute one as a `file:` URI alone.
 */
function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  const uri = pathToUri(path);
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: SRCROOT };
}

const MIME: Array<[RegExp, string]> = [
  [/\.xlsx$/i, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [/\.xlsm$/i, 'application/vnd.ms-excel.sheet.macroEnabled.12'],
  [/\.csv$/i, 'text/csv'],
  [/\.tsv$/i, 'text/tab-separated-values'],
  [/\.txt$/i, 'text/plain'],
  [/\.docx$/i, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
];

export function sarifLog(input: ReportInput): Sarif.Log {
  const { rules, ruleIndex } = sarifRules(runLang(input));
  const artifacts = new Artifacts(input);
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const file of input.files) {
    // Each table's coverage (which checks ran, what was not understood) rides on its artifact.
    const artifactLocation = artifacts.locationOf(file.file, file.coverage ? { coverage: coverageJson(file.coverage) } : undefined);
    const out = fileResults(input, file, { artifactLocation, ruleIndex });
    results.push(...out.results);
    notifications.push(...out.notifications);
  }
  // The .txt files a folder run did not check: a note on the run (they have no results).
  const passed = passedOverLine(input, ciPassedOver(input));
  if (passed) notifications.push({ level: 'note', message: { text: passed } });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'povcheck',
            ...(input.version ? { version: input.version, semanticVersion: input.version } : {}),
            rules,
          },
        },
        artifacts: artifacts.list,
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

/** Every rule (and `unreadable`, `unchecked`) described in the run's language, and each one's index. */
function sarifRules(lang: Lang): { rules: Sarif.ReportingDescriptor[]; ruleIndex: Map<string, number> } {
  const docs = ruleDocs(lang);
  const ids = [...RULE_IDS.map((r) => r.id), 'unreadable' as const, 'unchecked' as const];
  const rules: Sarif.ReportingDescriptor[] = ids.map((id) => {
    const d = docs[id];
    const level = id === 'unreadable' || id === 'unchecked' ? 'error' : LEVEL[RULE_IDS.find((r) => r.id === id)!.severity];
    return {
      id,
      name: RULE_NAMES[id],
      shortDescription: { text: d.summary.charAt(0).toUpperCase() + d.summary.slice(1) + '.' },
      fullDescription: { text: d.checks },
      help: { text: `${d.checks}\n\n${d.why}\n\n${d.example}` },
      defaultConfiguration: { level },
      properties: { tags: ['povcheck'] },
    };
  });
  return { rules, ruleIndex: new Map(ids.map((id, i) => [id as string, i])) };
}

/** The run's artifacts, one per file, in the order first named. */
class Artifacts {
  readonly list: Sarif.Artifact[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly where: Pick<ReportInput, 'cwd' | 'ciRoot'>) {}

  locationOf(file: string, properties?: Sarif.PropertyBag): Sarif.ArtifactLocation {
    const path = ciPath(file, this.where);
    const location = artifactUri(path);
    if (!this.index.has(location.uri)) {
      this.index.set(location.uri, this.list.length);
      const mimeType = MIME.find(([re]) => re.test(path))?.[1];
      this.list.push({ location, ...(mimeType ? { mimeType } : {}), ...(properties ? { properties } : {}) });
    }
    return { ...location, index: this.index.get(location.uri)! };
  }
}

interface FileContext {
  artifactLocation: Sarif.ArtifactLocation;
  ruleIndex: Map<string, number>;
}

type ReportFile = ReportInput['files'][number];

/** One file's results: an unreadable or unchecked file's one result, else one per finding; and its notifications. */
function fileResults(input: ReportInput, file: ReportFile, ctx: FileContext): { results: Sarif.Result[]; notifications: Sarif.Notification[] } {
  const { artifactLocation } = ctx;
  const path = ciPath(file.file, input);
  const notice = (level: 'error' | 'warning', text: string): Sarif.Notification => ({ level, message: { text: `${path}: ${text}` }, locations: [{ physicalLocation: { artifactLocation } }] });
  const wholeFile = (ruleId: 'unreadable' | 'unchecked', text: string, fingerprintOf: string, properties?: Sarif.PropertyBag): Sarif.Result => ({
    ruleId,
    ruleIndex: ctx.ruleIndex.get(ruleId)!,
    level: 'error',
    message: { text },
    locations: [{ physicalLocation: { artifactLocation, region: { startLine: 1 } } }],
    partialFingerprints: { 'povcheck/v1': fingerprintOf },
    ...(properties ? { properties } : {}),
  });
  if (file.status === 'unreadable') {
    const text = unreadableText(input, file);
    return { results: [wholeFile('unreadable', text, unreadableFingerprint(path, file), { code: file.error?.code ?? 'INTERNAL' })], notifications: [notice('error', text)] };
  }
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  if (file.status === 'unchecked') {
    const text = uncheckedText(input, file);
    results.push(wholeFile('unchecked', text, fingerprint(path, { rule: 'unchecked' as never, msg: { id: 'unchecked' } })));
    notifications.push(notice('error', text));
  } else {
    const { clause, hint } = coverageText(file, langOf(input, file));
    if (clause) notifications.push(notice('warning', [clause, hint].filter(Boolean).join('. ')));
  }
  const cause = likelyCause(input, file);
  const causeCells = (file.localisation?.causes ?? []).flatMap((c) => c.cells.map((x) => x.cell));
  file.findings.forEach((f, i) => {
    const explained = cause?.explained.has(i) ? { text: cause.text, cells: causeCells } : undefined;
    results.push(findingResult(input, file, f, { ...ctx, path, explained }));
  });
  return { results, notifications };
}

/** A finding as a SARIF result: its cell (or paragraph), its likely cause and the cause's cells when it explains it. */
function findingResult(
  input: ReportInput,
  file: ReportFile,
  f: Finding,
  ctx: FileContext & { path: string; explained: { text: string; cells: Cell[] } | undefined },
): Sarif.Result {
  const { artifactLocation, explained } = ctx;
  const at = lineCol(f);
  const location: Sarif.Location = {
    // Table-wide findings point at the file's first line: code-scanning tools want a region.
    physicalLocation: { artifactLocation, region: at ? { startLine: at.line, startColumn: at.col } : { startLine: 1 } },
    ...(f.at ? { logicalLocations: [{ name: f.at.ref, fullyQualifiedName: displayRef(f.at) }] } : f.place ? { logicalLocations: [{ name: `¶${f.place.paragraph}`, fullyQualifiedName: `¶${f.place.paragraph}`, kind: 'paragraph' }] } : {}),
  };
  return {
    ruleId: f.rule,
    ruleIndex: ctx.ruleIndex.get(f.rule)!,
    level: LEVEL[f.severity],
    // The likely cause in the message (what viewers show) and its cells as related locations.
    message: { text: findingText(input, file, f) + (explained ? `\n→ ${explained.text}` : '') },
    locations: [location],
    ...(explained && explained.cells.length > 0
      ? {
          relatedLocations: explained.cells.map((c, k) => ({
            id: k + 1,
            physicalLocation: { artifactLocation, region: { startLine: c.row + 1, startColumn: c.col + 1 } },
            logicalLocations: [{ name: c.ref, fullyQualifiedName: displayRef(c) }],
            message: { text: displayRef(c) },
          })),
        }
      : {}),
    partialFingerprints: { 'povcheck/v1': fingerprint(ctx.path, f) },
    properties: {
      ...(f.at ? { cell: f.at.ref } : {}),
      ...(f.at?.sheet ? { sheet: f.at.sheet } : {}),
      ...(f.place ? { paragraph: f.place.paragraph, section: f.place.section, quote: f.place.quote } : {}),
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
      ...(f.indicator !== undefined ? { indicator: f.indicator } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.actual !== undefined ? { actual: f.actual } : {}),
      ...(explained ? { likelyCause: explained.text } : {}),
    },
  };
}

/** The coverage record as the JSON report gives it (reasons left out: SARIF carries them in notifications). */
function coverageJson(c: NonNullable<ReportInput['files'][number]['coverage']>): Sarif.PropertyBag {
  return { checks: { ran: c.ran.length, total: c.checks.length }, ran: c.ran, notRun: c.notRun.map((n) => n.check), notUnderstood: c.notUnderstood.map(({ text, cell }) => ({ text, cell })), ...(c.notCompared ? { notCompared: c.notCompared.map(({ indicator, cell }) => ({ indicator, cell: cell ?? null })) } : {}) };
}

export function sarifReport(input: ReportInput): string {
  return jsonControlsEscaped(JSON.stringify(sarifLog(input), null, 2)) + '\n';
}
