// GET /api/cron/sweep-holds — the hold sweeper for schedulers (vercel.json runs it every minute).
// Requires `Authorization: Bearer $CRON_SECRET`; safe to call concurrently and repeatedly.
import { timingSafeEqual } from "node:crypto";
import { sweepExpiredHolds } from "@openticket/api";
import { env } from "~/env";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!isAuthorized(request.headers.get("authorization"))) {
    return Response.json({ error: "Unauthorized" }, { status: 401 });
  }
  const { swept } = await sweepExpiredHolds(getDb(), { now: new Date() });
  return Response.json({ swept });
}

function isAuthorized(header: string | null) {
  if (!env.CRON_SECRET || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
