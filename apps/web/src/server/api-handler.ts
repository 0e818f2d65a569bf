// The tRPC API over HTTP: mounts the api package with every guard. Context comes from the
// next-auth session cookie, re-checked against the database. Mutations must be same-origin
// JSON; queries (GET) never change state. Bodies over MAX_REQUEST_BYTES answer 413, batches over
// MAX_BATCH_SIZE 400, rate-limit refusals 429 with Retry-After (docs/rate-limits.md). Under
// overload a request waits for a free slot only briefly, then gets 503 with Retry-After
// (server/load-shedding.ts); a request whose client left is dropped, and its work told to stop
// (the procedures' `signal`). Served by scripts/api-server.ts in front of Next.js (pnpm start),
// and by the Next.js route for `next dev` and serverless hosts; compression is the server's job.
import {
  AppError,
  appRouter,
  type Context,
  logger,
  metrics,
  observeRequestGate,
  toTRPCError,
} from "@openticket/api";
import type { TRPCError } from "@trpc/server";
import { type FetchHandlerRequestOptions, fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "~/env";
import { withSecurityHeaders } from "~/security/headers-for-request";
import { limitBody } from "~/server/body-limit";
import { RequestGate } from "~/server/load-shedding";
import { refuseCrossSiteWrite } from "~/server/same-origin";

type AppRouter = typeof appRouter;

/** How long a refused client is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 2;

/** One per server process: this module is loaded once. */
const gate = new RequestGate({
  maxActive: env.API_MAX_ACTIVE_REQUESTS,
  maxQueued: env.API_MAX_QUEUED_REQUESTS,
  maxWaitMs: env.API_MAX_WAIT_MS,
});
observeRequestGate(() => gate.load);

// At run time tRPC keeps every procedure under its full dotted path ("event.onSeatChange").
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } } | undefined
>;

/** Builds the procedures' context for a request (the headers are the request's own). */
export type ApiContextFor = (request: Request) => Promise<Context>;

/**
 * Answers one request to /api/trpc/*, with every guard: the API server's (scripts/api-server.ts)
 * and the Next.js route's (src/app/api/trpc/[trpc]/route.ts) answer alike.
 */
export async function handleApiRequest(incoming: Request, contextFor: ApiContextFor) {
  // Next.js's proxy skips this route (src/proxy.ts), so the headers are set here.
  return withSecurityHeaders(incoming, await answer(incoming, contextFor));
}

async function answer(incoming: Request, contextFor: ApiContextFor): Promise<Response> {
  const refused = refuseCrossSiteWrite(incoming);
  if (refused) return refused;
  // Live seat streams stay open as long as a seat map does: they have their own cap
  // (RATE_LIMIT_LIVE_STREAMS) and would hold a slot for hours.
  if (isSubscription(incoming)) {
    const stream = await serve(incoming, incoming.signal, contextFor);
    // A proxy must pass each event on at once, not wait to fill a buffer (deploy/nginx.conf).
    stream.headers.set("X-Accel-Buffering", "no");
    return stream;
  }

  const admission = await gate.enter(incoming.signal);
  // Nobody is listening any more; the status is for the log only.
  if (admission === "gone") return new Response(null, { status: 499 });
  if (admission === "busy") {
    metrics.refused.inc({ reason: "busy" });
    return refuse(incoming, "The server is busy.");
  }

  const timeLimit = new AbortController();
  const timer = setTimeout(() => timeLimit.abort(), env.API_TIME_LIMIT_SECONDS * 1000);
  const signal = AbortSignal.any([incoming.signal, timeLimit.signal]);
  const work = serve(incoming, signal, contextFor).finally(() => {
    clearTimeout(timer);
    admission.release();
  });
  // A mutation's answer must say what really happened, so it is awaited whatever it takes;
  // the signal only stops work that has not started (a hold still waiting for its batch).
  if (incoming.method !== "GET") return work;
  // A query changes nothing: past the time limit its client is told to retry instead. The slot
  // stays taken until the work really ends, so the cap keeps counting it.
  const timedOut = new Promise<Response>((resolve) =>
    timeLimit.signal.addEventListener(
      "abort",
      () => {
        metrics.refused.inc({ reason: "too_slow" });
        resolve(refuse(incoming, "The server took too long to answer."));
      },
      { once: true },
    ),
  );
  return Promise.race([work, timedOut]);
}

async function serve(
  incoming: Request,
  signal: AbortSignal,
  contextFor: ApiContextFor,
): Promise<Response> {
  const request = await limitBody(incoming, env.MAX_REQUEST_BYTES);
  if (request instanceof Response) return request;
  return fetchRequestHandler({
    ...options,
    req: new Request(request, { signal }),
    createContext: ({ req }) => contextFor(req),
  });
}

/** A 503 in tRPC's own shape (batch or not), so typed clients read it like any refusal. */
function refuse(incoming: Request, message: string): Promise<Response> {
  const error = toTRPCError(
    new AppError("SERVICE_UNAVAILABLE", `${message} Please try again in a moment.`, {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    }),
  );
  return fetchRequestHandler({
    ...options,
    // Without the body: nothing of it is read for a refusal.
    req: new Request(incoming.url, { method: incoming.method, headers: incoming.headers }),
    createContext: (): never => {
      throw error;
    },
  });
}

function isSubscription(request: Request): boolean {
  const paths = new URL(request.url).pathname.slice("/api/trpc/".length).split(",");
  return paths.some((path) => procedures[decodedOrNull(path) ?? ""]?._def.type === "subscription");
}

/** A malformed %-escape names no procedure: tRPC then refuses the path (400). */
function decodedOrNull(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

const options = {
  endpoint: "/api/trpc",
  router: appRouter,
  // A batch of 100 seat maps in one GET once returned 28 MB; the app's own client sends
  // batches of at most this many (src/trpc/react.tsx).
  maxBatchSize: env.MAX_BATCH_SIZE,
  responseMeta({ errors }: { errors: TRPCError[] }) {
    const waits = errors.map((error) =>
      error.cause instanceof AppError ? (error.cause.details?.retryAfterSeconds ?? 0) : 0,
    );
    const retryAfter = Math.max(0, ...waits);
    return retryAfter > 0 ? { headers: new Headers({ "Retry-After": String(retryAfter) }) } : {};
  },
  onError({ error, path }: { error: TRPCError; path?: string }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: error.cause ?? error, procedure: path }, "tRPC procedure failed");
    }
  },
} satisfies Partial<FetchHandlerRequestOptions<AppRouter>>;
