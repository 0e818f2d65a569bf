// The server's one logger: JSON lines on stdout (pino), one object per line, for a log shipper
// to read. Every line written while a request is being handled carries that request's id
// (`requestId`), without passing a logger around: the HTTP server runs each request inside
// `withRequestId`, and pino's mixin reads the id back from AsyncLocalStorage.
// Secrets never reach the log: the fields named below are replaced by "[redacted]" wherever
// they sit at the top level or one level down; log ids and messages, never whole requests.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

const SECRET_FIELDS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "cookie",
  "authorization",
  "set-cookie",
  "smtpUrl",
  "connectionString",
  "databaseUrl",
  "apiKey",
];

const REDACT_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [`["${field}"]`, `*["${field}"]`]),
  // Header bags, as Node and fetch spell them.
  ...["headers", "req.headers", "res.headers", "request.headers"].flatMap((bag) =>
    ["authorization", "cookie", "set-cookie", "x-api-key"].map((name) => `${bag}["${name}"]`),
  ),
];

type Shared = { logger: Logger; requests: AsyncLocalStorage<{ requestId: string }> };

// The HTTP server (scripts/web-server.ts) and Next.js's bundle each load their own copy of this
// module: both must write through one logger and read one request scope.
const holder = globalThis as unknown as { openticketLog?: Shared };

function createShared(): Shared {
  const requests = new AsyncLocalStorage<{ requestId: string }>();
  const logger = pino({
    level: "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    mixin: () => {
      const scope = requests.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  });
  return { logger, requests };
}

holder.openticketLog ??= createShared();
const shared = holder.openticketLog;

/** Write with `logger.info({ some: "fields" }, "what happened")`; errors as `{ err }`. */
export const logger: Logger = shared.logger;

export function setLogLevel(level: LogLevel) {
  logger.level = level;
}

/** Runs `work` as part of the request `requestId`: its log lines carry the id. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return shared.requests.run({ requestId }, work);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return shared.requests.getStore()?.requestId;
}

// Ids from a proxy or client are kept when they look like ids (UUIDs, trace ids): nothing that
// could forge a log line or carry a payload.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The incoming X-Request-Id when it is sane, otherwise a new one. */
export function requestIdFor(incoming: string | string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
