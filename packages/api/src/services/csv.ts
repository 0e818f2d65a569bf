// CSV as RFC 4180 writes it (CRLF line ends, fields quoted when they hold a comma, quote or line
// break, quotes doubled), made safe to open in a spreadsheet: a text cell that starts like a
// formula (= + - @, or a tab or carriage return) gets a leading single quote so it is shown, not
// run (OWASP "CSV injection"). Numbers are written as they are: they are ours, not user text.
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
