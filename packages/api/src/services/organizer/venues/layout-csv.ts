// Reads a seat layout from CSV, strictly: the header must be exactly `section,row,number,x,y`,
// every line must hold five well-formed fields, and no seat may appear twice. Every problem is
// reported with its line number (the header is line 1), so a spreadsheet can be fixed in one
// pass. Fields may be quoted as RFC 4180 says, but not span lines. Pure: no database.

export const LAYOUT_CSV_HEADER = ["section", "row", "number", "x", "y"] as const;
export const MAX_LAYOUT_SEATS = 10_000;
/** Errors listed at most; a file that is wrong throughout does not need 10,000 of them. */
const MAX_ERRORS = 100;
const MAX_COORDINATE = 1_000_000;

export type LayoutLineError = { line: number; message: string };
export type LayoutSeat = {
  line: number;
  section: string;
  row: string;
  number: number;
  x: number;
  y: number;
};
export type ParsedLayout =
  | { ok: true; seats: LayoutSeat[] }
  | { ok: false; errors: LayoutLineError[]; errorCount: number };

export function parseLayoutCsv(text: string): ParsedLayout {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  if (lines.at(-1) === "") lines.pop();
  const errors: LayoutLineError[] = [];
  const fail = (line: number, message: string) => errors.push({ line, message });

  const header = splitFields(lines[0] ?? "");
  if (
    typeof header === "string" ||
    header.length !== LAYOUT_CSV_HEADER.length ||
    header.some((field, index) => field.toLowerCase() !== LAYOUT_CSV_HEADER[index])
  ) {
    fail(1, `The first line must be the header "${LAYOUT_CSV_HEADER.join(",")}".`);
    return failed(errors);
  }
  if (lines.length < 2) {
    fail(1, "The file has no seats.");
    return failed(errors);
  }
  if (lines.length - 1 > MAX_LAYOUT_SEATS) {
    fail(MAX_LAYOUT_SEATS + 2, `A layout has at most ${MAX_LAYOUT_SEATS} seats.`);
    return failed(errors);
  }

  const seats: LayoutSeat[] = [];
  const firstLineOf = new Map<string, number>();
  for (const [index, text] of lines.entries()) {
    if (index === 0) continue;
    const line = index + 1;
    if (text.trim() === "") {
      fail(line, "The line is empty.");
      continue;
    }
    const fields = splitFields(text);
    if (typeof fields === "string") {
      fail(line, fields);
      continue;
    }
    if (fields.length !== LAYOUT_CSV_HEADER.length) {
      fail(
        line,
        `Expected ${LAYOUT_CSV_HEADER.length} columns (${LAYOUT_CSV_HEADER.join(",")}), found ${fields.length}.`,
      );
      continue;
    }
    const [section = "", row = "", number = "", x = "", y = ""] = fields;
    const before = errors.length;
    if (section.length === 0 || section.length > 80) {
      fail(line, "section must be 1 to 80 characters.");
    }
    if (!/^[A-Za-z0-9]{1,10}$/.test(row)) fail(line, "row must be 1 to 10 letters or digits.");
    const seatNumber = positiveInteger(number);
    if (seatNumber === null) fail(line, "number must be a positive integer.");
    const seatX = coordinate(x);
    if (seatX === null) fail(line, "x must be an integer.");
    const seatY = coordinate(y);
    if (seatY === null) fail(line, "y must be an integer.");
    if (errors.length > before || seatNumber === null || seatX === null || seatY === null) {
      continue;
    }
    const key = JSON.stringify([section, row, seatNumber]);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      fail(line, `Duplicate seat: ${section} ${row}-${seatNumber} is already on line ${first}.`);
      continue;
    }
    firstLineOf.set(key, line);
    seats.push({ line, section, row, number: seatNumber, x: seatX, y: seatY });
  }
  return errors.length ? failed(errors) : { ok: true, seats };
}

function failed(errors: LayoutLineError[]): ParsedLayout {
  return { ok: false, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length };
}

function positiveInteger(text: string): number | null {
  if (!/^\d{1,6}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 ? value : null;
}

function coordinate(text: string): number | null {
  if (!/^-?\d{1,7}$/.test(text)) return null;
  const value = Number(text);
  return Math.abs(value) <= MAX_COORDINATE ? value : null;
}

/** The fields of one line, trimmed; or what is wrong with its quoting. */
function splitFields(line: string): string[] | string {
  const fields: string[] = [];
  let position = 0;
  for (;;) {
    if (line.slice(position).trimStart().startsWith('"')) {
      position = line.indexOf('"', position) + 1;
      let value = "";
      for (;;) {
        const quote = line.indexOf('"', position);
        if (quote < 0) return "A quoted field is not closed.";
        value += line.slice(position, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          position = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      const rest = line.indexOf(",", position);
      const after = rest < 0 ? line.slice(position) : line.slice(position, rest);
      if (after.trim() !== "") return "Unexpected text after a quoted field.";
      fields.push(value.trim());
      if (rest < 0) return fields;
      position = rest + 1;
    } else {
      const comma = line.indexOf(",", position);
      const value = comma < 0 ? line.slice(position) : line.slice(position, comma);
      if (value.includes('"')) return "A quote inside an unquoted field; quote the whole field.";
      fields.push(value.trim());
      if (comma < 0) return fields;
      position = comma + 1;
    }
  }
}
