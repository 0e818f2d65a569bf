// The waiting room across app processes (docs/deploy.md: N stateless processes on one
// database): two app servers share one line and one admission count, with the line in Redis
// (REDIS_URL, several machines) or in PostgreSQL alone (the zero-setup default). Buyers join
// through either process and get one place each, in the order they came; the same account on
// the other process (a second device) finds its place; a pass one process signed is honoured by
// the other, and a pass of another account or none at all is refused by both.

import { startTestRedis, type TestRedis } from "@openticket/api/testing/redis";
import { hashPassword } from "@openticket/db/password";
import {
  createTestDatabase,
  makeEvent,
  makeUser,
  makeVenue,
  type TestDatabase,
} from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

const PASSWORD = "waiting-in-line-2026";
const BUYERS = 6;

type Place = { state: string; position?: number; pass?: string };

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe.each([
  ["PostgreSQL", () => ({})],
  ["Redis", () => ({ REDIS_URL: redis.url })],
])("the waiting room on two app processes sharing %s", (_store, storeEnv) => {
  let database: TestDatabase;
  let apps: AppServer[] = [];
  let eventId: string;
  let seatIds: string[];
  let usernames: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Rate limits are not what this tests (and would share counters in a shared Redis).
    const env = { ...storeEnv(), RATE_LIMITS: "off" };
    apps = await Promise.all([
      startAppServer({ database, env }),
      startAppServer({ database, env }),
    ]);
    const { db } = database;
    const organizer = await makeUser(db, { role: "ORGANIZER" });
    const venue = await makeVenue(db, { ownerId: organizer.id });
    eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
    // Open since a second ago, admitting nobody yet (one a minute, from now).
    const now = Date.now();
    await db.event.update({
      where: { id: eventId },
      data: {
        waitingRoomOpensAt: new Date(now - 1_000),
        admissionsPerMinute: 1,
        admittedAtRateChange: 0,
        rateChangedAt: new Date(now),
      },
    });
    seatIds = (await db.eventSeat.findMany({ where: { eventId }, select: { id: true } })).map(
      (seat) => seat.id,
    );
    const passwordHash = await hashPassword(PASSWORD);
    usernames = [];
    for (let index = 0; index < BUYERS; index++) {
      usernames.push((await makeUser(db, { passwordHash })).username);
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await database?.drop();
  });

  /** Buyer `index` signed in on process `process` (each process its own device's session). */
  const sessions = new Map<string, SessionClient>();
  async function buyerOn(index: number, process: 0 | 1) {
    const key = `${index}@${process}`;
    const existing = sessions.get(key);
    if (existing) return existing;
    const client = new SessionClient(apps[process]?.baseUrl ?? "");
    await client.signIn(usernames[index] ?? "", PASSWORD);
    expect(client.hasSessionCookie()).toBe(true);
    sessions.set(key, client);
    return client;
  }

  async function call(client: SessionClient, path: string, input: unknown, post = false) {
    const answer = await client.trpc(path, input, post ? { method: "POST" } : {});
    return {
      status: answer.status,
      code: answer.body.error?.json?.data.code,
      data: answer.body.result?.data?.json as Place,
    };
  }

  it("gives each account one place, in arrival order, whichever process it asks", async () => {
    // Arrivals alternate between the two processes.
    for (let index = 0; index < BUYERS; index++) {
      const joined = await call(
        await buyerOn(index, (index % 2) as 0 | 1),
        "waitingRoom.join",
        { eventId },
        true,
      );
      expect(joined).toMatchObject({
        status: 200,
        data: { state: "WAITING", position: index + 1 },
      });
    }
    // The same accounts on the other process (a second device): the same places, and joining
    // again there keeps them.
    for (let index = 0; index < BUYERS; index++) {
      const other = await buyerOn(index, ((index + 1) % 2) as 0 | 1);
      expect((await call(other, "waitingRoom.place", { eventId })).data).toMatchObject({
        state: "WAITING",
        position: index + 1,
      });
      expect((await call(other, "waitingRoom.join", { eventId }, true)).data).toMatchObject({
        position: index + 1,
      });
    }
  });

  it("admits by one shared count, and each process honours the other's passes only for their owner", async () => {
    // The organizer's console admits two more at once (what a rate change records).
    await database.db.event.update({
      where: { id: eventId },
      data: { admittedAtRateChange: 2, rateChangedAt: new Date() },
    });
    for (const process of [0, 1] as const) {
      expect(
        (await call(await buyerOn(0, process), "waitingRoom.place", { eventId })).data.state,
      ).toBe("ADMITTED");
      expect(
        (await call(await buyerOn(1, process), "waitingRoom.place", { eventId })).data.state,
      ).toBe("ADMITTED");
      expect(
        (await call(await buyerOn(2, process), "waitingRoom.place", { eventId })).data,
      ).toMatchObject({
        state: "WAITING",
        position: 1,
      });
    }

    // A pass signed by process 0 holds seats on process 1.
    const pass = (await call(await buyerOn(0, 0), "waitingRoom.place", { eventId })).data.pass;
    expect(pass).toBeTruthy();
    const held = await call(
      await buyerOn(0, 1),
      "reservation.hold",
      { eventId, seatIds: [seatIds[0]], admission: pass },
      true,
    );
    expect(held.status).toBe(200);

    // Buyer 2 is still waiting: refused with buyer 0's pass and with none, on both processes.
    for (const process of [0, 1] as const) {
      const waiting = await buyerOn(2, process);
      for (const admission of [pass, undefined]) {
        const refused = await call(
          waiting,
          "reservation.hold",
          { eventId, seatIds: [seatIds[1]], admission },
          true,
        );
        expect(refused).toMatchObject({ status: 403, code: "FORBIDDEN" });
      }
    }
    expect(
      await database.db.seatHold.count({ where: { eventSeatId: { in: seatIds.slice(1) } } }),
    ).toBe(0);
  });
});
