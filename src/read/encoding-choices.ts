/**
 * What `--encoding` accepts: detection (the default), a Unicode form, or a legacy encoding (decode.ts reads
 * them). Apart from the decoders so that the command line's options do not load them (start-up of `--help`).
 */
import type { LegacyEncoding } from './legacy.js';

export type EncodingChoice = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;
export const ENCODING_CHOICES: readonly EncodingChoice[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'];
