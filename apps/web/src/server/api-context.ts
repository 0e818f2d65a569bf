// Builds the api package's context for a request: session user, database, payment provider,
// live seat feed and settings from the environment.
import "server-only";
import { type Context, createContext, defaultSettings, type Settings } from "@openticket/api";
import { env } from "~/env";
import { getSessionUser } from "~/server/auth";
import { getDatabaseClock } from "~/server/database-clock";
import { getDb } from "~/server/db";
import { getJobQueue } from "~/server/payment-jobs";
import { getPaymentProvider } from "~/server/payment-provider";
import { getSeatChangeFeed } from "~/server/seat-change-feed";

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
  });
}
