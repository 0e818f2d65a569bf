// Every text exists in every language.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { locales } from "../src/i18n/locales";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

it("has the same message keys in every locale", () => {
  const [first, ...others] = locales.map((locale) => ({
    locale,
    keys: keys(
      JSON.parse(readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8")),
    ).sort(),
  }));
  expect(first?.keys.length).toBeGreaterThan(50);
  for (const other of others)
    expect({ locale: other.locale, keys: other.keys }).toEqual({
      locale: other.locale,
      keys: first?.keys,
    });
});
