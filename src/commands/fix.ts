/**
 * `povcheck fix <file> -o <fixed>`: writes a corrected copy when the failing checks have exactly one
 * explanation with pinned values (src/locate), changing only those cells and keeping every other byte.
 * Never writes over the input, never writes a copy that still has errors.
 *
 * Exit codes: 0 a copy was written (corrected, or unchanged when no check fails) and it validates without
 * errors; 1 nothing written: no unique correction, or errors fix does not correct; 2 unreadable input, nothing
 * in it could be checked (nothing written), bad command line, the output is the input, or the output cannot be written.
 */
import { Option, type Command } from 'commander';
import { PovcheckError } from '../errors.js';
import type { Lang } from '../model/lang.js';
import type { EncodingChoice } from '../read/decode.js';
import type { Value } from '../model/annex.js';
import { checkedAnything } from '../model/coverage.js';
import { EXIT, delimiterOption, encodingOption, internalError, langOption, localeOption, makeStyle, noColorOption, readOptionsOf, type CommandContext } from './shared.js';

interface FixFlags {
  outputFile?: string;
  /** The older spelling of --output-file. */
  output?: string;
  lang?: Lang;
  locale?: 'vi' | 'en';
  delimiter?: string;
  encoding?: EncodingChoice;
  color?: boolean;
}

export function registerFix(program: Command, ctx: CommandContext): void {
  program
    .command('fix')
    .description('write a corrected copy of a table whose errors have exactly one explanation (the cells and values povcheck validate names as the likely cause)')
    .argument('<file>', 'CSV or TAB-separated text file (UTF-8, UTF-8 with BOM, UTF-16)')
    .addOption(new Option('-o, --output-file <fixed>', 'where to write the corrected copy (required; never the input)'))
    // The spelling fix had first: still accepted.
    .addOption(new Option('--output <fixed>').hideHelp())
    .addOption(langOption("language of messages (default: the table's)"))
    .addOption(localeOption('number format of the input (default: detected)'))
    .addOption(delimiterOption('CSV delimiter (default: detected)'))
    .addOption(encodingOption('text encoding of the input (default: detected; legacy ones are refused unless named); the copy keeps it'))
    .addOption(noColorOption())
    .action(async (file: string, flags: FixFlags, cmd: Command) => {
      const output = flags.outputFile ?? flags.output;
      if (output === undefined) cmd.error("error: required option '-o, --output-file <fixed>' not specified", { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
      try {
        ctx.setExit(await runFix(file, output, flags, ctx));
      } catch (e) {
        if (e instanceof PovcheckError) throw e;
        // An unexpected fault still names the file, in one line (the stack only with POVCHECK_DEBUG=1).
        throw internalError(e, ctx.io, file);
      }
    });
}

async function runFix(file: string, output: string, flags: FixFlags, { io }: CommandContext): Promise<number> {
  const [{ readFileBytes, gridFromAnyBytes }, { checkGrid }, { patchDelimited }, { formatCellValue }, { writeFileAtomic }, { catalog, makeFmt }, { causeLines, causeCellText }] =
    await Promise.all([
      import('../read/index.js'),
      import('../check-grid.js'),
      import('../read/patch.js'),
      import('../locate/index.js'),
      import('../io/write-atomic.js'),
      import('../messages/index.js'),
      import('../reporters/causes.js'),
    ]);
  const bytes = await readFileBytes(file);
  // A PovcheckError from reading or checking names the input.
  const named = async <T>(f: () => T | Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof PovcheckError) throw e.withFile(file);
      throw e;
    }
  };
  const grid = await named(() => gridFromAnyBytes(bytes, { ...readOptionsOf(flags), name: file }));
  const source = grid.source;
  // Workbooks are read (so the refusal is about writing them, not about reading), but not rewritten.
  if (source.kind !== 'delimited') throw new PovcheckError('USAGE', { detail: catalog(flags.lang ?? 'en').fix.workbook({ file }) });
  const shapeOpts = flags.locale ? { locale: flags.locale } : {};
  const result = await named(() => checkGrid(grid, shapeOpts));
  const lang: Lang = flags.lang ?? result.annex.lang;
  const t = catalog(lang).fix;
  const fmt = makeFmt(lang);
  const style = await makeStyle(io, flags.color);
  const loc = result.localisation;
  const errorCells = (fs: typeof result.findings) => [...new Set(fs.filter((f) => f.severity === 'error').map((f) => `${f.at?.ref ?? '—'} ${f.rule}`))];
  const refuse = (reason: Parameters<typeof t.refused>[0]['reason'], cells: string[] = []) => {
    io.out(t.refused({ file, reason, count: (loc.parts ?? [loc]).reduce((n, p) => n + p.causes.length + p.more, 0), cells }) + '\n');
    const lines = causeLines(loc, result.findings, lang, fmt, style);
    if (lines.length > 0 && reason !== 'other-errors') io.out(lines.join('\n') + '\n');
    return EXIT.FINDINGS;
  };

  // A table on which nothing could be checked has no "clean" to copy: say so, write nothing (exit 2, as validate).
  if (!checkedAnything(result.coverage)) {
    io.out(t.refused({ file, reason: 'unchecked', count: 0, cells: [] }) + '\n');
    return EXIT.UNREADABLE;
  }
  if (loc.status === 'clean') {
    const left = errorCells(result.findings);
    if (left.length > 0) return refuse('other-errors', left);
    await writeFileAtomic(output, bytes, [file]);
    io.out(t.copied({ output: output }) + '\n');
    return EXIT.OK;
  }
  if (loc.status === 'none' || loc.status === 'stopped') return refuse(loc.status);
  // Several independent errors: each part's cause, when every one is the only one and pinned.
  const chosen = loc.parts ? loc.parts.map((p) => p.causes[0]) : [loc.causes[0]];
  if (chosen.some((c) => c === undefined || c.confidence !== 'unique')) return refuse('ambiguous');
  if (chosen.some((c) => !c!.pinned || c!.cells.some((x) => x.proposed === undefined))) return refuse('not-pinned');
  const cause = { cells: chosen.flatMap((c) => c!.cells) };

  const valueAt = new Map<string, Value>();
  for (const vals of result.annex.values) for (const v of Object.values(vals)) if (v) valueAt.set(v.cell.ref, v);
  const edits = cause.cells.map((c) => ({ row: c.cell.row, col: c.cell.col, text: formatCellValue(c.proposed!, valueAt.get(c.cell.ref)!, result.annex) }));
  const encoding = flags.encoding ?? 'auto';
  const patched = patchDelimited(bytes, grid, source.delimiter, edits, encoding);
  if (!patched.ok) throw new PovcheckError('USAGE', { detail: t.unsafe({ file, cell: patched.cell }) });
  // The copy must validate without errors, read exactly as the input was (the grid patchDelimited read it back as).
  const again = await named(() => checkGrid(patched.grid, shapeOpts));
  const left = errorCells(again.findings);
  if (left.length > 0) return refuse('other-errors', left);
  await writeFileAtomic(output, patched.bytes, [file]);
  io.out(t.written({ output: output, count: cause.cells.length }) + '\n');
  for (const c of cause.cells) io.out(`  ${t.change({ cell: causeCellText(c) }, fmt)}\n`);
  return EXIT.OK;
}
