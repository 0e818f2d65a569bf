// Readiness for a load balancer: 200 when this process's database answers and its live seat
// feed is listening, otherwise 503 (take it out of rotation until it recovers; it reconnects by
// itself). The body says which part is down. Answered by the API server (the process behind
// `pnpm start`'s port, which serves the live seat maps) and by the Next.js route alike.
import { checkReadiness } from "@openticket/api";
import { env } from "~/env";
import { getDb } from "~/server/db";
import { getSeatChangeFeed } from "~/server/seat-change-feed";

export async function readinessResponse(): Promise<Response> {
  const readiness = env.DATABASE_URL
    ? await checkReadiness(getDb(), getSeatChangeFeed())
    : { ready: false, database: "down", seatFeed: "off" };
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
