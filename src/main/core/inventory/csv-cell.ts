/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell starting with = + - @ tab or CR as a
 * formula, so a device name like `=HYPERLINK(...)` would become a live link in whoever opens the export.
 * Such cells are written with a leading apostrophe, which spreadsheets show as text; import takes it off again
 * so a round trip keeps the name.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
