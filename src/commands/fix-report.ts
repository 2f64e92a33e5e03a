/**
 * `fix`'s outcome reported: the copy written (atomically, never over the input) and what changed, or why
 * nothing was written with the explanations found; the exit code (fix.ts's header).
 */
import { catalog, makeFmt } from '../messages/index.js';
import { displayRef } from '../model/grid.js';
import { EXIT, makeStyle, type CommandContext } from './shared.js';
import type { FixRun } from './fix-options.js';
import type { FixOutcome } from './fix-run.js';

export async function reportFix(outcome: FixOutcome, r: FixRun, { io }: CommandContext): Promise<number> {
  const t = catalog(outcome.lang).fix;
  switch (outcome.kind) {
    case 'unchecked':
      io.out(t.refused({ file: r.file, reason: 'unchecked', count: 0, cells: [] }) + '\n');
      return EXIT.UNREADABLE;
    case 'refused':
      await reportRefusal(outcome, r, io);
      return EXIT.FINDINGS;
    case 'copy': {
      const { writeFileAtomic } = await import('../io/write-atomic.js');
      await writeFileAtomic(r.output, outcome.bytes, [r.file]);
      if (!outcome.changed && !outcome.restored) {
        io.out(t.copied({ output: r.output }) + '\n');
        return EXIT.OK;
      }
      const { causeCellText } = await import('../reporters/causes.js');
      const fmt = makeFmt(outcome.lang);
      const [changed, cleared, restored] = [outcome.changed ?? [], outcome.cleared ?? [], outcome.restored ?? []];
      io.out(t.written({ output: r.output, count: restored.length + changed.length + cleared.length }) + '\n');
      for (const x of restored) io.out(`  ${t.restored({ ref: displayRef(x.cell), unit: x.unit, indicator: x.indicator, actual: x.actual, text: x.text }, fmt)}\n`);
      for (const c of changed) io.out(`  ${t.change({ cell: causeCellText(c) }, fmt)}\n`);
      for (const c of cleared) io.out(`  ${t.cleared({ ref: displayRef(c.landed.cell), header: c.landed.header, along: c.along, text: c.landed.plain !== undefined ? fmt.n(c.landed.plain) : c.landed.text, movedTo: displayRef(c.movedTo) })}\n`);
      io.out(t.validates() + '\n');
      return EXIT.OK;
    }
  }
}

/** Why nothing was written, then the explanations found (unless the refusal is about errors fix does not correct). */
async function reportRefusal(outcome: Extract<FixOutcome, { kind: 'refused' }>, r: FixRun, io: CommandContext['io']): Promise<void> {
  const { lang, localisation: loc, reason } = outcome;
  const count = (loc.parts ?? [loc]).reduce((n, p) => n + p.causes.length + p.more, 0);
  const into = outcome.pushedInto;
  const fmt = makeFmt(lang);
  const landed = into && {
    ref: displayRef(into.landed.cell),
    text: into.landed.plain !== undefined ? fmt.n(into.landed.plain) : into.landed.text,
    number: into.landed.plain !== undefined,
    lost: displayRef(into.lost),
    ...(into.given !== undefined ? { given: fmt.n(into.given) } : {}),
  };
  io.out(catalog(lang).fix.refused({ file: r.file, reason, count, cells: outcome.cells, ...(landed ? { landed } : {}) }) + '\n');
  const { causeLines } = await import('../reporters/causes.js');
  const lines = causeLines(loc, outcome.findings, lang, fmt, await makeStyle(io, r.color));
  if (lines.length > 0 && reason !== 'other-errors') io.out(lines.join('\n') + '\n');
}
