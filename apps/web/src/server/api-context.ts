// Builds the api package's context for a request from its headers alone (no Next.js request
// scope, so the API server and the Next.js app build it alike): session user, database, payment
// provider, live seat feed and settings from the environment.
import { createHmac } from "node:crypto";
import {
  type Context,
  createContext,
  defaultSettings,
  type RateLimits,
  rateLimitsFor,
  type Settings,
  type WaitingRoomQueue,
  waitingRoomQueueFor,
} from "@openticket/api";
import { env, requireDatabaseUrl } from "~/env";
import { clientIp } from "~/server/client-ip";
import { getDatabaseClock } from "~/server/database-clock";
import { getDb } from "~/server/db";
import { getJobQueue } from "~/server/payment-jobs";
import { getPaymentProvider } from "~/server/payment-provider";
import { getSeatChangeFeed } from "~/server/seat-change-feed";
import { type SignedInUser, sessionUserFromCookies } from "~/server/session-cookie";

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

let processSettings: Readonly<Settings> | null = null;

/** The api's settings, from the environment: read once, as it does not change while we run. */
export function settingsFromEnv(): Readonly<Settings> {
  processSettings ??= Object.freeze({
    ...defaultSettings,
    holdDurationMs: env.HOLD_MINUTES * 60_000,
    maxHeldSeatsPerUser: env.MAX_HELD_SEATS,
    publicUrl: env.publicUrl,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    admissionSecret: admissionSecret(),
  });
  return processSettings;
}

/** WAITING_ROOM_SECRET, or one derived from NEXTAUTH_SECRET: every instance signs alike. */
function admissionSecret(): string {
  if (env.WAITING_ROOM_SECRET) return env.WAITING_ROOM_SECRET;
  if (!env.NEXTAUTH_SECRET) return defaultSettings.admissionSecret;
  return createHmac("sha256", env.NEXTAUTH_SECRET)
    .update("openticket waiting-room admission passes")
    .digest("base64url");
}

const globalForQueue = globalThis as unknown as { openticketWaitingRoom?: WaitingRoomQueue };

/** One waiting-room line store per server process (docs/waiting-room.md). */
export function getWaitingRoomQueue(): WaitingRoomQueue {
  globalForQueue.openticketWaitingRoom ??= waitingRoomQueueFor({
    redisUrl: env.REDIS_URL,
    db: getDb(),
  });
  return globalForQueue.openticketWaitingRoom;
}

/**
 * The context of a request with these headers. `user`: the session user when the caller has
 * already read it (Next.js, which can ask next-auth itself); else it is read from the cookie.
 */
export async function createApiContext(
  requestHeaders: Pick<Headers, "get">,
  user?: SignedInUser | null,
): Promise<Context> {
  return createContext({
    db: getDb(),
    user:
      user !== undefined
        ? user
        : ((await sessionUserFromCookies(requestHeaders.get("cookie"))) ?? null),
    now: (await getDatabaseClock()).now,
    payments: getPaymentProvider(),
    seatChanges: getSeatChangeFeed(),
    jobs: getJobQueue(),
    settings: settingsFromEnv(),
    ip: clientIp(requestHeaders.get("x-forwarded-for")),
    rateLimits: await getRateLimits(),
    waitingRoom: getWaitingRoomQueue(),
  });
}
