// Builds the api package's context for a request: session user, database, payment provider,
// live seat feed and settings from the environment.
import "server-only";
import {
  type Context,
  createContext,
  defaultSettings,
  SeatChangeFeed,
  type Settings,
} from "@openticket/api";
import { env, requireDatabaseUrl } from "~/env";
import { getSessionUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { getJobQueue } from "~/server/payment-jobs";
import { getPaymentProvider } from "~/server/payment-provider";

const globalForFeed = globalThis as unknown as { openticketSeatChanges?: SeatChangeFeed };

/** One LISTEN connection per server process, shared by every open seat map. */
export function getSeatChangeFeed(): SeatChangeFeed {
  globalForFeed.openticketSeatChanges ??= new SeatChangeFeed(requireDatabaseUrl());
  return globalForFeed.openticketSeatChanges;
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
    payments: getPaymentProvider(),
    seatChanges: getSeatChangeFeed(),
    jobs: getJobQueue(),
    settings: settingsFromEnv(),
  });
}
