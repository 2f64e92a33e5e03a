/** The language of messages, labels and help: a table's own (from its labels), `--lang`, or the environment's. */
export type Lang = 'vi' | 'en';
