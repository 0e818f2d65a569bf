// The seat layout (event.seatLayout) as a cacheable URL: ETag = the layout's version, so a
// revisit costs a 304; `?v=<version>` of a published event is immutable, so browsers and CDNs
// serve the on-sale rush without asking. Drafts are never cached.
//
// Compression: Next.js 16 drops a route handler's own Content-Encoding header (FORBIDDEN_HEADERS
// in next/dist/server/send-response.js), so a body compressed here would reach the browser
// undecodable. The JSON goes out as is and `next start` gzips it (once per client thanks to the
// immutable URL); brotli needs a server or CDN in front (docs/performance.md, issue 13 seat map).
import { createCaller, getSeatLayout, logger } from "@openticket/api";
import { TRPCError } from "@trpc/server";
import { createRequestContext } from "~/server/request-context";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await createRequestContext();
  let wire: Awaited<ReturnType<ReturnType<typeof createCaller>["event"]["seatLayout"]>>;
  try {
    // Through the procedure: its access rule, input check and rate limit apply. The request's
    // signal stops the work when the client leaves.
    wire = await createCaller(context, { signal: request.signal }).event.seatLayout({
      eventId: id,
    });
  } catch (error) {
    // A client that left hears nothing; its work stopped at the first check of the signal.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return refusal(error);
  }
  const layout = await getSeatLayout(context.db, id, context);
  const etag = `"${wire.version}"`;
  const requested = new URL(request.url).searchParams.get("v");
  const cacheControl =
    layout.eventStatus !== "PUBLISHED"
      ? "private, no-store"
      : requested === wire.version
        ? "public, max-age=31536000, immutable"
        : "public, no-cache";
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": cacheControl,
    ETag: etag,
  });
  if (layout.eventStatus === "PUBLISHED" && matches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(JSON.stringify(wire), { headers });
}

function matches(ifNoneMatch: string | null, etag: string) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function refusal(error: unknown): Response {
  const code = error instanceof TRPCError ? error.code : "INTERNAL_SERVER_ERROR";
  const status =
    code === "NOT_FOUND" || code === "BAD_REQUEST"
      ? 404
      : code === "TOO_MANY_REQUESTS"
        ? 429
        : code === "CLIENT_CLOSED_REQUEST"
          ? 499
          : 500;
  const message = status === 404 ? "This event does not exist." : "The seat map is unavailable.";
  if (status === 500) logger.error({ err: error }, "seat layout failed");
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = (error as { cause?: { details?: { retryAfterSeconds?: number } } }).cause
    ?.details?.retryAfterSeconds;
  if (status === 429 && retryAfter) headers.set("Retry-After", String(retryAfter));
  return Response.json(
    { error: { code: status === 404 ? "NOT_FOUND" : code, message } },
    {
      status,
      headers,
    },
  );
}
