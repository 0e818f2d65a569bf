// docs/requirements.md maps every requirement to its procedures, services, pages and tests.
// This keeps the map true: every path in it exists, and every procedure is in the router.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const map = readFileSync(join(repo, "docs/requirements.md"), "utf8");

const ROOTS: [prefix: string, root: string][] = [
  ["services/", "packages/api/src/services/"],
  ["app/", "apps/web/src/app/"],
  ["packages/", "packages/"],
  ["apps/", "apps/"],
];

/** The backticked cells of the tables' rows: `a`, `b.c`, … */
function codeSpans(line: string) {
  return [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

const rows = map.split("\n").filter((line) => /^\| (R\d+|\w)/.test(line) && line.includes("`"));
const spans = rows.flatMap(codeSpans);
const paths = spans.filter((span) => /\.(ts|tsx)$/.test(span));
const procedures = spans.filter((span) => /^[a-z]+(\.[a-zA-Z]+)+$/.test(span));

describe("docs/requirements.md", () => {
  it("has a row for each of R1–R18", () => {
    const ids = rows.map((row) => row.split("|")[1]?.trim());
    for (let n = 1; n <= 18; n++) expect(ids).toContain(`R${n}`);
  });

  it("names only files that exist", () => {
    expect(paths.length).toBeGreaterThan(50);
    const missing = paths.filter((path) => {
      const root = ROOTS.find(([prefix]) => path.startsWith(prefix));
      return !root || !existsSync(join(repo, root[1], path.slice(root[0].length)));
    });
    expect(missing).toEqual([]);
  });

  it("names only procedures the router has", () => {
    expect(procedures.length).toBeGreaterThan(30);
    const known = new Set(Object.keys(appRouter._def.procedures));
    expect(procedures.filter((procedure) => !known.has(procedure))).toEqual([]);
  });
});
