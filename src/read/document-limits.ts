/**
 * Limits on plan documents (.docx and plain text), against hostile files: a document part that unpacks
 * to more than a plan ever holds, a table of millions of cells, elements nested thousands deep. Past a limit
 * the file is refused (exit 2) with the reason, within a second or two, never after exhausting memory.
 */
export interface DocumentLimits {
  /** All ZIP parts together as their headers declare them, unpacked. */
  maxUnpackedBytes: number;
  /** word/document.xml unpacked (a 300-page plan with its tables is a few MB). */
  maxDocumentBytes: number;
  maxEntries: number;
  /** Table cells over all tables. */
  maxCells: number;
  /** Rows and grid columns of one table. */
  maxRows: number;
  maxCols: number;
  maxParagraphs: number;
  /** The text of all paragraphs together, in characters (a 300-page plan has about a million). */
  maxTextChars: number;
  /** XML elements open at once (Word nests tables in cells, a few levels at most). */
  maxDepth: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxEntries: 5_000,
  maxCells: 200_000,
  maxRows: 100_000,
  maxCols: 1_000,
  maxParagraphs: 50_000,
  maxTextChars: 4_000_000,
  maxDepth: 256,
};
