// Rate limits for a server process, from its connection strings: Redis when one is configured
// (several instances then share the counters), else the app's own PostgreSQL.
import { Redis } from "ioredis";
import pg from "pg";
import { logger } from "../observability/logger.ts";
import { postgresStore, redisStore } from "./limiter-store.ts";
import type { LimitConfig } from "./limits-config.ts";
import { RateLimits } from "./rate-limits.ts";

export async function rateLimitsFor(options: {
  redisUrl?: string;
  databaseUrl: string;
  limits?: Partial<LimitConfig>;
}): Promise<RateLimits> {
  if (options.redisUrl) {
    // No offline queue: while Redis is unreachable, counting falls to the in-memory insurance
    // limiter at once instead of making every request wait for a reconnect.
    const redis = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    redis.on("error", (error: Error) => logger.warn({ err: error }, "rate limits: Redis failed"));
    return new RateLimits(redisStore(redis), options.limits);
  }
  // A small pool of its own: counting must not wait behind Prisma's pool on a busy sale.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  // An idle connection dropped by the server must not take the process down with it.
  pool.on("error", (error: Error) => logger.warn({ err: error }, "rate limits: PostgreSQL failed"));
  return new RateLimits(await postgresStore(pool), options.limits);
}
