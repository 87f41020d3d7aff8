/**
 * Cells of CSV files that people open in spreadsheets, written safely and read back exactly.
 *
 * A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a formula (and some treat a
 * leading tab or carriage return the same way): a participant named `=HYPERLINK(…)` would run
 * in whoever opens the export. As OWASP recommends, such a cell is written with a `'` in front,
 * which spreadsheets show as text and hide. So that an export imports back exactly, a cell that
 * already begins with quotes before such a character gets one more, and reading removes one
 * quote from any cell of that shape: read(write(value)) === value for every value.
 *
 * Every CSV writer uses writeCsvCell (the server's export, the dashboard's downloads) and the
 * import reads every cell with readCsvCell. The dashboard imports this file by its path, so it
 * imports nothing itself.
 */

/** Quotes, then a character that starts a formula. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/;

export function writeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function readCsvCell(cell: string): string {
  return ESCAPED_FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
