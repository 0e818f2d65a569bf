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
  /** Seats one buyer may hold at once across all events (anti-hoarding). */
  MAX_HELD_SEATS: z.coerce.number().int().positive().max(1000).default(20),
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
});

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
};

/** Read at request time, not at build time, so that `next build` needs no database. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `pnpm start` (embedded database) or set it.",
    );
  }
  return env.DATABASE_URL;
}
