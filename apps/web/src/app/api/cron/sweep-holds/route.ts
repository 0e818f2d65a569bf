// GET /api/cron/sweep-holds — the hold sweeper for schedulers (vercel.json runs it every minute).
// Requires `Authorization: Bearer $CRON_SECRET`; safe to call concurrently and repeatedly.
import { sweepExpiredHolds } from "@openticket/api";
import { isCronAuthorized } from "~/server/cron-auth";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!isCronAuthorized(request.headers.get("authorization"))) {
    return Response.json({ error: "Unauthorized" }, { status: 401 });
  }
  const { swept } = await sweepExpiredHolds(getDb());
  return Response.json({ swept });
}
