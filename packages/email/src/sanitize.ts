// What comes from data (titles, names, venues) is shown, never obeyed. React escapes it in the
// HTML; here every text loses line breaks and control characters, so no value can start a new
// header in the subject, forge lines in the text part, or break the .ics; and every link must
// be http(s), so no `javascript:` or `data:` link reaches a button.
import type { MailData } from "./mail-data.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function oneLine(text: string): string {
  return text.replace(controlCharacters, " ").replace(/ {2,}/g, " ").trim();
}

/** A copy of the data with every string on one line; throws if a link is not http(s). */
export function sanitizeMailData<T extends MailData>(data: T): T {
  return clean(data, "") as T;
}

function clean(value: unknown, key: string): unknown {
  if (typeof value === "string") {
    const text = oneLine(value);
    if (/url$/i.test(key) && !/^https?:\/\//i.test(text)) {
      throw new Error(`A mail's ${key} must be an http(s) link, got ${JSON.stringify(text)}`);
    }
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => clean(item, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, k)]));
  }
  return value;
}
