// The API server: the public port of `pnpm start`. It answers /api/trpc/* itself — the api
// package's router with every guard of src/server/api-handler.ts, on Node's http server, without
// Next.js's request pipeline, which cost 2–4 times the CPU of the API work itself
// (docs/performance.md, "where the API runs") — and passes every other request on to the
// Next.js processes (scripts/web-server.ts --behind-api-server) on a port of 127.0.0.1's own.
// It also runs the process's background work: the hold sweeper and the job runner, whose mail
// waits while this process has buyers queued (packages/api/src/jobs/buyers-first.ts).
//   api-server.ts --port 3000 [--hostname 127.0.0.1] --next http://127.0.0.1:<port>
// Run as a worker of scripts/cluster.ts. It loads src/server/ modules in plain Node.js, so those
// (api-handler, api-context, db …) do not import "server-only", which throws outside Next.js.
import { Agent, createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { logger, requestIdFor, withRequestId } from "@openticket/api/logger";
import { shareMetricsWithCluster } from "@openticket/api/metrics";
import { createProxyServer } from "http-proxy-3";
import { env } from "../src/env.ts";
import { createApiContext } from "../src/server/api-context.ts";
import { handleApiRequest } from "../src/server/api-handler.ts";
import { startHoldSweeper } from "../src/server/hold-sweeper.ts";
import { startObservability } from "../src/server/observability.ts";
import { startPaymentJobs } from "../src/server/payment-jobs.ts";
import { answerPaymentWebhook, PAYMENT_WEBHOOK_PATH } from "../src/server/payment-webhook.ts";
import { readinessResponse } from "../src/server/readiness.ts";
import { compress, keepConnectionsOpen, logWhenDone, markLoopback } from "./serving.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    hostname: { type: "string" },
    next: { type: "string" },
  },
});
if (!values.next) {
  console.error("usage: api-server.ts --port 3000 [--hostname h] --next http://127.0.0.1:<port>");
  process.exit(2);
}
const port = Number(values.port);
const hostname = values.hostname;

if (!env.NEXTAUTH_SECRET) {
  // Only next-auth itself (in Next.js) knows the key it derives without one.
  logger.warn("api server: no NEXTAUTH_SECRET, so every API request is treated as signed out");
}
startObservability();
// Under scripts/cluster.ts, a scrape of any worker sums every worker's metrics.
shareMetricsWithCluster();
startHoldSweeper();
startPaymentJobs();

const API_PATH = "/api/trpc/";
/** Readiness is this process's: its database and the seat feed its live seat maps use. */
const READY_PATH = "/api/health/ready";

// Every other path goes to Next.js as it came (Host, cookies, body), over kept-alive connections.
const nextJs = createProxyServer({
  target: values.next,
  agent: new Agent({ keepAlive: true, maxSockets: 256 }),
  // Next.js's pages may take long; the browser's own timeouts govern.
  proxyTimeout: 120_000,
});
nextJs.on("proxyRes", (proxyRes, req, res) => {
  // Next.js may answer before it has read the whole body (a refused upload): the body's rest is
  // then read and dropped here, as Node.js's own server does, so that the caller's kept-alive
  // connection serves its next request; Next.js's connection, left mid-body, is closed.
  proxyRes.once("end", () => {
    // Not `complete`: the body's last bytes may have arrived yet sit unread behind the pipe.
    if (req.readableEnded) return;
    req.unpipe();
    req.resume();
    proxyRes.socket.destroy();
  });
  // Next.js died mid-answer: the caller must see the answer broken (a browser then reports or
  // retries it), neither a short page as if complete nor a connection left waiting.
  proxyRes.once("close", () => {
    // Closed early because the caller left (res closed first): nothing went wrong.
    if (proxyRes.complete || res.destroyed) return;
    logger.error("api server: the Next.js process broke off its answer");
    res.destroy();
  });
});
nextJs.on("error", (error, _req, res) => {
  if (!("writeHead" in res)) return void res.destroy();
  // Next.js's answer had fully arrived before its connection dropped: it stands.
  if (res.writableEnded) return;
  logger.error({ err: error }, "api server: the Next.js process did not answer");
  if (res.headersSent) return void res.destroy();
  res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
  res.end("The web app is not answering. Please try again in a moment.");
});

const server = createServer((req, res) => {
  markLoopback(req);
  // What Next.js does for a request straight off a socket, done here so that Next.js and the
  // API read the same caller: the peer's address when no proxy said otherwise.
  req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
  const requestId = requestIdFor(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  const answer = ownAnswer(req, res);
  // Next.js logs and answers the rest with this request id.
  if (!answer) return void nextJs.web(req, res);
  res.setHeader("x-request-id", requestId);
  logWhenDone(req, res, requestId);
  withRequestId(requestId, () =>
    compress(req, res, () => {
      void answer()
        .then((response) => send(response, res))
        .catch((error: unknown) => {
          logger.error({ err: error }, "api server: answering failed");
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
    }),
  );
});

/** How this process answers the request itself, or null: Next.js answers it. */
function ownAnswer(req: IncomingMessage, res: ServerResponse): (() => Promise<Response>) | null {
  const path = req.url?.split("?")[0] ?? "";
  if (path.startsWith(API_PATH)) {
    return () =>
      handleApiRequest(toRequest(req, res), (request) => createApiContext(request.headers));
  }
  if (path === READY_PATH && req.method === "GET") return readinessResponse;
  // Settling a payment is part of every purchase: it is not sent a hop further.
  const webhook = PAYMENT_WEBHOOK_PATH.exec(path);
  if (webhook?.[1] && req.method === "POST") {
    const provider = webhook[1];
    return () => answerPaymentWebhook(toRequest(req, res), provider);
  }
  return null;
}

/** Writes a Fetch Response: JSON whole with its length, a live stream event by event. */
async function send(response: Response, res: ServerResponse) {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A JSON answer is sent whole with its length: compression then skips small ones.
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader("content-length", body.byteLength);
    return void res.end(body);
  }
  // A live stream: each event goes out at once (compression holds bytes back until flushed).
  const flushable = res as ServerResponse & { flush?: () => void };
  const reader = response.body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done || res.destroyed) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
    flushable.flush?.();
  }
  res.end();
}

/** Node's request as a Fetch Request whose signal aborts when the client goes away. */
function toRequest(req: IncomingMessage, res: ServerResponse): Request {
  const left = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) left.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const https = req.headers["x-forwarded-proto"]?.toString().split(",")[0]?.trim() === "https";
  const url = `${https ? "https" : "http"}://${req.headers.host ?? "localhost"}${req.url}`;
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    body: hasBody ? bodyOf(req) : null,
    signal: left.signal,
    // @ts-expect-error Node's fetch needs it for a streamed body; the DOM types do not know it.
    duplex: hasBody ? "half" : undefined,
  });
}

/**
 * The request's body as a stream. Dropped by its reader (a body over the limit: 413), the rest
 * is read and thrown away, as Node.js does with any body left unread, so that the answer reaches
 * the client instead of a reset connection.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.once("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.once("error", (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.resume();
    },
  });
}

keepConnectionsOpen(server);
server.listen(port, hostname, () => {
  logger.info({ url: `http://${hostname ?? "localhost"}:${port}` }, "api server: process ready");
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Finish the requests in flight, then go; the sweeper's timers would keep the process up.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
