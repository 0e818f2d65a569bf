// The only module that reads process.env: every setting the web app uses, validated once.
import { resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Bearer token that GET /api/cron/sweep-holds requires. */
  CRON_SECRET: z.string().min(16).optional(),
  /** How long selected seats stay held before they return to sale. */
  HOLD_MINUTES: z.coerce.number().positive().max(120).default(10),
  /** Seats one buyer may hold at once across all events (anti-hoarding); at least one full order. */
  MAX_HELD_SEATS: z.coerce.number().int().min(50).max(1000).default(50),
  /** How often the app itself sweeps expired holds when self-hosted; 0 turns it off. */
  HOLD_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(30),
  /** "off" where no server process stays up (serverless): a scheduler calls /api/cron/run-jobs. */
  JOB_RUNNER: z.enum(["on", "off"]).default("on"),
  /** Extra origins allowed to call tRPC mutations (comma-separated), besides the app's own. */
  TRUSTED_ORIGINS: z.string().default(""),
  /** How much the server logs (JSON lines on stdout; docs/deploy.md). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Bearer token GET /api/metrics requires. Unset, the metrics answer only a scraper on this
   * machine that calls the app server directly (loopback, not through a proxy). docs/metrics.md
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** The port `next start` listens on; the public URL's default. */
  PORT: z.coerce.number().int().positive().default(3000),
  /** Stripe takes the payments when both are set (docs/stripe.md); otherwise the demo provider. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Signs the demo provider's webhooks; unset, one is derived from NEXTAUTH_SECRET. */
  DEMO_PAYMENT_SECRET: z.string().min(16).optional(),
  /** Where mail is sent (smtp://user:pass@host:587, smtps://…); unset, the local mailbox (docs/mail.md). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "SMTP_URL must be smtp://… or smtps://…")
    .optional(),
  /** The From of every message; one line (a header). */
  MAIL_FROM: z
    .string()
    .min(3)
    .regex(/^[^\r\n]+$/, "MAIL_FROM must be one line")
    .default("OpenTicket <no-reply@localhost>"),
  /** Signs waiting-room admission passes; unset, one is derived from NEXTAUTH_SECRET. */
  WAITING_ROOM_SECRET: z.string().min(16).optional(),
  /** Rate-limit counters and waiting-room lines shared by every instance (redis://…); unset, PostgreSQL. */
  REDIS_URL: z.string().min(1).optional(),
  /**
   * How many reverse proxies in front of this app append to X-Forwarded-For. 0: none; the
   * address `next start` saw is used (a client can forge it when the app is exposed directly).
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** "off" turns every request-rate limit off (a load test, say). docs/rate-limits.md */
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /** The limits themselves (docs/rate-limits.md); unset, the api package's defaults. */
  RATE_LIMIT_SIGN_IN_FAILURES: positiveInt(),
  RATE_LIMIT_SIGN_IN_LOCKOUT_SECONDS: positiveInt(),
  RATE_LIMIT_SIGN_IN_MAX_LOCKOUT_SECONDS: positiveInt(),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_IP_PER_DAY: positiveInt(),
  RATE_LIMIT_SIGN_UPS_PER_IP_PER_HOUR: positiveInt(),
  RATE_LIMIT_SEAT_WRITES_PER_MINUTE: positiveInt(),
  RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE: positiveInt(),
  RATE_LIMIT_LIVE_STREAMS: positiveInt(),
  RATE_LIMIT_ACCOUNT_MAIL_PER_IP_PER_HOUR: positiveInt(),
  RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS_PER_HOUR: positiveInt(),
  RATE_LIMIT_ACCOUNT_LINKS_PER_IP_PER_HOUR: positiveInt(),
  RATE_LIMIT_SCANS_PER_DEVICE_PER_MINUTE: positiveInt(),
  RATE_LIMIT_SCANS_PER_USER_PER_MINUTE: positiveInt(),
  RATE_LIMIT_WAITING_ROOM_PER_MINUTE: positiveInt(),
  /** Largest tRPC request body in bytes (413 above it), and most calls in one batch (400). */
  MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
  /**
   * API load shedding, per server process: requests worked on at once, how many more may wait,
   * for how long, and how long a query may run before its client is told to retry (503).
   */
  API_MAX_ACTIVE_REQUESTS: z.coerce.number().int().min(1).default(32),
  API_MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).default(128),
  API_MAX_WAIT_MS: z.coerce.number().int().min(0).default(2000),
  API_TIME_LIMIT_SECONDS: z.coerce.number().positive().default(10),
  /**
   * Where uploaded event covers are kept. Unset: `covers` in the app's data directory
   * (OPENTICKET_DATA_DIR, else <repo>/.data beside the embedded database; `next start` runs in
   * apps/web). Every app server process must see the same directory.
   */
  COVER_DIR: z.string().min(1).optional(),
  OPENTICKET_DATA_DIR: z.string().min(1).optional(),
});

function positiveInt() {
  return z.coerce.number().int().positive().optional();
}

const parsed = schema.parse(process.env);
// Half a Stripe setup would quietly fall back to the demo provider, which gives tickets away.
if (Boolean(parsed.STRIPE_SECRET_KEY) !== Boolean(parsed.STRIPE_WEBHOOK_SECRET)) {
  throw new Error("Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither.");
}

export const env = {
  ...parsed,
  trustedOrigins: parsed.TRUSTED_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter(Boolean),
  coverDir:
    parsed.COVER_DIR ??
    resolve(parsed.OPENTICKET_DATA_DIR ?? resolve(process.cwd(), "../../.data"), "covers"),
  /** Where buyers reach this app: payment providers send them back and call it here. */
  publicUrl: parsed.NEXTAUTH_URL ?? `http://localhost:${parsed.PORT}`,
  /** Overrides of the api package's limit defaults (LimitConfig), only those set. */
  rateLimits: dropUnset({
    signInFailuresPerAccount: parsed.RATE_LIMIT_SIGN_IN_FAILURES,
    signInLockoutSeconds: parsed.RATE_LIMIT_SIGN_IN_LOCKOUT_SECONDS,
    signInMaxLockoutSeconds: parsed.RATE_LIMIT_SIGN_IN_MAX_LOCKOUT_SECONDS,
    signInFailuresPerIpPerDay: parsed.RATE_LIMIT_SIGN_IN_FAILURES_PER_IP_PER_DAY,
    signUpsPerIpPerHour: parsed.RATE_LIMIT_SIGN_UPS_PER_IP_PER_HOUR,
    seatWritesPerUserPerMinute: parsed.RATE_LIMIT_SEAT_WRITES_PER_MINUTE,
    anonymousReadsPerIpPerMinute: parsed.RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE,
    liveStreamsAtOnce: parsed.RATE_LIMIT_LIVE_STREAMS,
    accountMailPerIpPerHour: parsed.RATE_LIMIT_ACCOUNT_MAIL_PER_IP_PER_HOUR,
    accountMailPerAddressPerHour: parsed.RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS_PER_HOUR,
    accountLinksPerIpPerHour: parsed.RATE_LIMIT_ACCOUNT_LINKS_PER_IP_PER_HOUR,
    scansPerDevicePerMinute: parsed.RATE_LIMIT_SCANS_PER_DEVICE_PER_MINUTE,
    scansPerUserPerMinute: parsed.RATE_LIMIT_SCANS_PER_USER_PER_MINUTE,
    waitingRoomCallsPerUserPerMinute: parsed.RATE_LIMIT_WAITING_ROOM_PER_MINUTE,
  }),
};

function dropUnset<T extends Record<string, number | undefined>>(values: T) {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: number;
  };
}

/** Read at request time, not at build time, so that `next build` needs no database. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `pnpm start` (embedded database) or set it.",
    );
  }
  return env.DATABASE_URL;
}
