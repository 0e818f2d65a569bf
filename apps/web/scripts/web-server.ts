// One app server process: Next.js's request handler behind Node's http server, which compresses
// the answers itself (brotli when the client accepts it, else gzip; bodies under 1 KB as they
// are). Next.js's own compression only gzips, and a route handler cannot send brotli through it:
// Next.js drops the Content-Encoding a route handler sets (send-response.js), so its bytes would
// go out mislabelled. next.config.ts therefore turns Next.js's compression off.
//   web-server.ts --port 3000 [--hostname 127.0.0.1]
// Run alone (WEB_CONCURRENCY=1) or as a worker of scripts/cluster.ts.
// Every request gets an id (a sane incoming X-Request-Id, else a new one), echoed in the
// response's X-Request-Id and carried by every log line written while it is handled; when it
// ends, one line says how it went (path without the query, which may hold a link's token).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { logger, requestIdFor, setLogLevel, withRequestId } from "@openticket/api/logger";
import { shareMetricsWithCluster } from "@openticket/api/metrics";
import compression from "compression";
import next from "next";
import { env } from "../src/env.ts";
import { LOOPBACK_HEADER } from "../src/server/loopback.ts";

setLogLevel(env.LOG_LEVEL);
// Under scripts/cluster.ts, a scrape of any worker sums every worker's metrics.
shareMetricsWithCluster();

const { values } = parseArgs({
  options: { port: { type: "string", default: "3000" }, hostname: { type: "string" } },
});
const port = Number(values.port);
const hostname = values.hostname;

const app = next({
  dev: false,
  dir: fileURLToPath(new URL("..", import.meta.url)),
  port,
  hostname,
});
const handle = app.getRequestHandler();
// compression's types are Express's; it only uses Node's request and response.
const compress = compression({ threshold: 1024 }) as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

await app.prepare();
const server = createServer((req, res) => {
  const requestId = requestIdFor(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  markLoopback(req);
  logWhenDone(req, res, requestId);
  withRequestId(requestId, () =>
    compress(req, res, () => {
      sendJsonWhole(res);
      void handle(req, res);
    }),
  );
});
server.listen(port, hostname, () => {
  logger.info({ url: `http://${hostname ?? "localhost"}:${port}` }, "web: process ready");
});

function logWhenDone(req: IncomingMessage, res: ServerResponse, requestId: string) {
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
function markLoopback(req: IncomingMessage) {
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
function sendJsonWhole(res: ServerResponse) {
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

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Finish the requests in flight, then go; the sweeper's timers would keep the process up.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
