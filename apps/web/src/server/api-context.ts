// Builds the api package's context for a request: session user, database, payment provider,
// live seat feed and settings from the environment.
import "server-only";
import {
  type Context,
  createContext,
  defaultSettings,
  type RateLimits,
  rateLimitsFor,
  type Settings,
} from "@openticket/api";
import { headers } from "next/headers";
import { env, requireDatabaseUrl } from "~/env";
import { getSessionUser } from "~/server/auth";
import { clientIp } from "~/server/client-ip";
import { getDatabaseClock } from "~/server/database-clock";
import { getDb } from "~/server/db";
import { getJobQueue } from "~/server/payment-jobs";
import { getPaymentProvider } from "~/server/payment-provider";
import { getSeatChangeFeed } from "~/server/seat-change-feed";

const globalForLimits = globalThis as unknown as { openticketRateLimits?: Promise<RateLimits> };

/** One set of rate limits per server process, on Redis or PostgreSQL (docs/rate-limits.md). */
export function getRateLimits(): Promise<RateLimits | null> {
  if (env.RATE_LIMITS === "off") return Promise.resolve(null);
  globalForLimits.openticketRateLimits ??= rateLimitsFor({
    redisUrl: env.REDIS_URL,
    databaseUrl: requireDatabaseUrl(),
    limits: env.rateLimits,
  }).catch((error: unknown) => {
    // Try again on the next request rather than keep a failed start for the process's life.
    globalForLimits.openticketRateLimits = undefined;
    throw error;
  });
  return globalForLimits.openticketRateLimits;
}

/** The caller's IP address for this request (route handlers and server components alike). */
export async function requestIp(): Promise<string | null> {
  return clientIp((await headers()).get("x-forwarded-for"));
}

/** The api's settings, from the environment. */
export function settingsFromEnv(): Settings {
  return {
    ...defaultSettings,
    holdDurationMs: env.HOLD_MINUTES * 60_000,
    maxHeldSeatsPerUser: env.MAX_HELD_SEATS,
    publicUrl: env.publicUrl,
  };
}

export async function createRequestContext(): Promise<Context> {
  return createContext({
    db: getDb(),
    user: await getSessionUser(),
    now: (await getDatabaseClock()).now,
    payments: getPaymentProvider(),
    seatChanges: getSeatChangeFeed(),
    jobs: getJobQueue(),
    settings: settingsFromEnv(),
    ip: await requestIp(),
    rateLimits: await getRateLimits(),
  });
}
