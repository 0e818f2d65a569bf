import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";

const database = useTestDatabase();
const api = () => callerFor(database().db, null);
const day = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * day);

let ids: Record<string, string> = {};

beforeAll(async () => {
  const { db } = database();
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const taipei = await makeVenue(db, { ownerId: organizer.id, city: "Taipei" });
  const tainan = await makeVenue(db, { ownerId: organizer.id, city: "Tainan" });
  const make = (title: string, options: Partial<Parameters<typeof makeEvent>[1]>) =>
    makeEvent(db, { organizerId: organizer.id, venueId: taipei.id, title, ...options }).then(
      (event) => {
        ids[title] = event.id;
        return event;
      },
    );
  ids = {};
  await make("Jazz Night", {
    category: "CONCERT",
    startsAt: inDays(3),
    performer: "Blue Quartet",
    price: 800,
  });
  await make("Rust Talk", {
    category: "TALK",
    startsAt: inDays(5),
    venueId: tainan.id,
    city: "Tainan",
  });
  await make("Derby", { category: "SPORTS", startsAt: inDays(10) });
  await make("Old Show", { category: "CONCERT", startsAt: inDays(-10) });
  await make("Secret Draft", { category: "CONCERT", startsAt: inDays(4), status: "DRAFT" });
  await make("Called Off", { category: "CONCERT", startsAt: inDays(6), status: "CANCELLED" });
  for (let i = 0; i < 7; i++)
    await make(`Series ${i}`, { category: "WORKSHOP", startsAt: inDays(20 + i) });
});

const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe("event.list", () => {
  it("shows only published events that have not ended, soonest first", async () => {
    const { items } = await api().event.list({ limit: 50 });
    expect(titles(items)).toEqual([
      "Jazz Night",
      "Rust Talk",
      "Derby",
      ...Array.from({ length: 7 }, (_, i) => `Series ${i}`),
    ]);
  });

  it("filters by category, city (any case), date range and text", async () => {
    expect(titles((await api().event.list({ category: "TALK" })).items)).toEqual(["Rust Talk"]);
    expect(titles((await api().event.list({ city: "tainan" })).items)).toEqual(["Rust Talk"]);
    expect(titles((await api().event.list({ from: inDays(4), to: inDays(11) })).items)).toEqual([
      "Rust Talk",
      "Derby",
    ]);
    expect(titles((await api().event.list({ q: "blue quartet" })).items)).toEqual(["Jazz Night"]);
    // % and _ are plain characters in a search, not wildcards.
    expect(titles((await api().event.list({ q: "%" })).items)).toEqual([]);
    expect(titles((await api().event.list({ q: "Jazz_Night" })).items)).toEqual([]);
    expect(
      titles(
        (await api().event.list({ from: inDays(-30), to: inDays(0), category: "CONCERT" })).items,
      ),
    ).toEqual(["Old Show"]);
  });

  it("refuses a date range that ends before it starts, as a field error on `to`", async () => {
    const error = await failure(api().event.list({ from: inDays(10), to: inDays(3) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect(z.flattenError(error.cause as ZodError).fieldErrors).toEqual({
      to: ["The end of the date range must be after its start."],
    });
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api().event.list({ limit: 3, cursor });
      seen.push(...titles(page.items));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(titles((await api().event.list({ limit: 50 })).items));
  });

  it("gives the lowest price and seats left", async () => {
    const { items } = await api().event.list({ q: "Jazz" });
    expect(items[0]).toMatchObject({ lowestPrice: 800, seatsTotal: 10, seatsAvailable: 10 });
  });

  it("refuses a reversed date range and an oversized page with BAD_REQUEST", async () => {
    for (const input of [
      { from: inDays(5), to: inDays(1) },
      { limit: 500 },
      { cursor: "not-a-uuid" },
    ]) {
      const error = await api()
        .event.list(input)
        .catch((caught: unknown) => caught);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });
});

describe("event.byId", () => {
  it("gives details with seats left per tier", async () => {
    const event = await api().event.byId({ id: ids["Jazz Night"] ?? "" });
    expect(event).toMatchObject({
      title: "Jazz Night",
      performer: "Blue Quartet",
      venue: { city: "Taipei" },
    });
    expect(event.priceTiers).toEqual([
      expect.objectContaining({ name: "Standard", price: 800, seatsTotal: 10, seatsAvailable: 10 }),
    ]);
  });

  it("hides drafts from the public but shows them to their organizer", async () => {
    const { db } = database();
    const id = ids["Secret Draft"] ?? "";
    const error = await api()
      .event.byId({ id })
      .catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    const draft = await db.event.findUniqueOrThrow({ where: { id }, include: { organizer: true } });
    const organizer = callerFor(db, draft.organizer);
    expect((await organizer.event.byId({ id })).status).toBe("DRAFT");
  });

  it("says whether sales are open, by the same rule hold and checkout apply", async () => {
    const { db } = database();
    const id = ids["Jazz Night"] ?? "";
    const stateAt = (now: Date) => callerFor(db, null, { now: () => now }).event.byId({ id });
    const event = await db.event.findUniqueOrThrow({ where: { id } });
    expect((await stateAt(new Date())).saleState).toBe("ON_SALE");
    expect((await stateAt(event.startsAt)).saleState).toBe("ENDED");
    await db.event.update({ where: { id }, data: { salesStartAt: inDays(1) } });
    try {
      expect((await stateAt(new Date())).saleState).toBe("NOT_STARTED");
    } finally {
      await db.event.update({ where: { id }, data: { salesStartAt: null } });
    }
  });
});
