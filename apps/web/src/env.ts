// The only module that reads process.env: every setting the web app uses, validated once.
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
  /** The port `next start` listens on; the public URL's default. */
  PORT: z.coerce.number().int().positive().default(3000),
  /** Stripe takes the payments when both are set (docs/stripe.md); otherwise the demo provider. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Signs the demo provider's webhooks; unset, one is derived from NEXTAUTH_SECRET. */
  DEMO_PAYMENT_SECRET: z.string().min(16).optional(),
  /** Rate-limit counters shared by every instance (redis://…); unset, they live in PostgreSQL. */
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
  /** Largest tRPC request body in bytes (413 above it), and most calls in one batch (400). */
  MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
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
