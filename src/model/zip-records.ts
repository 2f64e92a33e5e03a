/**
 * The ZIP format's record signatures (APPNOTE.TXT 4.3), shared by the reader that checks a workbook or document's
 * container (read/zip-guard.ts) and the writer of the workbooks and documents povcheck makes (io/zip-write.ts).
 */

/** A part's local file header. */
export const ZIP_LOCAL_HEADER = 0x04034b50;
/** An entry of the central directory. */
export const ZIP_CENTRAL_HEADER = 0x02014b50;
/** The end-of-central-directory record. */
export const ZIP_END_RECORD = 0x06054b50;
/** The ZIP64 end-of-central-directory locator, just before the end record of a ZIP64 archive. */
export const ZIP64_LOCATOR = 0x07064b50;
