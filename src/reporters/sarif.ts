/**
 * SARIF 2.1.0, for code-scanning tools (GitHub's upload-sarif, GitLab, Azure DevOps, VS Code's SARIF viewer).
 * One run; `tool.driver.rules` lists every rule id (stable, as `povcheck rules`) with its description and
 * default level; each finding is a result with its `ruleId`, a location whose region is the cell (startLine =
 * sheet row, startColumn = sheet column), the cell and sheet as a logical location, and `partialFingerprints`
 * that stay the same across runs (ci.ts). An unreadable file is a result of the pseudo-rule `unreadable`
 * (and a tool notification). Typed with @types/sarif; pure.
 */
import type * as Sarif from 'sarif';
import { displayRef } from '../model/grid.js';
import { RULE_IDS } from '../rules/index.js';
import { ruleDocs } from '../messages/rule-docs.js';
import type { RuleId, Severity } from '../model/finding.js';
import { ciPath, fingerprint, findingText, likelyCause, lineCol, uncheckedText, unreadableFingerprint, unreadableText } from './ci.js';
import { coverageText, langOf, runLang, type ReportInput } from './types.js';

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
  claim: 'StatedFigureMatchesTable',
  money: 'TotalEqualsItsParts',
  reference: 'CitationsAgree',
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

const MIME: Array<[RegExp, string]> = [
  [/\.xlsx$/i, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [/\.xlsm$/i, 'application/vnd.ms-excel.sheet.macroEnabled.12'],
  [/\.csv$/i, 'text/csv'],
  [/\.tsv$/i, 'text/tab-separated-values'],
  [/\.txt$/i, 'text/plain'],
  [/\.docx$/i, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
];

export function sarifLog(input: ReportInput): Sarif.Log {
  const lang = runLang(input);
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
  const ruleIndex = new Map(ids.map((id, i) => [id as string, i]));

  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactOf = (file: string, properties?: Sarif.PropertyBag): Sarif.ArtifactLocation => {
    const path = ciPath(file, input.cwd);
    const uri = pathToUri(path);
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      const mimeType = MIME.find(([re]) => re.test(path))?.[1];
      artifacts.push({ location: { uri }, ...(mimeType ? { mimeType } : {}), ...(properties ? { properties } : {}) });
    }
    return { uri, index: artifactIndex.get(uri)! };
  };

  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const file of input.files) {
    // Each table's coverage (which checks ran, what was not understood) rides on its artifact.
    const artifactLocation = artifactOf(file.file, file.coverage ? { coverage: coverageJson(file.coverage) } : undefined);
    const path = ciPath(file.file, input.cwd);
    if (file.status === 'unreadable') {
      const text = unreadableText(input, file);
      results.push({
        ruleId: 'unreadable',
        ruleIndex: ruleIndex.get('unreadable')!,
        level: 'error',
        message: { text },
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: 1 } } }],
        partialFingerprints: { 'povcheck/v1': unreadableFingerprint(path, file) },
        properties: { code: file.error?.code ?? 'INTERNAL' },
      });
      notifications.push({ level: 'error', message: { text: `${path}: ${text}` }, locations: [{ physicalLocation: { artifactLocation } }] });
      continue;
    }
    if (file.status === 'unchecked') {
      const text = uncheckedText(input, file);
      results.push({
        ruleId: 'unchecked',
        ruleIndex: ruleIndex.get('unchecked')!,
        level: 'error',
        message: { text },
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: 1 } } }],
        partialFingerprints: { 'povcheck/v1': fingerprint(path, { rule: 'unchecked' as never, msg: { id: 'unchecked' } }) },
      });
      notifications.push({ level: 'error', message: { text: `${path}: ${text}` }, locations: [{ physicalLocation: { artifactLocation } }] });
    } else {
      const { clause, hint } = coverageText(file, langOf(input, file));
      if (clause) notifications.push({ level: 'warning', message: { text: `${path}: ${[clause, hint].filter(Boolean).join('. ')}` }, locations: [{ physicalLocation: { artifactLocation } }] });
    }
    const cause = likelyCause(input, file);
    const causeCells = (file.localisation?.causes ?? []).flatMap((c) => c.cells.map((x) => x.cell));
    file.findings.forEach((f, i) => {
      const at = lineCol(f);
      const explained = cause?.explained.has(i) ?? false;
      const location: Sarif.Location = {
        // Table-wide findings point at the file's first line: code-scanning tools want a region.
        physicalLocation: { artifactLocation, region: at ? { startLine: at.line, startColumn: at.col } : { startLine: 1 } },
        ...(f.at ? { logicalLocations: [{ name: f.at.ref, fullyQualifiedName: displayRef(f.at) }] } : f.place ? { logicalLocations: [{ name: `¶${f.place.paragraph}`, fullyQualifiedName: `¶${f.place.paragraph}`, kind: 'paragraph' }] } : {}),
      };
      results.push({
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule)!,
        level: LEVEL[f.severity],
        // The likely cause in the message (what viewers show) and its cells as related locations.
        message: { text: findingText(input, file, f) + (explained ? `\n→ ${cause!.text}` : '') },
        locations: [location],
        ...(explained && causeCells.length > 0
          ? {
              relatedLocations: causeCells.map((c, k) => ({
                id: k + 1,
                physicalLocation: { artifactLocation, region: { startLine: c.row + 1, startColumn: c.col + 1 } },
                logicalLocations: [{ name: c.ref, fullyQualifiedName: displayRef(c) }],
                message: { text: displayRef(c) },
              })),
            }
          : {}),
        partialFingerprints: { 'povcheck/v1': fingerprint(path, f) },
        properties: {
          ...(f.at ? { cell: f.at.ref } : {}),
          ...(f.at?.sheet ? { sheet: f.at.sheet } : {}),
          ...(f.place ? { paragraph: f.place.paragraph, section: f.place.section, quote: f.place.quote } : {}),
          ...(f.unit !== undefined ? { unit: f.unit } : {}),
          ...(f.indicator !== undefined ? { indicator: f.indicator } : {}),
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
          ...(explained ? { likelyCause: cause!.text } : {}),
        },
      });
    });
  }

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
        artifacts,
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

/** The coverage record as the JSON report gives it (reasons left out: SARIF carries them in notifications). */
function coverageJson(c: NonNullable<ReportInput['files'][number]['coverage']>): Sarif.PropertyBag {
  return { checks: { ran: c.ran.length, total: c.checks.length }, ran: c.ran, notRun: c.notRun.map((n) => n.check), notUnderstood: c.notUnderstood.map(({ text, cell }) => ({ text, cell })) };
}

export function sarifReport(input: ReportInput): string {
  return JSON.stringify(sarifLog(input), null, 2) + '\n';
}
