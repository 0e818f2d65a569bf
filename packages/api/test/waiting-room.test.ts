// The fair waiting room (docs/waiting-room.md), on both of its stores: PostgreSQL (the
// zero-setup one) and Redis (shared by every instance; each test its own key namespace).
// Fairness with 1,000 arrivals, one place per account, places that survive a restart, and the
// admission pass that hold and checkout require: missing, forged, stolen, for another event,
// expired.
import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { postgresQueue, type WaitingRoomQueue } from "../src/services/waiting-room/queue.ts";
import { redisQueue } from "../src/services/waiting-room/redis-queue.ts";
import { startTestRedis, type TestRedis } from "../src/testing/redis.ts";
import { callerFor } from "./helpers/callers.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 30 });
const namespaces: string[] = [];
let testRedis: TestRedis;

beforeAll(async () => {
  testRedis = await startTestRedis();
});

afterAll(async () => {
  for (const namespace of namespaces) {
    const keys = await testRedis.redis.keys(`${namespace}:*`);
    if (keys.length) await testRedis.redis.del(...keys);
  }
  await testRedis.stop();
});

type Store = {
  /** The store as a server process builds it. */
  open: (db: Db) => WaitingRoomQueue;
  /** The same store from a process started afresh: new connections, nothing in memory. */
  restarted: (db: Db) => Promise<{ queue: WaitingRoomQueue; stop: () => Promise<void> }>;
};

function newRedisStore(): Store {
  const namespace = `test-waiting-room-${randomUUID()}`;
  namespaces.push(namespace);
  return {
    open: () => redisQueue(testRedis.redis, namespace),
    restarted: async () => {
      const redis = new Redis(testRedis.url);
      return { queue: redisQueue(redis, namespace), stop: async () => redis.disconnect() };
    },
  };
}

const stores: [string, () => Store][] = [
  [
    "PostgreSQL",
    () => ({
      open: (db) => postgresQueue(db),
      restarted: async () => {
        const db = createDb(database().url);
        return { queue: postgresQueue(db), stop: () => db.$disconnect() };
      },
    }),
  ],
  ["Redis", newRedisStore],
];

const SECOND = 1000;
const settings = { admissionSecret: "test-admission-secret-0123456789", admissionPassMs: 60_000 };

/** An event on sale with a waiting room opening at `opensAt`, set by its organizer. */
async function highDemandEvent(db: Db, opensAt: Date, admissionsPerMinute: number) {
  const sale = await eventOnSale(db);
  await callerFor(db, sale.organizer, { now: () => opensAt }).organizer.waitingRoom.set({
    eventId: sale.event.id,
    opensAt,
    admissionsPerMinute,
  });
  return sale;
}

/** Spearman's rank correlation of two orderings of the same n items. */
function rankCorrelation(a: number[], b: number[]) {
  const n = a.length;
  const d2 = a.reduce((sum, value, index) => sum + (value - (b[index] ?? 0)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe.each(stores)("the waiting room on %s", (_store, makeStore) => {
  it("admits 1,000 arrivals fairly: the early group shuffled, then first come first served", async () => {
    const { db } = database();
    const store = makeStore();
    const opensAt = new Date(Date.now() + 3600_000);
    // 10 a second are admitted; 20 a second arrive after the opening, so a line forms.
    const { event } = await highDemandEvent(db, opensAt, 600);
    const buyers = await makeBuyers(db, 1000);
    const early = buyers.slice(0, 300);
    const late = buyers.slice(300);
    const callerAt = (buyer: (typeof buyers)[number], at: number) =>
      callerFor(db, buyer, {
        now: () => new Date(at),
        settings,
        waitingRoom: store.open(db),
      }).waitingRoom;

    // Early arrivals, in groups of 20 at once, from 5 minutes before the opening.
    for (let group = 0; group < early.length / 20; group++) {
      const at = opensAt.getTime() - 300 * SECOND + group * SECOND;
      const joined = await Promise.all(
        early
          .slice(group * 20, group * 20 + 20)
          .map((buyer) => callerAt(buyer, at).join({ eventId: event.id })),
      );
      for (const place of joined) expect(place.state).toBe("EARLY");
    }
    // After the opening: 10 arrive at once every half second (simultaneous arrivals have no
    // order between them: that group is the tolerance).
    const GROUP = 10;
    for (let group = 0; group < late.length / GROUP; group++) {
      const at = opensAt.getTime() + group * 500;
      await Promise.all(
        late
          .slice(group * GROUP, group * GROUP + GROUP)
          .map((buyer) => callerAt(buyer, at).join({ eventId: event.id })),
      );
    }

    // Walk the clock from the opening; note when each buyer is first told ADMITTED, and check
    // that those still waiting are told their place ahead of the others in line.
    const admittedAtStep = new Map<string, number>();
    for (let step = 0; admittedAtStep.size < buyers.length; step++) {
      expect(step).toBeLessThan(30);
      const at = opensAt.getTime() + step * 5 * SECOND;
      const waiting = buyers.filter((buyer) => !admittedAtStep.has(buyer.id));
      for (let start = 0; start < waiting.length; start += 50) {
        const chunk = waiting.slice(start, start + 50);
        const places = await Promise.all(
          chunk.map((buyer) => callerAt(buyer, at).place({ eventId: event.id })),
        );
        places.forEach((place, index) => {
          const buyer = chunk[index];
          if (!buyer) return;
          expect(["WAITING", "ADMITTED"]).toContain(place.state);
          if (place.state === "ADMITTED") admittedAtStep.set(buyer.id, step);
        });
      }
    }
    const stepOf = (buyer: { id: string }) => admittedAtStep.get(buyer.id) ?? Number.NaN;

    // Every early arrival is admitted no later than any later arrival.
    const lastEarly = Math.max(...early.map(stepOf));
    expect(Math.min(...late.map(stepOf))).toBeGreaterThanOrEqual(lastEarly);
    // After the opening, admission follows arrival: a buyer is never admitted after someone
    // who arrived more than one group (half a second, 10 places) later.
    for (let index = GROUP; index < late.length; index++) {
      const before = late[index - GROUP];
      const after = late[index];
      if (!before || !after) continue;
      expect(stepOf(before)).toBeLessThanOrEqual(stepOf(after));
    }

    // The early group's places, at the opening: 1..300, a shuffle of their arrival order.
    const queue = store.open(db);
    const earlyPlaces = await Promise.all(
      early.map(async (buyer) => (await queue.find(event.id, buyer.id, true))?.position ?? 0),
    );
    expect([...earlyPlaces].sort((a, b) => a - b)).toEqual(early.map((_, index) => index + 1));
    const correlation = rankCorrelation(
      early.map((_, index) => index + 1),
      earlyPlaces,
    );
    // Random order: |rho| is ~0.06 on average for 300; in arrival order it would be 1.
    expect(Math.abs(correlation)).toBeLessThan(0.25);
    // Later arrivals: numbered from 301 in arrival order, within their group of 10.
    const latePlaces = await Promise.all(
      late.map(async (buyer) => (await queue.find(event.id, buyer.id, true))?.position ?? 0),
    );
    latePlaces.forEach((position, index) => {
      const group = Math.floor(index / GROUP);
      expect(position).toBeGreaterThanOrEqual(301 + group * GROUP);
      expect(position).toBeLessThanOrEqual(300 + (group + 1) * GROUP);
    });
    expect(await queue.size(event.id)).toEqual({ joined: 1000, lastPosition: 1000 });
  }, 120_000);

  it("keeps one place per account: a second tab, a second device, a restarted process", async () => {
    const { db } = database();
    const store = makeStore();
    const opensAt = new Date(Date.now() - 60 * SECOND);
    const { event } = await highDemandEvent(db, opensAt, 1);
    const [first, alice] = await makeBuyers(db, 2);
    if (!first || !alice) throw new Error("buyers");
    const now = new Date(opensAt.getTime() + SECOND);
    const as = (buyer: typeof alice) =>
      callerFor(db, buyer, { now: () => now, settings, waitingRoom: store.open(db) }).waitingRoom;
    await as(first).join({ eventId: event.id });
    // Five tabs at once, then a phone (another caller, another store client).
    const tabs = await Promise.all(
      Array.from({ length: 5 }, () => as(alice).join({ eventId: event.id })),
    );
    const phone = await as(alice).join({ eventId: event.id });
    for (const place of [...tabs, phone]) {
      expect(place).toMatchObject({ state: "WAITING", position: 2 });
    }
    expect(await store.open(db).size(event.id)).toEqual({ joined: 2, lastPosition: 2 });

    // A restarted process connects anew and finds the same places.
    const restarted = await store.restarted(db);
    try {
      expect(await restarted.queue.find(event.id, alice.id, true)).toMatchObject({ position: 2 });
      expect(await restarted.queue.find(event.id, first.id, true)).toMatchObject({ position: 1 });
    } finally {
      await restarted.stop();
    }
  });

  it("requires a valid pass of the admitted account to hold seats and to check out", async () => {
    const { db } = database();
    const store = makeStore();
    const opensAt = new Date(Date.now() - 60 * SECOND);
    const { event, seatIds } = await highDemandEvent(db, opensAt, 1);
    const other = await highDemandEvent(db, opensAt, 1);
    const [alice, bob] = await makeBuyers(db, 2);
    if (!alice || !bob) throw new Error("buyers");
    const at = (buyer: typeof alice, offset: number) =>
      callerFor(db, buyer, {
        now: () => new Date(opensAt.getTime() + offset),
        settings,
        waitingRoom: store.open(db),
      });

    // One a minute: Alice is first in line, Bob second.
    expect(await at(alice, 0).waitingRoom.join({ eventId: event.id })).toMatchObject({
      state: "WAITING",
      position: 1,
      estimatedWaitSeconds: 60,
    });
    expect(await at(bob, 0).waitingRoom.join({ eventId: event.id })).toMatchObject({
      state: "WAITING",
      position: 2,
      estimatedWaitSeconds: 120,
    });
    await at(alice, 0).waitingRoom.join({ eventId: other.event.id });

    // A minute later Alice is admitted; Bob waits, one place to go.
    const admitted = await at(alice, 60 * SECOND).waitingRoom.place({ eventId: event.id });
    if (admitted.state !== "ADMITTED") throw new Error(`Alice is ${admitted.state}`);
    expect(await at(bob, 60 * SECOND).waitingRoom.place({ eventId: event.id })).toMatchObject({
      state: "WAITING",
      position: 1,
    });
    const pass = admitted.pass;
    const hold = (buyer: typeof alice, admission: string | undefined, offset = 61 * SECOND) =>
      at(buyer, offset).reservation.hold({
        eventId: event.id,
        seatIds: [seatIds[0] ?? ""],
        admission,
      });
    const reasonOf = async (promise: Promise<unknown>) => {
      const error = await failure(promise);
      expect(error.code).toBe("FORBIDDEN");
      return detailsOf(error)?.reason;
    };

    expect(await reasonOf(hold(alice, undefined))).toBe("ADMISSION_REQUIRED");
    expect(await reasonOf(hold(alice, "not-a-pass"))).toBe("ADMISSION_INVALID");
    // Forged: a later expiry under the old signature, and one signed with another secret.
    const [eventId, userId, expires, signature] = pass.split(".");
    const stretched = [eventId, userId, Number(expires) + 3600_000, signature].join(".");
    expect(await reasonOf(hold(alice, stretched))).toBe("ADMISSION_INVALID");
    const otherSecret = await callerFor(db, alice, {
      now: () => new Date(opensAt.getTime() + 60 * SECOND),
      settings: { ...settings, admissionSecret: "another-secret-entirely-0123456789" },
      waitingRoom: store.open(db),
    }).waitingRoom.place({ eventId: event.id });
    if (otherSecret.state !== "ADMITTED") throw new Error("not admitted");
    expect(await reasonOf(hold(alice, otherSecret.pass))).toBe("ADMISSION_INVALID");
    // Stolen: Bob (still waiting) sends Alice's pass.
    expect(await reasonOf(hold(bob, pass))).toBe("ADMISSION_OTHER_ACCOUNT");
    // For another event.
    expect(
      await reasonOf(
        at(alice, 61 * SECOND).reservation.hold({
          eventId: other.event.id,
          seatIds: [other.seatIds[0] ?? ""],
          admission: pass,
        }),
      ),
    ).toBe("ADMISSION_OTHER_EVENT");
    // Expired: the pass is good for a minute.
    expect(await reasonOf(hold(alice, pass, 121 * SECOND))).toBe("ADMISSION_EXPIRED");
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);

    // With her pass, Alice holds and checks out; checkout checks the pass too.
    await hold(alice, pass);
    const checkout = (admission: string | undefined) =>
      at(alice, 62 * SECOND).order.checkout({
        eventId: event.id,
        idempotencyKey: `waiting-room-${randomUUID()}`,
        admission,
      });
    expect(await reasonOf(checkout(undefined))).toBe("ADMISSION_REQUIRED");
    expect(await reasonOf(checkout(stretched))).toBe("ADMISSION_INVALID");
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
    expect(await checkout(pass)).toMatchObject({ status: "PENDING" });
  });
});

describe("the waiting room", () => {
  it("limits how often one account may ask for its place", async () => {
    const { db } = database();
    const { event } = await highDemandEvent(db, new Date(), 60);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const rateLimits = new RateLimits(memoryStore(), { waitingRoomCallsPerUserPerMinute: 3 });
    const api = callerFor(db, buyer, { rateLimits, settings }).waitingRoom;
    await api.join({ eventId: event.id });
    await api.place({ eventId: event.id });
    await api.place({ eventId: event.id });
    expect((await failure(api.place({ eventId: event.id }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("leaves events without a waiting room as they were", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer, { settings });
    expect(await api.waitingRoom.join({ eventId: event.id })).toEqual({
      state: "NO_WAITING_ROOM",
    });
    await api.reservation.hold({ eventId: event.id, seatIds: [seatIds[0] ?? ""] });
  });

  it("lets the organizer watch the line and change the rate live, keeping those admitted", async () => {
    const { db } = database();
    const opensAt = new Date(Date.now() - 3600_000);
    const { event, organizer } = await highDemandEvent(db, opensAt, 60);
    const buyers = await makeBuyers(db, 200);
    const at = (offset: number) => ({ now: () => new Date(opensAt.getTime() + offset), settings });
    // 200 arrive in the opening second.
    for (const buyer of buyers) {
      await callerFor(db, buyer, at(0)).waitingRoom.join({ eventId: event.id });
    }
    const console = (offset: number) => callerFor(db, organizer, at(offset)).organizer.waitingRoom;
    expect(await console(60 * SECOND).get({ eventId: event.id })).toMatchObject({
      open: true,
      admissionsPerMinute: 60,
      joined: 200,
      admitted: 60,
      waiting: 140,
      lastWaitSeconds: 140,
    });
    // Doubled after a minute: 60 admitted stay admitted, 2 a second from then on.
    await console(60 * SECOND).set({ eventId: event.id, opensAt, admissionsPerMinute: 120 });
    expect(await console(90 * SECOND).get({ eventId: event.id })).toMatchObject({
      admissionsPerMinute: 120,
      admitted: 120,
      waiting: 80,
    });
    // Slowed down: nobody admitted is sent back.
    await console(90 * SECOND).set({ eventId: event.id, opensAt, admissionsPerMinute: 1 });
    expect(await console(91 * SECOND).get({ eventId: event.id })).toMatchObject({ admitted: 120 });
    const last = buyers[119];
    if (!last) throw new Error("buyer");
    expect(
      (await callerFor(db, last, at(91 * SECOND)).waitingRoom.place({ eventId: event.id })).state,
    ).toBe("ADMITTED");

    // Once open, the opening time stays; another organizer sees nothing.
    const moved = await failure(
      console(91 * SECOND).set({ eventId: event.id, opensAt: new Date(), admissionsPerMinute: 1 }),
    );
    expect(moved.code).toBe("BAD_REQUEST");
    const [stranger] = await makeBuyers(db, 1);
    if (!stranger) throw new Error("organizer");
    await db.user.update({ where: { id: stranger.id }, data: { role: "ORGANIZER" } });
    const theirs = callerFor(db, { ...stranger, role: "ORGANIZER" }).organizer.waitingRoom;
    expect((await failure(theirs.get({ eventId: event.id }))).code).toBe("NOT_FOUND");
  });
});
