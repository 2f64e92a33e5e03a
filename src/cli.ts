/**
 * The command line: commander parses the arguments; each command (src/commands/*.ts) resolves its flags into
 * one run object, runs it (data, no printing) and reports it, which sets the exit code. Exit codes: 0 no
 * errors; 1 errors (or warnings under --fail-on warning); 2 unreadable input or bad command line (commander's
 * own errors included).
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { isPovcheckError } from './errors.js';
import { visible } from './messages/visible.js';
import { EXIT, envLang, internalError, oneLine, processIo, type CommandContext, type Io } from './commands/shared.js';
import { registerValidate } from './commands/validate.js';
import { registerFix } from './commands/fix.js';
import { registerRules } from './commands/rules.js';
import { registerTable } from './commands/table.js';
import { registerPlan } from './commands/plan.js';
import { registerRate } from './commands/rate.js';
import { cliLang, givenLang, langAfterCommand, localizeProgram } from './commands/cli-language.js';

export { EXIT } from './commands/shared.js';

/** povcheck's version: written into the bundle by scripts/bundle.mjs (no package.json to find at start-up), else read. */
declare const POVCHECK_VERSION: string | undefined;
const VERSION: string = typeof POVCHECK_VERSION === 'string' ? POVCHECK_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The program; its help and option errors in `ctx.lang` (default: the environment's language). */
/** Each command's names and the function that registers it. */
const COMMANDS: ReadonlyArray<[names: readonly string[], register: (program: Command, ctx: CommandContext) => void]> = [
  [['validate'], registerValidate],
  [['fix'], registerFix],
  [['table'], registerTable],
  [['plan'], registerPlan],
  [['rate'], registerRate],
  [['rules', 'explain'], registerRules],
];

/** `argv` (process.argv's shape): when given, only the command it names is registered (every command without one). */
export function buildProgram(ctx: CommandContext, argv?: readonly string[]): Command {
  const program = new Command();
  // commander's errors quote the arguments: each line shown through `visible` (no control character reaches the terminal).
  const err = (s: string) => ctx.io.err(s.split('\n').map(visible).join('\n'));
  program
    .name('povcheck')
    .description('Check and compute poverty-rate tables (annex tables of Vietnamese poverty-reduction plans).')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Help width and colours from `io`, never from process.stdout (creating it loads Node's streams: about 9 ms
    // of `--help`); commander's help has no colours to strip. A width undefined (no terminal) is commander's 80.
    .configureOutput({ writeOut: ctx.io.out, writeErr: err, getOutHelpWidth: () => ctx.io.columns as number, getOutHasColors: () => false });
  const withVersion = { ...ctx, version: VERSION };
  // A run that names its command first (`povcheck validate …`) registers that command only: building every
  // command's options is part of each start. Anything else (help, a mistyped command commander suggests a name
  // for, an option before the command) gets them all.
  const named = COMMANDS.find(([names]) => argv !== undefined && names.includes(argv[2] ?? ''));
  for (const [, register] of named ? [named] : COMMANDS) register(program, withVersion);
  localizeProgram(program, ctx.lang ?? envLang(ctx.io.env), { out: ctx.io.out, err });
  return program;
}

export async function main(given: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.OK;
  const argv = langAfterCommand(given);
  const lang = cliLang(argv, io.env);
  const program = buildProgram({ io, setExit: (c) => (code = c), lang }, argv);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version succeed; help shown because the command line was incomplete does not.
      const benign = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0;
      return benign ? EXIT.OK : EXIT.UNREADABLE;
    }
    if (isPovcheckError(e)) {
      // In --lang's language, else the error's own (an output refused in its report's language), else the user's.
      io.err(oneLine(e, givenLang(argv) ?? e.lang ?? lang) + '\n');
      return EXIT.UNREADABLE;
    }
    io.err(`povcheck: internal error (${visible(internalError(e, io).params.detail)})\n`);
    return EXIT.UNREADABLE;
  }
}
