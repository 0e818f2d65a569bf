// Every sentence a form can show from the api is in the message catalogue (src/messages.ts), so
// the web can translate it: the catalogue is unambiguous, every message literal in the services
// forms call matches a template, and zod's defaults are replaced by catalogued sentences.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { apiMessages, recognizeApiMessage, say } from "../src/messages.ts";
import { registerInput } from "../src/services/auth/register.ts";
import { addSectionInput } from "../src/services/organizer/venues/add-section.ts";
import { parseLayoutCsv } from "../src/services/organizer/venues/layout-csv.ts";
import { timeZoneField, venueFields } from "../src/services/organizer/venues/venue-fields.ts";
// Installs the catalogue's defaults for zod, as every procedure call does.
import "../src/trpc.ts";

const src = fileURLToPath(new URL("../src/", import.meta.url));
/** What forms call: sign-up, the organizer console, the admin console, and the input vocabulary. */
const FORM_SOURCES = [
  "services/auth",
  "services/organizer",
  "services/event-cover",
  "services/admin",
  "services/checkin",
  "input.ts",
  "trpc.ts",
  "errors.ts",
];

function files(path: string): string[] {
  const full = join(src, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((entry) => files(join(path, entry)));
}

/** Sentences in string and template literals (a space and a final full stop), outside comments. */
function sentences(file: string): string[] {
  const code = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && !/new Error\(|super\(/.test(line))
    .join("\n");
  const literals = code.match(/"[^"\\\n]* [^"\\\n]*\."|`[^`]* [^`]*\.`/g) ?? [];
  // A template's ${…} stands for a value: any value must still match the same template.
  return literals.map((literal) => literal.slice(1, -1).replace(/\$\{[^}]*\}/g, "7"));
}

describe("the api message catalogue", () => {
  it("recognises each template as itself, never as another", () => {
    for (const [key, template] of Object.entries(apiMessages)) {
      const sample = template.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
      expect({ key, recognized: recognizeApiMessage(sample)?.key }).toEqual({
        key,
        recognized: key,
      });
    }
  });

  it("carries the values over", () => {
    expect(recognizeApiMessage('No price tier is named "VIP front".')).toEqual({
      key: "noTierNamed",
      values: { tier: "VIP front" },
    });
    expect(recognizeApiMessage("Use at least 10 characters.")).toEqual({
      key: "tooShort",
      values: { min: "10" },
    });
    expect(say("sectionMaxSeats", { max: 10000 })).toBe("A section has at most 10000 seats.");
    expect(recognizeApiMessage("Something nobody catalogued.")).toBeNull();
  });

  it("holds every sentence the services that forms call can say", () => {
    const found = FORM_SOURCES.flatMap(files).flatMap((file) =>
      sentences(file).map((sentence) => ({ file: file.slice(src.length), sentence })),
    );
    expect(found.length).toBeGreaterThan(60);
    const missing = found.filter(({ sentence }) => !recognizeApiMessage(sentence));
    expect(missing).toEqual([]);
  });
});

describe("validation messages a form shows", () => {
  const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((issue) => issue.message) ?? [];

  it("sign-up: each refusal is a catalogued sentence", () => {
    const messages = messagesOf(
      registerInput.safeParse({
        username: "ab",
        email: "not-an-e-mail",
        password: "aaaa",
        phone: "call me",
      }),
    );
    expect(messages).toContain("Use at least 3 characters.");
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const message of messages) expect(recognizeApiMessage(message), message).not.toBeNull();
  });

  it("organizer forms: zod's own defaults become catalogued sentences", () => {
    const blank = messagesOf(venueFields.name.safeParse(""));
    expect(blank).toEqual(["Fill this in."]);
    expect(messagesOf(venueFields.city.safeParse("x".repeat(81)))).toEqual([
      "Use at most 80 characters.",
    ]);
    expect(messagesOf(timeZoneField.safeParse("Mars/Olympus"))).toEqual(["Unknown time zone."]);
    const section = messagesOf(
      addSectionInput.safeParse({
        venueId: "00000000-0000-4000-8000-000000000000",
        name: "",
        rows: { count: 0, firstLabel: "AB" },
        seatsPerRow: 2.5,
      }),
    );
    expect(section.length).toBeGreaterThanOrEqual(3);
    for (const message of section) expect(recognizeApiMessage(message), message).not.toBeNull();
  });

  it("layout CSV: every line message is catalogued", () => {
    const result = parseLayoutCsv(
      'section,row,number,x,y\n,1,0,a,b\nA,1,1,0,0\nA,1,1,0,0\n\nA,"1,1,0,0\nA,1\n',
    );
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map((error) => error.message);
    expect(messages.length).toBeGreaterThanOrEqual(7);
    for (const message of messages) expect(recognizeApiMessage(message), message).not.toBeNull();
  });
});
