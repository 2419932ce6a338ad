/**
 * The one CSV writer: every CSV Blason serves goes through it. Semicolons and
 * a byte-order mark, as French spreadsheets expect; every cell quoted; a cell
 * a spreadsheet would read as a formula (it starts with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so that it is shown as text
 * (OWASP's advice against CSV injection). Numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : value;
  const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
