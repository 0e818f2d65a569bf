// Rate limits through the router and the sign-in service: what a caller over the limit gets
// (TOO_MANY_REQUESTS with retryAfterSeconds), that the refused call changed nothing, and which
// limits apply to whom. Counters live in a real Redis (helpers/redis.ts), in this run's own namespace.
import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@openticket/db/testing";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisStore } from "../src/rate-limits/limiter-store.ts";
import type { LimitConfig } from "../src/rate-limits/limits-config.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { signIn } from "../src/services/auth/sign-in.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { startTestRedis, type TestRedis } from "../src/testing/redis.ts";
import { callerFor } from "./helpers/callers.ts";
import { codeOf, detailsOf, failure } from "./helpers/refusals.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();
const namespace = `test-${randomUUID()}`;
let redis: Redis;
let testRedis: TestRedis;

beforeAll(async () => {
  testRedis = await startTestRedis();
  redis = testRedis.redis;
});

afterAll(async () => {
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length) await redis.del(...keys);
  await testRedis.stop();
});

const limitsWith = (config: Partial<LimitConfig>) =>
  new RateLimits(redisStore(redis, namespace), config);
const newIp = () => `192.0.2.${Math.floor(Math.random() * 250)}/${randomUUID()}`;

describe("seat writes per user", () => {
  it("refuses the hold past the limit with retryAfterSeconds, and holds nothing", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [buyer, other] = await makeBuyers(db, 2);
    if (!buyer || !other) throw new Error("buyers");
    const rateLimits = limitsWith({ seatWritesPerUserPerMinute: 3 });
    const api = callerFor(db, buyer, { rateLimits });
    await api.reservation.hold({ eventId: event.id, seatIds: [seatIds[0] ?? ""] });
    await api.reservation.release({ eventId: event.id, seatIds: [seatIds[0] ?? ""] });
    await api.reservation.hold({ eventId: event.id, seatIds: [seatIds[1] ?? ""] });

    const refused = await failure(
      api.reservation.hold({ eventId: event.id, seatIds: [seatIds[2] ?? ""] }),
    );
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(detailsOf(refused)?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(detailsOf(refused)?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await db.seatHold.count({ where: { userId: buyer.id } })).toBe(1);
    // Checkout counts against the same budget; another buyer has their own.
    expect(
      await codeOf(api.order.checkout({ eventId: event.id, idempotencyKey: randomUUID() })),
    ).toBe("TOO_MANY_REQUESTS");
    const otherApi = callerFor(db, other, { rateLimits });
    await otherApi.reservation.hold({ eventId: event.id, seatIds: [seatIds[2] ?? ""] });
    // In-process callers without limits (scripts, tests) are not counted.
    for (let i = 0; i < 5; i++) {
      expect(
        await codeOf(callerFor(db, buyer).reservation.release({ eventId: event.id, seatIds: [] })),
      ).not.toBe("TOO_MANY_REQUESTS");
    }
  });
});

describe("per-IP limits", () => {
  it("limits sign-ups per IP address, and creates no account when refusing", async () => {
    const { db } = database();
    const rateLimits = limitsWith({ signUpsPerIpPerHour: 2 });
    const ip = newIp();
    const register = (name: string) =>
      callerFor(db, null, { rateLimits, ip }).auth.register({
        username: `${name}-${namespace.slice(5, 13)}`,
        email: `${name}-${namespace}@example.com`,
        password: "correct-horse-battery",
      });
    await register("first");
    await register("second");
    const refused = await failure(register("third"));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(await db.user.count({ where: { email: `third-${namespace}@example.com` } })).toBe(0);
    // Another address may still sign up.
    await callerFor(db, null, { rateLimits, ip: newIp() }).auth.register({
      username: `fourth-${namespace.slice(5, 13)}`,
      email: `fourth-${namespace}@example.com`,
      password: "correct-horse-battery",
    });
  });

  it("limits signed-out reads per IP address, but not signed-in ones or in-process callers", async () => {
    const { db } = database();
    const { event } = await eventOnSale(db);
    const [reader] = await makeBuyers(db, 1);
    if (!reader) throw new Error("reader");
    const rateLimits = limitsWith({ anonymousReadsPerIpPerMinute: 2 });
    const ip = newIp();
    const visitor = callerFor(db, null, { rateLimits, ip });
    await visitor.event.seatMap({ eventId: event.id });
    await visitor.event.byId({ id: event.id });
    expect(await codeOf(visitor.event.seatMap({ eventId: event.id }))).toBe("TOO_MANY_REQUESTS");

    const signedIn = callerFor(db, reader, { rateLimits, ip });
    await signedIn.event.seatMap({ eventId: event.id });
    const noIp = callerFor(db, null, { rateLimits });
    for (let i = 0; i < 3; i++) await noIp.event.seatMap({ eventId: event.id });
  });
});

describe("live seat-map streams", () => {
  it("allows so many open at once per user, and frees a slot when a stream closes", async () => {
    const { db, url } = database();
    const { event } = await eventOnSale(db);
    const [viewer] = await makeBuyers(db, 1);
    if (!viewer) throw new Error("viewer");
    const feed = new SeatChangeFeed(url);
    try {
      const api = callerFor(db, viewer, {
        rateLimits: limitsWith({ liveStreamsAtOnce: 2 }),
        seatChanges: feed,
      });
      const open = () => api.event.onSeatChange({ eventId: event.id });
      const first = (await open())[Symbol.asyncIterator]();
      expect((await first.next()).value).toEqual({ resync: true, seats: [] });
      const second = (await open())[Symbol.asyncIterator]();
      expect(await codeOf(open())).toBe("TOO_MANY_REQUESTS");
      // Closed before its first item: the slot comes back all the same.
      await second.return?.();
      const third = (await open())[Symbol.asyncIterator]();
      await first.return?.();
      await third.return?.();
    } finally {
      await feed.close();
    }
  });
});

describe("sign-in", () => {
  it("locks a login after wrong passwords, refusing even the right one, until it ends", async () => {
    const { db } = database();
    const login = `locked-${namespace.slice(5, 13)}`;
    await callerFor(db, null).auth.register({
      username: login,
      email: `${login}@example.com`,
      password: "the-right-password-1",
    });
    const caller = { ip: newIp(), rateLimits: limitsWith({ signInFailuresPerAccount: 3 }) };
    for (let i = 0; i < 3; i++) {
      expect(await signIn(db, { login, password: "a-wrong-password" }, caller)).toBeNull();
    }
    await expect(
      signIn(db, { login, password: "the-right-password-1" }, caller),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      details: { retryAfterSeconds: expect.any(Number) },
    });
    // The username and the e-mail address name one account, and share its lock.
    await expect(
      signIn(db, { login: `${login}@EXAMPLE.com`, password: "the-right-password-1" }, caller),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("forgets a streak of failures after a good password", async () => {
    const { db } = database();
    const login = `streak-${namespace.slice(5, 13)}`;
    await callerFor(db, null).auth.register({
      username: login,
      email: `${login}@example.com`,
      password: "the-right-password-2",
    });
    const caller = { ip: null, rateLimits: limitsWith({ signInFailuresPerAccount: 3 }) };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await signIn(db, { login, password: "wrong-one-here" }, caller);
      expect(await signIn(db, { login, password: "the-right-password-2" }, caller)).toMatchObject({
        username: login,
      });
    }
  });
});
