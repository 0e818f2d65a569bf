// The rate limits on their real stores: Redis (shared by every app instance) and PostgreSQL
// (the zero-setup store). Each run uses its own Redis namespace and removes only its keys.
import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@openticket/db/testing";
import type { Redis } from "ioredis";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppError } from "../src/errors.ts";
import { type LimiterStore, postgresStore, redisStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { startTestRedis, type TestRedis } from "../src/testing/redis.ts";

const database = useTestDatabase();
const namespace = `test-${randomUUID()}`;
let redis: Redis;
let testRedis: TestRedis;
let pool: pg.Pool;

beforeAll(async () => {
  testRedis = await startTestRedis();
  redis = testRedis.redis;
  pool = new pg.Pool({ connectionString: database().url, max: 4 });
});

afterAll(async () => {
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length) await redis.del(...keys);
  await testRedis.stop();
  await pool.end();
});

afterEach(() => {
  vi.useRealTimers();
});

/** The refusal a promise ended in, as the AppError the limits throw. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
  return error as AppError;
}

const stores: [string, () => Promise<LimiterStore>][] = [
  ["Redis", async () => redisStore(redis, namespace)],
  ["PostgreSQL", () => postgresStore(pool)],
];

describe.each(stores)("rate limits on %s", (_name, makeStore) => {
  it("lets the limit through, then refuses with the seconds until the window ends", async () => {
    const limits = new RateLimits(await makeStore(), { seatWritesPerUserPerMinute: 3 });
    const user = randomUUID();
    for (let i = 0; i < 3; i++) await limits.spendSeatWrite(user);
    const refused = await refusal(limits.spendSeatWrite(user));
    expect(refused.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Someone else is not affected.
    await limits.spendSeatWrite(randomUUID());
  });

  it("shares its counters between two app instances", async () => {
    // Two RateLimits on two clients of the same store, as two server processes would have.
    const first = new RateLimits(await makeStore(), { signUpsPerIpPerHour: 4 });
    const second = new RateLimits(await makeStore(), { signUpsPerIpPerHour: 4 });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    await first.spendSignUp(ip);
    await second.spendSignUp(ip);
    await first.spendSignUp(ip);
    await second.spendSignUp(ip);
    await refusal(first.spendSignUp(ip));
    await refusal(second.spendSignUp(ip));
  });

  it("locks a login after wrong passwords in a row, and a good one resets the streak", async () => {
    const limits = new RateLimits(await makeStore(), {
      signInFailuresPerAccount: 3,
      signInLockoutSeconds: 60,
    });
    const login = `someone-${randomUUID()}@example.com`;
    for (let i = 0; i < 2; i++) await limits.signIn.recordFailure(login, null);
    await limits.signIn.check(login, null);
    await limits.signIn.recordSuccess(login);
    for (let i = 0; i < 2; i++) await limits.signIn.recordFailure(login, null);
    await limits.signIn.check(login, null); // the streak started over after the success
    await limits.signIn.recordFailure(login, null);
    const locked = await refusal(limits.signIn.check(login.toUpperCase(), null));
    expect(locked.details?.retryAfterSeconds).toBeGreaterThan(50);
    expect(locked.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("stops an IP address that guesses across many logins", async () => {
    const limits = new RateLimits(await makeStore(), {
      signInFailuresPerIpPerDay: 4,
      signInFailuresPerAccount: 100,
    });
    const ip = `203.0.113.7-${randomUUID()}`;
    for (let i = 0; i < 4; i++) await limits.signIn.recordFailure(`login-${i}-${ip}`, ip);
    await refusal(limits.signIn.check("a-fresh-login", ip));
    await limits.signIn.check("a-fresh-login", `another-${ip}`);
  });

  it("counts live streams while they are open and gives the slot back when they close", async () => {
    const limits = new RateLimits(await makeStore(), { liveStreamsAtOnce: 2 });
    const key = `user:${randomUUID()}`;
    const closeFirst = await limits.liveStreams.acquire(key);
    await limits.liveStreams.acquire(key);
    await refusal(limits.liveStreams.acquire(key));
    await closeFirst();
    await limits.liveStreams.acquire(key);
  });
});

it("keeps the counters in Redis itself, not in the per-process fallback", async () => {
  const limits = new RateLimits(redisStore(redis, namespace));
  const user = randomUUID();
  await limits.spendSeatWrite(user);
  expect(await redis.get(`${namespace}:seat_writes:${user}`)).toBe("1");
});

it("keeps the counters in PostgreSQL itself, not in the per-process fallback", async () => {
  const limits = new RateLimits(await postgresStore(pool));
  const user = randomUUID();
  await limits.spendSeatWrite(user);
  const { rows } = await pool.query("SELECT points FROM rate_limit_counter WHERE key = $1", [
    `seat_writes:${user}`,
  ]);
  expect(rows).toEqual([{ points: 1 }]);
});

it("makes each further lockout of a login twice as long", async () => {
  // PostgreSQL's store compares expiries with the app's clock, so moving the clock moves it.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T12:00:00Z") });
  const limits = new RateLimits(await postgresStore(pool), {
    signInFailuresPerAccount: 2,
    signInLockoutSeconds: 60,
    signInMaxLockoutSeconds: 200,
  });
  const login = `growing-${randomUUID()}`;
  const lockoutLengths: number[] = [];
  for (let round = 0; round < 4; round++) {
    await limits.signIn.recordFailure(login, null);
    await limits.signIn.recordFailure(login, null);
    const locked = await refusal(limits.signIn.check(login, null));
    lockoutLengths.push(locked.details?.retryAfterSeconds ?? 0);
    vi.setSystemTime(Date.now() + (locked.details?.retryAfterSeconds ?? 0) * 1000 + 1);
    await limits.signIn.check(login, null); // the lockout is over
  }
  expect(lockoutLengths).toEqual([60, 120, 200, 200]);
  // A good password forgets the lockouts: the next one is short again.
  await limits.signIn.recordSuccess(login);
  await limits.signIn.recordFailure(login, null);
  await limits.signIn.recordFailure(login, null);
  expect((await refusal(limits.signIn.check(login, null))).details?.retryAfterSeconds).toBe(60);
});
