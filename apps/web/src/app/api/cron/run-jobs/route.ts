// GET /api/cron/run-jobs — the job queue for schedulers, where no server process stays up to run
// it (vercel.json calls it every minute): reconciles payments, then runs every job that is due.
// Requires `Authorization: Bearer $CRON_SECRET`; safe to call concurrently and repeatedly.
import { runDueJobs } from "@openticket/api";
import { requireDatabaseUrl } from "~/env";
import { settingsFromEnv } from "~/server/api-context";
import { isCronAuthorized } from "~/server/cron-auth";
import { getDb } from "~/server/db";
import { getPaymentProvider } from "~/server/payment-provider";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!isCronAuthorized(request.headers.get("authorization"))) {
    return Response.json({ error: "Unauthorized" }, { status: 401 });
  }
  await runDueJobs(requireDatabaseUrl(), {
    db: getDb(),
    payments: getPaymentProvider(),
    settings: settingsFromEnv(),
  });
  return Response.json({ ok: true });
}
