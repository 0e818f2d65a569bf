// Mounts the api package over HTTP. Context comes from the next-auth session, re-checked against
// the database. Mutations must be same-origin JSON; queries (GET) never change state. Bodies
// over MAX_REQUEST_BYTES answer 413, batches over MAX_BATCH_SIZE 400, rate-limit refusals 429
// with Retry-After (docs/rate-limits.md).
import { AppError, appRouter } from "@openticket/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "~/env";
import { withSecurityHeaders } from "~/security/headers-for-request";
import { createRequestContext } from "~/server/api-context";
import { limitBody } from "~/server/body-limit";
import { refuseCrossSiteWrite } from "~/server/same-origin";

async function handler(incoming: Request) {
  // The proxy skips this route (src/proxy.ts), so the headers are set here.
  return withSecurityHeaders(incoming, await answer(incoming));
}

async function answer(incoming: Request): Promise<Response> {
  const refused = refuseCrossSiteWrite(incoming);
  if (refused) return refused;
  const request = await limitBody(incoming, env.MAX_REQUEST_BYTES);
  if (request instanceof Response) return request;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: createRequestContext,
    // A batch of 100 seat maps in one GET once returned 28 MB; the app's own client sends
    // batches of at most this many (src/trpc/react.tsx).
    maxBatchSize: env.MAX_BATCH_SIZE,
    responseMeta({ errors }) {
      const waits = errors.map((error) =>
        error.cause instanceof AppError ? (error.cause.details?.retryAfterSeconds ?? 0) : 0,
      );
      const retryAfter = Math.max(0, ...waits);
      return retryAfter > 0 ? { headers: new Headers({ "Retry-After": String(retryAfter) }) } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
