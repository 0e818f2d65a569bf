// Every text exists in every language, and every message file is loaded.
import { readdirSync, readFileSync } from "node:fs";
import { apiMessages } from "@openticket/api/messages";
import { expect, it } from "vitest";
import { translateApiMessage } from "../src/i18n/api-message";
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

function catalogue(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${namespace}.json`, dir(locale)), "utf8"));
}

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, child]) =>
    leaves(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** The ICU arguments a message fills in: `{name}`, and those that only choose a plural form. */
function argumentsOf(message: string) {
  // A `{` right after a plural selector (`one {…}`, `=0 {…}`) opens a branch, not an argument.
  const argument = /(?<!(?:^|[\s{}])(?:=\d+|zero|one|two|few|many|other)\s*)\{\s*(\w+)\s*[,}]/g;
  const all = new Set([...message.matchAll(argument)].map((match) => match[1]));
  const plural = new Set(
    [...message.matchAll(/\{\s*(\w+)\s*,\s*(plural|selectordinal)/g)].map((match) => match[1]),
  );
  return { all, shown: [...all].filter((name) => !plural.has(name) || message.includes("#")) };
}

// Chinese has no plural forms, so a count used only to choose one may go unused; any other value
// must be shown in every language, and no language may use a value the page does not pass.
it("fills in the same values in every locale, and leaves no message empty", () => {
  for (const namespace of NAMESPACES) {
    const english = Object.fromEntries(leaves(catalogue("en", namespace)));
    for (const locale of locales) {
      for (const [key, message] of leaves(catalogue(locale, namespace))) {
        const where = `${locale}/${namespace}.json ${key}`;
        expect(message.trim(), where).not.toBe("");
        const mine = argumentsOf(message);
        const theirs = argumentsOf(english[key] ?? "");
        expect({ where, extra: [...mine.all].filter((name) => !theirs.all.has(name)) }).toEqual({
          where,
          extra: [],
        });
        expect({ where, missing: theirs.shown.filter((name) => !mine.all.has(name)) }).toEqual({
          where,
          missing: [],
        });
      }
    }
  }
});

// The api's sentences (@openticket/api/messages) are what the web recognises and translates: the
// English catalogue must be the api's, word for word, and every one must exist in zh-TW.
it("translates every message the api's validation can show", () => {
  expect(catalogue("en", "apiMessages")).toEqual(apiMessages);
  const chinese = catalogue("zh-TW", "apiMessages");
  for (const [key, english] of Object.entries(apiMessages)) {
    const translated = chinese[key];
    expect(typeof translated, key).toBe("string");
    // A sentence left in English is not a translation (values and codes such as TWD may stay).
    expect(translated, key).not.toBe(english);
    expect(String(translated), key).toMatch(/[\u4e00-\u9fff]/);
  }
});

it("shows an api message in the reader's language, with its values", () => {
  const t = (key: string, values?: Record<string, string>) => {
    const template = String(catalogue("zh-TW", "apiMessages")[key]);
    return template.replace(/\{(\w+)\}/g, (_, name: string) => values?.[name] ?? "");
  };
  expect(translateApiMessage(t, "Use at least 3 characters.")).toBe("請至少輸入 3 個字元。");
  expect(translateApiMessage(t, 'No price tier is named "VIP".')).toBe(
    "沒有名為「VIP」的票價等級。",
  );
  expect(translateApiMessage(t, "Not a catalogued sentence.")).toBe("Not a catalogued sentence.");
});
