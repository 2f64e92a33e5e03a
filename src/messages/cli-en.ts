/** English text of the command line: commander's own words (the commands' descriptions are written in English). */
import type { CliText, OptionRef } from './cli-types.js';

const mean = (s: string[]) => (s.length === 0 ? '' : s.length === 1 ? `\n(Did you mean ${s[0]}?)` : `\n(Did you mean one of ${s.join(', ')}?)`);

const ref = (o: OptionRef) => `${o.env ? 'environment variable' : 'option'} '${o.name}'`;

export const enCli: CliText = {
  titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' },
  usageWords: { options: '[options]', command: '[command]' },
  helpOption: 'display help for command',
  versionOption: 'output the version number',
  helpCommand: 'display help for command',
  choices: (list) => `choices: ${list}`,
  default: (value) => `default: ${value}`,
  examplesTitle: 'Example:',
  examples: {
    povcheck: { line: 'povcheck validate fixtures/tuyen-quang-2020.csv', says: 'check a table: every derived number recomputed, each inconsistency at its cell' },
    validate: { line: 'povcheck validate fixtures/planted/two-errors.csv --format html -o report.html', says: 'check a table and write an HTML report that marks the wrong cells' },
    fix: { line: 'povcheck fix fixtures/planted/two-errors.csv -o fixed.csv', says: 'write a corrected copy when one cause explains every error' },
    table: {
      line: 'povcheck table fixtures/calc/seed-base-counts.csv --format docx -o annex.docx --title "Annex: poverty reduction, 2020" --lang en',
      says: 'compute every cell from the base counts and write the annex as a Word table',
    },
    plan: { line: 'povcheck plan fixtures/calc/seed-plan-input.csv --target "Na Hang=4" --target "Lâm Bình=4"', says: 'the least number of poor households that must leave poverty to meet the targets' },
    rate: { line: 'povcheck rate 24814 210299', says: 'one poverty rate, rounded as the tables round it (11.80)' },
    rules: { line: 'povcheck rules', says: 'every rule, its severity and what it checks' },
    explain: { line: 'povcheck explain rate-change', says: 'what one rule checks, why, with an example' },
  },
  programFooter: 'Every option of a command: povcheck <command> --help. Vietnamese: add --lang vi.\nDocumentation: README.md and docs/.',
  helpAfterError: (command) => `(${command} --help for usage)`,
  errors: {
    unknownOption: (flag, s) => `error: unknown option '${flag}'${mean(s)}`,
    unknownCommand: (name, s) => `error: unknown command '${name}'${mean(s)}`,
    missingArgument: (name) => `error: missing required argument '${name}'`,
    optionMissingArgument: (flags) => `error: option '${flags}' argument missing`,
    missingMandatoryOption: (flags) => `error: required option '${flags}' not specified`,
    invalidOptionValue: (flags, value, reason) => `error: option '${flags}' argument '${value}' is invalid. ${reason}`,
    invalidArgumentValue: (name, value, reason) => `error: command-argument value '${value}' is invalid for argument '${name}'. ${reason}`,
    allowedChoices: (choices) => `Allowed choices are ${choices.join(', ')}.`,
    excessArguments: (command, expected, got) => `error: too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
    conflictingOptions: (a, b) => `error: ${ref(a)} cannot be used with ${ref(b)}`,
  },
  badDate: 'Write a date as 2020-12-31 or 31/12/2020.',
  outputIsOption: 'It names an option, not a file: give the file name right after -o (a file whose name starts with - as ./-name).',
  outputEmpty: 'No file name: give the file name right after -o.',
};
