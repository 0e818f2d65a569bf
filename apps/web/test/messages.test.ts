// Every text exists in every language, and every message file is loaded.
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { locales } from "../src/i18n/locales";
import { NAMESPACES } from "../src/i18n/messages";

const dir = (locale: string) => new URL(`../messages/${locale}/`, import.meta.url);

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function allKeys(locale: string) {
  return NAMESPACES.flatMap((namespace) =>
    keys(JSON.parse(readFileSync(new URL(`${namespace}.json`, dir(locale)), "utf8")), namespace),
  ).sort();
}

it("loads every message file of every locale", () => {
  for (const locale of locales) {
    const files = readdirSync(dir(locale)).map((file) => file.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...NAMESPACES].sort());
  }
});

it("has the same message keys in every locale", () => {
  const [first, ...others] = locales.map((locale) => ({ locale, keys: allKeys(locale) }));
  expect(first?.keys.length).toBeGreaterThan(50);
  for (const other of others) {
    expect({ locale: other.locale, keys: other.keys }).toEqual({
      locale: other.locale,
      keys: first?.keys,
    });
  }
});
