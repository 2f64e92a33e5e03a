/**
 * `povcheck rules`: every rule id with its default severity and what it checks, in one line each (and the
 * level a configuration gives it). `povcheck explain <rule>`: what the rule checks, why, and an example; and so for
 * every other id a report names a file or a run by (`unchecked`, `coverage`, …: rule-docs.ts REPORT_IDS), with where
 * reports name it and what it does to the run. Both in Vietnamese and English (messages/rule-docs-*.ts).
 */
import { Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import { catalog } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { RuleId, Severity } from '../model/finding.js';
import { displayWidth } from '../render/box.js';
import { envLang, langOption, noColorOption, type CommandContext } from './shared.js';

interface RulesFlags {
  lang?: Lang;
  format?: 'text' | 'json';
  config?: string | false;
}

async function context(flags: RulesFlags, ctx: CommandContext) {
  const { loadConfig } = await import('../config.js');
  const config = await loadConfig(flags.config === false ? false : flags.config, ctx.io.cwd ?? process.cwd());
  const lang: Lang = flags.lang ?? config?.lang ?? envLang(ctx.io.env);
  const { RULE_IDS } = await import('../rules/index.js');
  const { ruleDocs, REPORT_IDS } = await import('../messages/rule-docs.js');
  const ui = catalog(lang).ui;
  /** A rule's default severity, then the level the configuration gives it, if it gives one. */
  const severityText = (id: RuleId, severity: Severity) => {
    const level = config?.rules?.[id];
    return ui.severity[severity] + (level ? ` → ${ui.configuredLevel(level === 'off' ? ui.off : ui.severity[level], config!.path)}` : '');
  };
  return { config, lang, rules: RULE_IDS, reportIds: REPORT_IDS, docs: ruleDocs(lang), ui, severityText };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - displayWidth(s)));

export function registerRules(program: Command, ctx: CommandContext): void {
  program
    .command('rules')
    .description('list every rule id with its default severity and what it checks')
    .addOption(langOption('language (default: the configuration, else LANG)'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'configuration file whose rule levels to show')
    .option('--no-config', 'use no configuration file')
    .addOption(noColorOption())
    .action(async (flags: RulesFlags) => {
      const { config, lang, rules, reportIds, docs, ui, severityText } = await context(flags, ctx);
      const levelOf = (id: RuleId) => config?.rules?.[id];
      if (flags.format === 'json') {
        const out = rules.map((r) => ({ id: r.id, severity: r.severity, ...(levelOf(r.id) ? { configured: levelOf(r.id) } : {}), summary: docs[r.id].summary }));
        ctx.io.out(JSON.stringify({ lang, rules: out }, null, 2) + '\n');
        return;
      }
      const rows = rules.map((r) => [r.id, severityText(r.id, r.severity), docs[r.id].summary]);
      const head = [ui.rulesHeader.id, ui.rulesHeader.severity, ui.rulesHeader.summary];
      const w0 = Math.max(...[head, ...rows].map((r) => displayWidth(r[0]!)));
      const w1 = Math.max(...[head, ...rows].map((r) => displayWidth(r[1]!)));
      const line = (r: string[]) => `${pad(r[0]!, w0)}  ${pad(r[1]!, w1)}  ${r[2]}`.trimEnd();
      ctx.io.out([line(head), ...rows.map(line), '', ui.rulesFooter(reportIds)].join('\n') + '\n');
    });

  program
    .command('explain')
    .description('say what a rule checks, why, and show an example (or what another id a report names means)')
    .argument('<rule>', 'a rule id (povcheck rules lists them), or another id a report names: unreadable, unchecked, coverage, passed-over')
    .addOption(langOption('language (default: the configuration, else LANG)'))
    .option('--config <file>', 'configuration file whose rule level to show')
    .option('--no-config', 'use no configuration file')
    .addOption(noColorOption())
    .action(async (rule: string, flags: RulesFlags) => {
      const { rules, reportIds, docs, ui, severityText } = await context(flags, ctx);
      const id = idOf(rule);
      const h = ui.explainHeadings;
      const section = (title: string, body: string) => [title, `  ${body}`, ''];
      const reportId = reportIds.find((x) => x === id);
      if (reportId) {
        const d = docs[reportId];
        ctx.io.out(
          [
            `${reportId}: ${d.summary}`,
            '',
            ...section(h.means, d.checks),
            ...section(h.why, d.why),
            ...section(h.example, d.example),
            ...section(h.where, d.where),
            ...section(h.weight, d.weight),
            ...section(h.configure, ui.notARule),
          ].join('\n'),
        );
        return;
      }
      const r = rules.find((x) => x.id === id);
      if (!r) throw new PovcheckError('BAD_OPTION', { reason: 'unknown-rule', rule, known: rules.map((x) => x.id), reportIds: [...reportIds] });
      const d = docs[r.id];
      const severity = severityText(r.id, r.severity);
      ctx.io.out(
        [
          `${r.id}: ${d.summary}`,
          '',
          ...section(h.severity, severity),
          ...section(h.checks, d.checks),
          ...section(h.why, d.why),
          ...section(h.example, d.example),
          ...section(h.configure, `povcheck.config.json: { "rules": { "${r.id}": "off" } }   ·   --rule ${r.id}=warning`),
        ].join('\n'),
      );
    });
}

/**
 * The id asked for, as reports write it: rule ids are lower case (`Sum` is `sum`), and the JSON report's key
 * `passedOver` is the CI formats' `passed-over`.
 */
function idOf(text: string): string {
  const id = text.trim().toLowerCase();
  return id === 'passedover' ? 'passed-over' : id;
}
