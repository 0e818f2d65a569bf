// What both of `pnpm start`'s servers do to every request (scripts/api-server.ts in front,
// scripts/web-server.ts behind it): compression, one access-log line a request, the loopback mark
// GET /api/metrics trusts, and JSON answers sent whole with their length.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { logger } from "@openticket/api/logger";
import compression from "compression";
import { LOOPBACK_HEADER } from "../src/server/loopback.ts";

/**
 * Keeps idle connections open for 65 s rather than Node.js's 5 s. A client reusing a connection
 * the server is closing at that moment loses its request ("other side closed"), and the moment
 * widens with the event loop's lag: under an on-sale's load 5 s made it hundreds of requests a
 * run. Proxies and browsers close idle connections first (nginx upstream keepalive 60 s; clients
 * read the Keep-Alive header this sets).
 */
export function keepConnectionsOpen(server: Server) {
  server.keepAliveTimeout = 65_000;
  // Must outlast the keep-alive wait, or Node.js cuts a slow client's next request short.
  server.headersTimeout = 66_000;
}

/** Brotli when the client accepts it, else gzip; bodies under 1 KB go out as they are. */
// compression's types are Express's; it only uses Node's request and response.
export const compress = compression({ threshold: 1024 }) as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

export function logWhenDone(req: IncomingMessage, res: ServerResponse, requestId: string) {
  const started = performance.now();
  res.once("close", () => {
    logger.info(
      {
        requestId,
        method: req.method,
        path: (req.url ?? "").split("?")[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  });
}

/**
 * Tells the app (GET /api/metrics) that the caller is on this machine and came straight here,
 * not through a proxy, which would make every caller look local. Whatever a client sent under
 * that name is dropped first.
 */
export function markLoopback(req: IncomingMessage) {
  delete req.headers[LOOPBACK_HEADER];
  const peer = req.socket.remoteAddress ?? "";
  const local = peer === "::1" || peer.startsWith("127.") || peer.startsWith("::ffff:127.");
  if (local && !req.headers["x-forwarded-for"] && !req.headers.forwarded) {
    req.headers[LOOPBACK_HEADER] = "1";
  }
}

/**
 * Next.js streams a route handler's answer without Content-Length, so compression cannot see
 * its size and would compress even a 100-byte tRPC answer. JSON answers are whole strings
 * anyway: they are collected and sent with their length, and small ones go out as they are.
 * Streams (server-sent events, pages) pass straight through.
 */
export function sendJsonWhole(res: ServerResponse) {
  type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
  type End = (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as Write;
  const end = res.end.bind(res) as End;
  const flushHeaders = res.flushHeaders.bind(res);
  let chunks: Buffer[] | null = null;
  let decided = false;
  // Next.js flushes the headers before its first write: decide at whichever comes first.
  const decide = () => {
    if (decided) return;
    decided = true;
    const type = String(res.getHeader("content-type") ?? "");
    if (type.startsWith("application/json") && !res.hasHeader("content-length")) chunks = [];
  };
  const collect = (chunk: unknown) => {
    chunks?.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string | Uint8Array));
  };
  res.flushHeaders = () => {
    decide();
    if (!chunks) flushHeaders();
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (!chunks) return write(chunk, ...rest);
    collect(chunk);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (!chunks) return end(chunk, ...rest);
    if (chunk && typeof chunk !== "function") collect(chunk);
    const body = Buffer.concat(chunks);
    chunks = null;
    res.setHeader("content-length", body.byteLength);
    return end(body);
  }) as ServerResponse["end"];
}
