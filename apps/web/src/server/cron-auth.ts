// The cron routes' one check: `Authorization: Bearer $CRON_SECRET`, compared in constant time.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "~/env";

export function isCronAuthorized(header: string | null) {
  if (!env.CRON_SECRET || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
