// GET /api/metrics — the app's Prometheus metrics (docs/metrics.md): this process's, or under
// `pnpm start`'s cluster every worker's summed. With METRICS_TOKEN set,
// the scraper sends `Authorization: Bearer $METRICS_TOKEN`, from anywhere. Without it, only a
// scraper on this machine calling the app server directly is answered (scripts/web-server.ts
// marks such requests); through a proxy, or from elsewhere, the answer is 403.
import { timingSafeEqual } from "node:crypto";
import { scrapeMetrics } from "@openticket/api";
import { env } from "~/env";
import { isDirectLoopback } from "~/server/loopback";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (env.METRICS_TOKEN) {
    if (!hasToken(request.headers.get("authorization"), env.METRICS_TOKEN)) {
      return refuse(401, "Send Authorization: Bearer <METRICS_TOKEN>.");
    }
  } else if (!isDirectLoopback(request.headers)) {
    return refuse(403, "Set METRICS_TOKEN to scrape from elsewhere than this machine.");
  }
  const scrape = await scrapeMetrics().catch(() => null);
  // Behind `pnpm start`'s cluster the sum comes from the primary process; rarely, it is busy.
  if (!scrape) return refuse(503, "The metrics could not be collected; scrape again.");
  const { body, contentType } = scrape;
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
}

function hasToken(header: string | null, token: string) {
  if (!header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(status: number, message: string) {
  return Response.json(
    { error: message },
    {
      status,
      headers: {
        "cache-control": "no-store",
        ...(status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {}),
      },
    },
  );
}
