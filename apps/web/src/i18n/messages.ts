// Messages live in messages/<locale>/<namespace>.json, one file per area of the app, so that
// work on different pages does not collide. Add a namespace here when you add a file.
import type { Locale } from "./locales";

export const NAMESPACES = [
  "site",
  "nav",
  "roles",
  "categories",
  "events",
  "event",
  "auth",
  "errors",
  "seats",
  "checkout",
  "orders",
  "payDemo",
  "myEvents",
  "admin",
  "organizer",
  "apiMessages",
  "cities",
  "account",
  "waitingRoom",
] as const;

export async function loadMessages(locale: Locale) {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [
      namespace,
      (await import(`../../messages/${locale}/${namespace}.json`)).default,
    ]),
  );
  return Object.fromEntries(entries);
}
