// One app server process: Next.js's request handler behind Node's http server, which compresses
// the answers itself (brotli when the client accepts it, else gzip; bodies under 1 KB as they
// are). Next.js's own compression only gzips, and a route handler cannot send brotli through it:
// Next.js drops the Content-Encoding a route handler sets (send-response.js), so its bytes would
// go out mislabelled. next.config.ts therefore turns Next.js's compression off.
//   web-server.ts --port 3000 [--hostname 127.0.0.1] [--behind-api-server <port>]
// Under `pnpm start` it runs as a worker of scripts/cluster.ts, behind the API server
// (scripts/api-server.ts), which answers /api/trpc/* itself and passes every other request on;
// run alone, it serves everything, /api/trpc/* through Next.js's route.
// Every request gets an id (a sane incoming X-Request-Id, else a new one), echoed in the
// response's X-Request-Id and carried by every log line written while it is handled; when it
// ends, one line says how it went (path without the query, which may hold a link's token).
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { logger, requestIdFor, setLogLevel, withRequestId } from "@openticket/api/logger";
import { shareMetricsWithCluster } from "@openticket/api/metrics";
import next from "next";
import { env } from "../src/env.ts";
import {
  compress,
  keepConnectionsOpen,
  logWhenDone,
  markLoopback,
  sendJsonWhole,
} from "./serving.ts";

setLogLevel(env.LOG_LEVEL);
// Under scripts/cluster.ts, a scrape of any worker sums every worker's metrics.
shareMetricsWithCluster();

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    hostname: { type: "string" },
    // Listen on this port of 127.0.0.1 and serve only what the API server passes on; --port
    // and --hostname stay the public ones Next.js builds its URLs from.
    "behind-api-server": { type: "string" },
  },
});
const behindApiServer = values["behind-api-server"] !== undefined;
const port = Number(values.port);
const hostname = values.hostname;

const app = next({
  dev: false,
  dir: fileURLToPath(new URL("..", import.meta.url)),
  port,
  hostname,
});
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((req, res) => {
  const requestId = requestIdFor(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  // Behind the API server only it can reach this port, and it has marked loopback callers.
  if (!behindApiServer) markLoopback(req);
  logWhenDone(req, res, requestId);
  withRequestId(requestId, () =>
    compress(req, res, () => {
      sendJsonWhole(res);
      void handle(req, res);
    }),
  );
});
const listenPort = behindApiServer ? Number(values["behind-api-server"]) : port;
const listenHost = behindApiServer ? "127.0.0.1" : hostname;
keepConnectionsOpen(server);
server.listen(listenPort, listenHost, () => {
  logger.info(
    { url: `http://${listenHost ?? "localhost"}:${listenPort}`, behindApiServer },
    "web: process ready",
  );
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Finish the requests in flight, then go; the sweeper's timers would keep the process up.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
