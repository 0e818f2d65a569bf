// Every visible string of the app exists in both languages, with the same placeholders.
import { describe, expect, it } from "vitest";
import { messages } from "../src/messages.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the check-in app's messages", () => {
  it("has every key in English and zh-TW, with the same placeholders and no blank text", () => {
    expect(Object.keys(messages["zh-TW"]).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, english] of Object.entries(messages.en)) {
      const chinese = messages["zh-TW"][key as keyof typeof messages.en];
      expect({ key, placeholders: placeholders(chinese) }).toEqual({
        key,
        placeholders: placeholders(english),
      });
      expect(chinese.trim()).not.toBe("");
    }
  });
});
