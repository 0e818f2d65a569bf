// event.onSeatChange applies seatMap's visibility rule before it streams anything: drafts only
// to their organizer and admins, unknown ids to nobody (NOT_FOUND).
import { randomUUID } from "node:crypto";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";

const database = useTestDatabase();
const feeds: SeatChangeFeed[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
});

describe("event.onSeatChange access", () => {
  it("streams a draft's changes only to its organizer and admins; unknown ids to nobody", async () => {
    const { db, url } = database();
    const feed = new SeatChangeFeed(url);
    feeds.push(feed);
    const draft = await organizerEvent(db, { draft: true });
    const published = await organizerEvent(db);
    const buyer = await makeUser(db, { role: "ATTENDEE" });
    const otherOrganizer = await makeUser(db, { role: "ORGANIZER" });
    const admin = await makeUser(db, { role: "ADMIN" });

    /** The code of subscribing and reading the first batch (a resync when allowed). */
    const watch = (user: Parameters<typeof callerFor>[1], eventId: string) =>
      codeOf(
        (async () => {
          const stream = await callerFor(db, user, { seatChanges: feed }).event.onSeatChange({
            eventId,
          });
          const iterator = stream[Symbol.asyncIterator]();
          const first = await iterator.next();
          expect(first.value).toEqual({ resync: true, seats: [] });
          await iterator.return?.();
        })(),
      );

    const table = {
      "draft, signed out": await watch(null, draft.event.id),
      "draft, a buyer": await watch(buyer, draft.event.id),
      "draft, another organizer": await watch(otherOrganizer, draft.event.id),
      "draft, its organizer": await watch(draft.organizer, draft.event.id),
      "draft, an admin": await watch(admin, draft.event.id),
      "unknown id, signed out": await watch(null, randomUUID()),
      "unknown id, an admin": await watch(admin, randomUUID()),
      "published, signed out": await watch(null, published.event.id),
      "published, a buyer": await watch(buyer, published.event.id),
    };
    expect(table).toEqual({
      "draft, signed out": "NOT_FOUND",
      "draft, a buyer": "NOT_FOUND",
      "draft, another organizer": "NOT_FOUND",
      "draft, its organizer": "OK",
      "draft, an admin": "OK",
      "unknown id, signed out": "NOT_FOUND",
      "unknown id, an admin": "NOT_FOUND",
      "published, signed out": "OK",
      "published, a buyer": "OK",
    });
  });
});
