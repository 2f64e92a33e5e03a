/**
 * The text of the command line itself: what `--help` prints and what a wrong command line gets (unknown
 * option, missing argument, bad value), in each language (cli-vi.ts, cli-en.ts). commander writes these in
 * English; src/commands/cli-language.ts hands its titles, descriptions and errors to this catalogue.
 */

/** Help of one command: its description, its arguments by name, its options by long flag ("--format", "--no-color"). */
export interface CommandHelp {
  description: string;
  arguments?: Record<string, string>;
  options?: Record<string, string>;
}

/** An option, or the environment variable that set it. */
export interface OptionRef {
  env: boolean;
  name: string;
}

/** The titles commander's help uses. */
export type HelpTitle = 'Usage:' | 'Arguments:' | 'Options:' | 'Commands:' | 'Global Options:';

export interface CliText {
  titles: Record<HelpTitle, string>;
  /** `[options]` and `[command]` in a usage line. */
  usageWords: { options: string; command: string };
  /**
   * Descriptions that replace the ones written in the commands (by command name; `povcheck` is the program).
   * English has none: the commands' own texts are English.
   */
  commands?: Record<string, CommandHelp>;
  helpOption: string;
  versionOption: string;
  helpCommand: string;
  /** After an option's description: "(choices: …)", "(default: …)". */
  choices: (list: string) => string;
  default: (value: string) => string;
  examplesTitle: string;
  /** One example per command (and one for the program): the command line, and what it does. */
  examples: Record<string, { line: string; says: string }>;
  /** The last lines of the program's help: the other language, where the rest is documented. */
  programFooter: string;
  /** The line after an error in a command line. */
  helpAfterError: (command: string) => string;
  errors: {
    unknownOption: (flag: string, suggestions: string[]) => string;
    unknownCommand: (name: string, suggestions: string[]) => string;
    missingArgument: (name: string) => string;
    optionMissingArgument: (flags: string) => string;
    missingMandatoryOption: (flags: string) => string;
    invalidOptionValue: (flags: string, value: string, reason: string) => string;
    invalidArgumentValue: (name: string, value: string, reason: string) => string;
    allowedChoices: (choices: string[]) => string;
    excessArguments: (command: string | undefined, expected: number, got: number) => string;
    conflictingOptions: (a: OptionRef, b: OptionRef) => string;
  };
  /** `table --date` given something that is not a date. */
  badDate: string;
  /** `-o --format json`: the option name was taken for the file name. */
  outputIsOption: string;
  /** -o given an empty name (`--output-file=`). */
  outputEmpty: string;
}
