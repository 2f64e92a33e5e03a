/**
 * Input text povcheck repeats back in a message or a report (a typed value, a sheet's or a target's name, an
 * option's value): cut, so that a hostile or mistaken input of megabytes cannot flood a terminal or a CI log.
 */

/** Longest input text povcheck repeats back (names, typed values): longer is garbage, and reports must stay readable. */
export const MAX_ECHO = 120;

/** `text`, cut to `max` characters with an ellipsis. */
export function clip(text: string, max = MAX_ECHO): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
