// Both languages say everything: the same keys, and every text filled in.
import { expect, it } from "vitest";
import { en } from "../src/catalogue/en.ts";
import { zhTW } from "../src/catalogue/zh-TW.ts";

/** Every leaf as "path: kind", where a function's kind includes its number of parameters. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}: function/${value.length}`];
  if (typeof value === "string") return [`${path}: string`];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => shape(v, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${typeof value}`];
}

function emptyTexts(value: unknown, path = ""): string[] {
  if (typeof value === "string") return value.trim() ? [] : [path];
  if (typeof value === "function") {
    const filled = value(...Array.from({ length: value.length }, (_, i) => `«${i}»`));
    const missing = Array.from({ length: value.length }, (_, i) => `«${i}»`).filter(
      (blank) => !String(filled).includes(blank),
    );
    return String(filled).trim() && missing.length === 0 ? [] : [path];
  }
  return Object.entries(value as object).flatMap(([k, v]) =>
    emptyTexts(v, path ? `${path}.${k}` : k),
  );
}

it("zh-TW has exactly the keys of en, each of the same kind", () => {
  expect(shape(zhTW).sort()).toEqual(shape(en).sort());
  expect(shape(en).length).toBeGreaterThan(60);
});

it("no text is empty, and every blank a text has is used in both languages", () => {
  expect(emptyTexts(en)).toEqual([]);
  expect(emptyTexts(zhTW)).toEqual([]);
});
