// Readiness (GET /api/health/ready): a process is ready when its database answers and its
// seat-change feed, once needed, is listening; it is not while either is down.

import { createDb } from "@openticket/db";
import { createTestDatabase, type TestDatabase } from "@openticket/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkReadiness } from "../src/services/health/readiness.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it("is ready with a database that answers and a feed that listens (or is not needed yet)", async () => {
  const feed = new SeatChangeFeed(database.url);
  try {
    expect(await checkReadiness(database.db, feed)).toEqual({
      ready: true,
      database: "up",
      seatFeed: "idle",
    });
    const stop = new AbortController();
    const batches = feed.subscribeToAll(stop.signal);
    await batches.next(); // the first batch arrives once listening
    expect(await checkReadiness(database.db, feed)).toMatchObject({
      ready: true,
      seatFeed: "listening",
    });
    stop.abort();
  } finally {
    await feed.close();
  }
});

it("is not ready while the database does not answer or the feed cannot listen", async () => {
  // Port 1 on this machine: nothing listens there, so connections are refused at once.
  const nowhere = "postgresql://postgres@127.0.0.1:1/none";
  const deadDb = createDb(nowhere);
  const deadFeed = new SeatChangeFeed(nowhere, { maxBackoffMs: 200 });
  const stop = new AbortController();
  try {
    void deadFeed
      .subscribeToAll(stop.signal)
      .next()
      .catch(() => {});
    const readiness = await checkReadiness(deadDb, deadFeed, { timeoutMs: 1_000 });
    expect(readiness).toEqual({ ready: false, database: "down", seatFeed: "reconnecting" });
    // The database alone up: still not ready while the feed is down.
    expect(await checkReadiness(database.db, deadFeed)).toMatchObject({
      ready: false,
      database: "up",
    });
  } finally {
    stop.abort();
    await deadFeed.close();
    await deadDb.$disconnect();
  }
});
