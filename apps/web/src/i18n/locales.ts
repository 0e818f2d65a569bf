// The languages OpenTicket speaks. The choice lives in a cookie; without one, the browser's
// Accept-Language decides.
export const locales = ["en", "zh-TW"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const preferred = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim().toLowerCase() ?? "");
  for (const tag of preferred) {
    if (tag === "zh-tw" || tag === "zh-hant" || tag.startsWith("zh-hant-") || tag === "zh")
      return "zh-TW";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}
