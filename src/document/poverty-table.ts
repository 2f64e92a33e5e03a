/**
 * A plan document's poverty table, for `table` and `plan`: the first of its tables that validate checks as a
 * poverty table (tables.ts `checkDocumentTables`: a table split at a page break read as one, a lost header row
 * named by position), as the grid those commands shape, with what the reading notes say of it. So the appendix
 * can be rendered, or a plan computed, straight from the .docx, .doc or plain-text plan. Pure.
 */
import { PovcheckError } from '../errors.js';
import type { DocumentTableNote, PlanDocument } from '../model/document.js';
import type { Grid } from '../model/grid.js';
import { checkDocumentTables, claimTableOf, letterheadTexts, type TableOptions } from './tables.js';
import { textTargets, type TextTarget } from './claims.js';

export interface DocumentPovertyTable {
  grid: Grid;
  /**
   * The targets the plan's text sets for the table's units, and the units it sets them for that the table does not
   * name (claims.ts `textTargets`): `plan`'s when none is given, read only then.
   */
  targets: () => { targets: TextTarget[]; unmatched: string[] };
  /** The total unit's name, when only arithmetic told it (a lost header row): for the shape stage's `totalNames`. */
  totalName?: string;
  note: DocumentTableNote;
}

/**
 * The document's first poverty table; refused (NOT_A_TABLE, `document-no-table`) when it has none, or with the
 * reason its first table that looked like one could not be read (an ambiguous number format …).
 */
export function povertyTableOf(doc: PlanDocument, opts: TableOptions = {}): DocumentPovertyTable {
  const checks = checkDocumentTables(doc.tables, opts);
  const read = checks.filter((c) => c.result);
  const first = read[0];
  if (!first) {
    const unreadable = checks.find((c) => c.problem);
    throw unreadable ? unreadable.problem!.withTable(unreadable.table.number) : new PovcheckError('NOT_A_TABLE', { reason: 'document-no-table', tables: doc.tables.length });
  }
  const number = first.table.number;
  const problems = checks.filter((c) => c.problem && c.table.number < number).map((c) => c.table.number);
  const headerLost = first.headerLost;
  return {
    grid: first.grid,
    targets: () => textTargets(doc.paragraphs, claimTableOf(first), letterheadTexts(checks)),
    ...(headerLost?.total !== undefined && !headerLost.given ? { totalName: headerLost.total } : {}),
    note: {
      table: number,
      tables: doc.tables.length,
      joined: checks.filter((c) => c.continues === number).map((c) => c.table.number),
      others: read.slice(1).map((c) => c.table.number),
      ...(problems.length > 0 ? { unreadable: problems } : {}),
      ...(headerLost ? { headerLost: { names: headerLost.names, given: headerLost.given, ...(headerLost.total !== undefined ? { total: headerLost.total } : {}) } } : {}),
    },
  };
}
