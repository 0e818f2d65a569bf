// CSV cells for the sales download: RFC 4180 quoting, and spreadsheet formulas defused.
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../src/services/csv.ts";

describe("csvCell", () => {
  it.each([
    ["plain text", "Jazz Night", "Jazz Night"],
    ["text with a comma", "Lin, Mei", '"Lin, Mei"'],
    ["text with quotes", 'The "Big" Show', '"The ""Big"" Show"'],
    ["text with a line break", "line one\nline two", '"line one\nline two"'],
    ["text with a carriage return", "a\r\nb", '"a\r\nb"'],
    ["CJK text", "周杰倫 嘉年華", "周杰倫 嘉年華"],
    ["an empty string", "", ""],
  ])("writes %s", (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["=", "=1+1", "'=1+1"],
    ["+", "+886 2 1234", "'+886 2 1234"],
    ["-", "-2+3", "'-2+3"],
    ["@", "@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["a tab", "\t=1", "'\t=1"],
    ["a carriage return", "\r=1", '"\'\r=1"'],
    ["= with quotes and commas", '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])("prefixes a text cell starting with %s with a single quote", (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves formula characters alone when they are not first", () => {
    expect(csvCell("Rock @ Taipei = fun")).toBe("Rock @ Taipei = fun");
  });

  it("writes numbers as numbers, negative ones included, and null as an empty cell", () => {
    expect(csvCell(2300)).toBe("2300");
    expect(csvCell(-2700)).toBe("-2700");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        [1, "x,y"],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
    expect(toCsv([])).toBe("");
  });
});
