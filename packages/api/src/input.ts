// The input vocabulary: every procedure's input schema is built from these, so that nothing a
// caller sends can make PostgreSQL (or Prisma) fail with a 500. What the database refuses:
// - NUL (U+0000) in text and json;
// - half of a UTF-16 surrogate pair in json (and in text it is silently stored as U+FFFD);
// - timestamps JavaScript accepts but PostgreSQL does not (year 0, year 275760);
// - integers beyond int4, the type of every Int column.
// A refused value is a ZodError, which the error formatter sends as BAD_REQUEST with field
// errors, before any query runs. `test/input-hygiene.test.ts` walks every procedure's schema and
// fails when a string, date, number or array is not bounded like these.
import { z } from "zod";

// With the u flag a well-formed pair is one code point, so \p{Cs} matches only a lone half.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this refuses.
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** True when PostgreSQL can store the text as is, in a text or a json column. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The text with each NUL or lone surrogate replaced by U+FFFD, for text not typed into a form. */
export function storableText(value: string): string {
  return value.replace(new RegExp(UNSTORABLE.source, "gu"), "\uFFFD");
}

const UNSTORABLE_MESSAGE = "Contains a NUL or an unpaired surrogate character.";

type TextOptions = {
  min?: number;
  /** False for text whose spaces matter: passwords, files. */
  trim?: boolean;
  /** What to say when it is too short or too long, where the default wording is not helpful. */
  tooShort?: string;
  tooLong?: string;
};

/** Free text of at most `max` characters, trimmed unless `trim: false`. */
export function text(max: number, options: TextOptions = {}) {
  const { min = 0, trim = true, tooShort, tooLong } = options;
  const checked = z.string().refine(isStorableText, { message: UNSTORABLE_MESSAGE, abort: true });
  return (trim ? checked.trim() : checked).min(min, tooShort).max(max, tooLong);
}

/** A name that must not be blank: a venue, an event title, a price tier. */
export function name(max: number) {
  return text(max, { min: 1 });
}

/** What a person types into a search box; an empty query finds everything. */
export const searchQuery = text(100);

/** A client-chosen key that makes a retried request safe (checkout, cancel). */
export const idempotencyKey = text(100, { min: 8 });

/** A waiting room's admission pass (services/waiting-room/admission-pass.ts), as it was given. */
export const admissionPass = text(300, { trim: false }).optional();

/** A link to a web page or image, http(s) only. */
export function httpUrl(max: number) {
  return z
    .url({ protocol: /^https?$/ })
    .max(max)
    .refine(isStorableText, { message: UNSTORABLE_MESSAGE, abort: true });
}

/** A row's id. Its format is ASCII only, so it needs no other guard. */
export const id = z.uuid();

/**
 * The instants the product deals in. JavaScript dates reach year 275760 and PostgreSQL's
 * timestamps do not (nor year 0); four-digit years also keep ISO 8601 text unambiguous.
 */
export const EARLIEST_DATE = new Date("1900-01-01T00:00:00.000Z");
export const LATEST_DATE = new Date("9999-12-31T23:59:59.999Z");

/** An instant, as a Date or an ISO 8601 string (forms and URLs send text). */
export const dateTime = z.coerce
  .date()
  .min(EARLIEST_DATE, "Choose a date from 1900 on.")
  .max(LATEST_DATE, "Choose a date before the year 10000.");

/** PostgreSQL's `integer` (int4), the type of every Int column. */
export const INT4_MIN = -(2 ** 31);
export const INT4_MAX = 2 ** 31 - 1;

/** A whole number between min and max, which must themselves fit an int4 column. */
export function int(min: number, max: number) {
  if (!(INT4_MIN <= min && min <= max && max <= INT4_MAX)) {
    throw new Error(`int(${min}, ${max}) does not fit PostgreSQL's integer.`);
  }
  return z.number().int().min(min).max(max);
}

/** The most seats one order may hold. */
export const MAX_SEATS_PER_ORDER = 50;

/**
 * A price in minor units of the event's currency. An order's total is stored in an int4 too, so
 * the most seats at the highest price must still fit: 50 x 40,000,000 = 2,000,000,000.
 */
export const money = int(0, 40_000_000);

/** How many rows a page may ask for, and how many it gets when it does not say. */
export function pageSize(max: number, fallback: number) {
  return int(1, max).default(fallback);
}
