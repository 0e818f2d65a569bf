// Where the counters live. Redis when the app has one (every instance shares the counters);
// otherwise PostgreSQL, which every OpenTicket already has, so a zero-setup run is limited too.
// Both fall back to a per-process memory limiter if the store fails (the library's
// insuranceLimiter), so an outage of the counter store neither opens the gates wide nor takes
// the site down.
import type { Redis } from "ioredis";
import type { Pool } from "pg";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
} from "rate-limiter-flexible";

/** One counter: `points` per `duration` seconds, under its own key prefix. */
export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

export type LimiterStore = { limiter(options: LimiterOptions): RateLimiterAbstract };

export function memoryStore(): LimiterStore {
  return { limiter: (options) => new RateLimiterMemory(options) };
}

/**
 * The client should have `enableOfflineQueue: false`, so a down Redis fails fast to memory.
 * `namespace` starts every key, so several apps (or test runs) can share one Redis.
 */
export function redisStore(redis: Redis, namespace = "openticket"): LimiterStore {
  return {
    limiter: (options) =>
      new RateLimiterRedis({
        ...options,
        keyPrefix: `${namespace}:${options.keyPrefix}`,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(options),
      }),
  };
}

// A plain table of counters, not a Prisma model: the library owns its shape and creates it
// with CREATE TABLE IF NOT EXISTS; it holds nothing anyone needs to keep.
const TABLE = "rate_limit_counter";

/** Creates the counter table if it is missing, then answers. */
export async function postgresStore(pool: Pool): Promise<LimiterStore> {
  await new Promise<void>((resolve, reject) => {
    // This first limiter also sweeps expired rows every five minutes, for the whole table.
    new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: "pool",
        tableName: TABLE,
        points: 1,
        duration: 1,
        clearExpiredByTimeout: true,
      },
      (error?: unknown) => (error ? reject(error) : resolve()),
    );
  });
  return {
    limiter: (options) =>
      new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        storeType: "pool",
        tableName: TABLE,
        tableCreated: true,
        insuranceLimiter: new RateLimiterMemory(options),
      }),
  };
}
