/**
 * The command line in the user's language. commander writes its help and its errors in English; here its help
 * titles, the commands' and options' descriptions, "(choices: …)", "(default: …)" and its error messages are
 * taken from the catalogue (messages/cli-*.ts), and every command's help ends with an example.
 *
 * The language: `--lang vi|en` anywhere on the command line, else the user's locale settings (LC_ALL, then
 * LC_MESSAGES, then LANG), the rule validate already follows for its messages (shared.ts `envLang`).
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import { cliText, isLang } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { CliText, CommandHelp, HelpTitle } from '../messages/cli-types.js';
import { envLang } from './shared.js';

/** The command line's language: `--lang` (before a `--`), else the environment's. */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  return givenLang(argv) ?? envLang(env);
}

/** The language `--lang` names (before a `--`), if any. */
export function givenLang(argv: readonly string[]): Lang | undefined {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return undefined;
}

/**
 * `--lang` given before the command (`povcheck --lang en validate a.csv`, as `povcheck --lang en --help` works)
 * moved after it, where each command takes it; any other command line unchanged.
 */
export function langAfterCommand(argv: readonly string[]): string[] {
  const a = argv[2];
  const width = a === '--lang' ? 2 : a?.startsWith('--lang=') ? 1 : 0;
  const command = argv[2 + width];
  if (width === 0 || command === undefined || command.startsWith('-')) return [...argv];
  return [...argv.slice(0, 2), command, ...argv.slice(2, 2 + width), ...argv.slice(3 + width)];
}

/** Descriptions by the commander object they belong to, from the catalogue (a missing one keeps the English). */
interface Texts {
  commands: Map<Command, string>;
  options: Map<Option, string>;
  arguments: Map<Argument, string>;
}

function collect(program: Command, help: Record<string, CommandHelp> | undefined): Texts {
  const t: Texts = { commands: new Map(), options: new Map(), arguments: new Map() };
  if (!help) return t;
  for (const cmd of [program, ...program.commands]) {
    const h = help[cmd === program ? 'povcheck' : cmd.name()];
    if (!h) continue;
    t.commands.set(cmd, h.description);
    for (const a of cmd.registeredArguments) if (h.arguments?.[a.name()]) t.arguments.set(a, h.arguments[a.name()]!);
    for (const o of cmd.options) if (o.long && h.options?.[o.long]) t.options.set(o, h.options[o.long]!);
  }
  return t;
}

/** "(choices: …, default: …)" after a description, in the catalogue's words, as commander writes it. */
function withExtra(description: string, extra: string[]): string {
  if (extra.length === 0) return description;
  return description ? `${description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

function optionExtra(o: Option, cli: CliText): string[] {
  const extra: string[] = [];
  if (o.argChoices) extra.push(cli.choices(o.argChoices.map((c) => JSON.stringify(c)).join(', ')));
  const showDefault = o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean');
  if (o.defaultValue !== undefined && showDefault) extra.push(cli.default(o.defaultValueDescription || JSON.stringify(o.defaultValue)));
  return extra;
}

const usageWords = (usage: string, cli: CliText) => usage.replace('[options]', cli.usageWords.options).replace('[command]', cli.usageWords.command);

/** The help settings that put commander's help into the catalogue's language. */
function helpConfiguration(cli: CliText, t: Texts): Partial<Help> {
  return {
    styleTitle: (title: string) => cli.titles[title as HelpTitle] ?? title,
    commandUsage(this: Help, cmd: Command) {
      return usageWords(Help.prototype.commandUsage.call(this, cmd), cli);
    },
    subcommandTerm(this: Help, cmd: Command) {
      return usageWords(Help.prototype.subcommandTerm.call(this, cmd), cli);
    },
    commandDescription: (cmd: Command) => t.commands.get(cmd) ?? cmd.description(),
    subcommandDescription: (cmd: Command) => {
      // commander's own `help [command]` is not among the registered commands.
      if (cmd.name() === 'help' && !cmd.parent?.commands.includes(cmd)) return cli.helpCommand;
      return t.commands.get(cmd) ?? (cmd.summary() || cmd.description());
    },
    optionDescription: (o: Option) => {
      const own = o.long === '--help' ? cli.helpOption : o.long === '--version' ? cli.versionOption : (t.options.get(o) ?? o.description);
      return withExtra(own, optionExtra(o, cli));
    },
    argumentDescription: (a: Argument) => {
      const extra: string[] = [];
      if (a.argChoices) extra.push(cli.choices(a.argChoices.map((c) => JSON.stringify(c)).join(', ')));
      if (a.defaultValue !== undefined) extra.push(cli.default(a.defaultValueDescription || JSON.stringify(a.defaultValue)));
      return withExtra(t.arguments.get(a) ?? a.description, extra);
    },
  };
}

/** commander's error messages, read back into their parts and worded by the catalogue (unknown ones pass as they are). */
export function translateError(message: string, cli: CliText): string {
  const e = cli.errors;
  const suggestions = (s: string | undefined) => (s === undefined ? [] : s.split(', '));
  const reason = (r: string) => {
    const choices = /^Allowed choices are (.*)\.$/s.exec(r) ?? /^((?:[\w.-]+, )+[\w.-]+)$/.exec(r);
    return choices ? e.allowedChoices(choices[1]!.split(', ')) : r;
  };
  const ref = (s: string) => {
    const m = /^(option|environment variable) '(.*)'$/.exec(s);
    return { env: m?.[1] === 'environment variable', name: m?.[2] ?? s };
  };
  const text = message.replace(/\n$/, '');
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^error: unknown option '(.*?)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s, (m) => e.unknownOption(m[1]!, suggestions(m[2]))],
    [/^error: unknown command '(.*?)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s, (m) => e.unknownCommand(m[1]!, suggestions(m[2]))],
    [/^error: missing required argument '(.*)'$/s, (m) => e.missingArgument(m[1]!)],
    [/^error: option '(.*)' argument missing$/s, (m) => e.optionMissingArgument(m[1]!)],
    [/^error: required option '(.*)' not specified$/s, (m) => e.missingMandatoryOption(m[1]!)],
    [/^error: option '(.*?)' argument '(.*?)' is invalid\. (.*)$/s, (m) => e.invalidOptionValue(m[1]!, m[2]!, reason(m[3]!))],
    [/^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\. (.*)$/s, (m) => e.invalidArgumentValue(m[2]!, m[1]!, reason(m[3]!))],
    [/^error: too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\.$/s, (m) => e.excessArguments(m[1], Number(m[2]), Number(m[3]))],
    [/^error: ((?:option|environment variable) '.*?') cannot be used with ((?:option|environment variable) '.*?')$/s, (m) => e.conflictingOptions(ref(m[1]!), ref(m[2]!))],
  ];
  for (const [re, word] of rules) {
    const m = re.exec(text);
    if (m) return `${word(m)}\n`;
  }
  return message;
}

/** The example at the end of a command's help. */
function exampleText(cli: CliText, name: string): string | undefined {
  const ex = cli.examples[name];
  return ex ? `\n${cli.examplesTitle}\n  ${ex.line}\n      ${ex.says}` : undefined;
}

/**
 * Puts the program's help and errors into `lang`: call it after every command is registered. Output still goes
 * where the program's configureOutput sends it.
 */
export function localizeProgram(program: Command, lang: Lang, write: { out: (s: string) => void; err: (s: string) => void }): void {
  const cli = cliText(lang);
  const config = helpConfiguration(cli, collect(program, cli.commands));
  const output = { writeOut: write.out, writeErr: write.err, outputError: (s: string, w: (s: string) => void) => w(translateError(s, cli)) };
  program.configureHelp(config).configureOutput(output).showHelpAfterError(cli.helpAfterError('povcheck'));
  program.helpOption('-h, --help', cli.helpOption).helpCommand('help [command]', cli.helpCommand);
  const programExample = exampleText(cli, 'povcheck');
  program.addHelpText('after', `${programExample ?? ''}\n\n${cli.programFooter}`);
  for (const cmd of program.commands) {
    cmd.configureHelp(config).configureOutput(output).showHelpAfterError(cli.helpAfterError(`povcheck ${cmd.name()}`));
    cmd.helpOption('-h, --help', cli.helpOption);
    const example = exampleText(cli, cmd.name());
    if (example) cmd.addHelpText('after', example);
  }
}
