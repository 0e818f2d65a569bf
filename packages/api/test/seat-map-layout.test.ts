// event.seatLayout: the columnar layout decodes to exactly what event.seatMap says about where
// each seat is and what it costs; its version follows the content; drafts stay hidden.
import { randomUUID } from "node:crypto";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { decodeSeatLayout } from "../src/seat-map.ts";
import { getSeatLayout } from "../src/services/seat-map/layout.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";

const database = useTestDatabase();

describe("event.seatLayout", () => {
  it("decodes to seatMap's seats, position by position, and its version follows tier changes", async () => {
    const { db } = database();
    const { event, api, seatIds } = await organizerEvent(db, { rows: 3, seatsPerRow: 4 });
    // A second tier, and some seats moved into it, so tiers differ per seat.
    await api.events.update({
      eventId: event.id,
      priceTiers: [
        ...(await db.priceTier.findMany({ where: { eventId: event.id } })).map((tier) => ({
          id: tier.id,
          name: tier.name,
          price: tier.price,
        })),
        { name: "VIP", price: 5000 },
      ],
    });
    const vip = await db.priceTier.findFirstOrThrow({ where: { eventId: event.id, name: "VIP" } });
    await api.events.setSeatTiers({
      eventId: event.id,
      tierId: vip.id,
      seatIds: seatIds.slice(0, 2),
    });

    const visitor = callerFor(db, null);
    const wire = await visitor.event.seatLayout({ eventId: event.id });
    const layout = decodeSeatLayout(wire);
    const map = await visitor.event.seatMap({ eventId: event.id });
    expect(layout.seatCount).toBe(map.seats.length);
    expect(layout.sections).toEqual(map.sections);
    expect(layout.tiers).toEqual(map.tiers);
    expect(layout.currency).toBe(map.currency);
    const server = await getSeatLayout(db, event.id, { user: null, now: () => new Date() });
    const byId = new Map(map.seats.map((seat) => [seat.id, seat]));
    const decoded = server.eventSeatIds.map((id, position) => {
      const seat = byId.get(id);
      return {
        expected: seat && [
          seat.section,
          seat.tier,
          seat.row,
          seat.number,
          seat.label,
          seat.x,
          seat.y,
        ],
        actual: [
          layout.section[position],
          layout.tier[position],
          layout.row[position],
          layout.number[position],
          layout.label[position],
          layout.x[position],
          layout.y[position],
        ],
      };
    });
    for (const { expected, actual } of decoded) expect(actual).toEqual(expected);
    expect(new Set(server.eventSeatIds).size).toBe(map.seats.length);
    // No seat ids on the wire.
    expect(JSON.stringify(wire)).not.toContain(seatIds[0]);

    // Moving a seat to another tier makes another version (checked at once with recheckMs 0).
    await api.events.setSeatTiers({
      eventId: event.id,
      tierId: vip.id,
      seatIds: [seatIds[5] as string],
    });
    const caller = { user: null, now: () => new Date() };
    const changed = await getSeatLayout(db, event.id, caller, { recheckMs: 0 });
    expect(changed.wire.version).not.toBe(wire.version);
    expect(changed.wire.tier[changed.positionOf.get(seatIds[5] as string) ?? -1]).toBe(
      layout.tiers.findIndex((tier) => tier.name === "VIP"),
    );
    // Nothing changed: the same version, and the same object (no rebuild).
    const again = await getSeatLayout(db, event.id, caller, { recheckMs: 0 });
    expect(again).toBe(changed);
    // A price change is another version too.
    await db.priceTier.update({ where: { id: vip.id }, data: { price: 6000 } });
    const repriced = await getSeatLayout(db, event.id, caller, { recheckMs: 0 });
    expect(repriced.wire.version).not.toBe(changed.wire.version);
  });

  it("is NOT_FOUND for unknown events and for drafts unless organizer or admin", async () => {
    const { db } = database();
    const draft = await organizerEvent(db, { draft: true });
    const buyer = await makeUser(db);
    const admin = await makeUser(db, { role: "ADMIN" });
    const layout = (user: Parameters<typeof callerFor>[1], eventId: string) =>
      codeOf(callerFor(db, user).event.seatLayout({ eventId }));
    expect({
      unknown: await layout(null, randomUUID()),
      draftAnonymous: await layout(null, draft.event.id),
      draftBuyer: await layout(buyer, draft.event.id),
      draftOrganizer: await layout(draft.organizer, draft.event.id),
      draftAdmin: await layout(admin, draft.event.id),
      statusDraftBuyer: await codeOf(
        callerFor(db, buyer).event.seatStatus({ eventId: draft.event.id }),
      ),
      statusUnknown: await codeOf(callerFor(db, null).event.seatStatus({ eventId: randomUUID() })),
    }).toEqual({
      unknown: "NOT_FOUND",
      draftAnonymous: "NOT_FOUND",
      draftBuyer: "NOT_FOUND",
      draftOrganizer: "OK",
      draftAdmin: "OK",
      statusDraftBuyer: "NOT_FOUND",
      statusUnknown: "NOT_FOUND",
    });
  });
});
