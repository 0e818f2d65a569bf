// Events in the organizer console: created as drafts with tiers priced by section, published
// once sellable, updated with their dates kept consistent, re-tiered seat by seat, and deleted
// only while nobody has ordered.
import { fromMinorUnits, toMinorUnits } from "@openticket/db/currencies";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { toStripeAmount } from "../src/services/payments/stripe-provider.ts";
import { callerFor } from "./helpers/callers.ts";
import { DAY, makeOrganizer, organizerEvent, sell } from "./helpers/organizer.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase();
const HOUR = 3600_000;

/** A venue with sections Front (1 × 4) and Back (2 × 4). */
async function twoSectionVenue() {
  const { db } = database();
  const { organizer, api } = await makeOrganizer(db);
  const venue = await api.venues.create({ name: "Two Rooms", city: "Tainan", address: "3 Lane" });
  const front = await api.venues.addSection({
    venueId: venue.id,
    name: "Front",
    rows: { count: 1 },
    seatsPerRow: 4,
  });
  const back = await api.venues.addSection({
    venueId: venue.id,
    name: "Back",
    rows: { count: 2 },
    seatsPerRow: 4,
    origin: { x: 0, y: 30 },
  });
  return { db, organizer, api, venue, front: front.section, back: back.section };
}

function draftInput(venueId: string, startsAt = new Date(Date.now() + 10 * DAY)) {
  return {
    venueId,
    title: "Jazz Night",
    description: "Standards and originals.",
    performer: "The Quartet",
    category: "CONCERT" as const,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    refundableUntilHours: 48,
    refundPercent: 80,
  };
}

describe("organizer.events.create", () => {
  it("creates a DRAFT with its tiers and one event seat per venue seat, priced by section", async () => {
    const { db, organizer, api, venue, front, back } = await twoSectionVenue();
    const event = await api.events.create({
      ...draftInput(venue.id),
      priceTiers: [
        { name: "VIP", price: 3000 },
        { name: "Standard", price: 1200 },
      ],
      sectionTiers: [
        { sectionId: front.id, tier: "VIP" },
        { sectionId: back.id, tier: "Standard" },
      ],
    });
    expect(event).toMatchObject({
      status: "DRAFT",
      organizerId: organizer.id,
      city: "Tainan",
      currency: "TWD",
      maxSeatsPerOrder: 6,
      canDelete: true,
    });
    expect(event.priceTiers.map(({ name, price, seats }) => ({ name, price, seats }))).toEqual([
      { name: "VIP", price: 3000, seats: 4 },
      { name: "Standard", price: 1200, seats: 8 },
    ]);
    expect(event.figures).toMatchObject({ seats: 12, sellable: 12, sold: 0, net: 0 });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: event.id, action: "event.create" },
    });
    expect(audit).toMatchObject({ actorId: organizer.id, after: { title: "Jazz Night" } });
    // Drafts are the organizer's own: the public cannot see them.
    expect((await failure(callerFor(db, null).event.byId({ id: event.id }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("needs a tier for every section unless there is only one tier", async () => {
    const { db, api, venue, front } = await twoSectionVenue();
    const missing = await failure(
      api.events.create({
        ...draftInput(venue.id),
        priceTiers: [
          { name: "VIP", price: 3000 },
          { name: "Standard", price: 1200 },
        ],
        sectionTiers: [{ sectionId: front.id, tier: "VIP" }],
      }),
    );
    expect(missing.code).toBe("BAD_REQUEST");
    expect(detailsOf(missing)).toHaveProperty("sectionIds");
    const single = await api.events.create({
      ...draftInput(venue.id),
      priceTiers: [{ name: "Everyone", price: 500 }],
    });
    expect(single.priceTiers[0]).toMatchObject({ name: "Everyone", seats: 12 });
    expect(await db.event.count({ where: { venueId: venue.id } })).toBe(1);
  });

  it("refuses bad input and other organizers' venues, creating nothing", async () => {
    const { db, api, venue, front } = await twoSectionVenue();
    const base = { ...draftInput(venue.id), priceTiers: [{ name: "A", price: 100 }] };
    const bad = [
      { ...base, endsAt: base.startsAt },
      { ...base, salesStartAt: base.startsAt },
      { ...base, salesEndAt: new Date(base.endsAt.getTime() + HOUR) },
      { ...base, priceTiers: [] },
      { ...base, priceTiers: [{ name: "A", price: -1 }] },
      { ...base, priceTiers: [{ name: "A", price: 1.5 }] },
      {
        ...base,
        priceTiers: [
          { name: "A", price: 1 },
          { name: "A", price: 2 },
        ],
      },
      { ...base, sectionTiers: [{ sectionId: front.id, tier: "Nope" }] },
      { ...base, refundPercent: 101 },
      { ...base, maxSeatsPerOrder: 0 },
      { ...base, currency: "dollars" },
      { ...base, title: " " },
      { ...base, category: "PARTY" },
    ];
    for (const input of bad) {
      expect((await failure(api.events.create(input as typeof base))).code).toBe("BAD_REQUEST");
    }
    const stranger = await makeOrganizer(db);
    expect((await failure(stranger.api.events.create(base))).code).toBe("NOT_FOUND");
    expect(await db.event.count({ where: { venueId: venue.id } })).toBe(0);
  });
});

describe("organizer.events.publish", () => {
  it("publishes a draft that has seats, once", async () => {
    const { db, api, venue } = await twoSectionVenue();
    const draft = await api.events.create({
      ...draftInput(venue.id),
      priceTiers: [{ name: "All", price: 800 }],
    });
    const published = await api.events.publish({ eventId: draft.id });
    expect(published.status).toBe("PUBLISHED");
    expect((await callerFor(db, null).event.byId({ id: draft.id })).title).toBe("Jazz Night");
    expect((await failure(api.events.publish({ eventId: draft.id }))).code).toBe("BAD_REQUEST");
    expect(
      await db.auditLog.count({ where: { entityId: draft.id, action: "event.publish" } }),
    ).toBe(1);
  });

  it("refuses an event with no seats to sell, or one that has already started", async () => {
    const { db } = database();
    const { api } = await makeOrganizer(db);
    const empty = await api.venues.create({ name: "Empty", city: "Taipei", address: "0" });
    const draft = await api.events.create({
      ...draftInput(empty.id),
      priceTiers: [{ name: "All", price: 800 }],
    });
    const nothing = await failure(api.events.publish({ eventId: draft.id }));
    expect(detailsOf(nothing)).toEqual({ reason: "NOTHING_TO_SELL" });
    // Seats added to the venue join the draft, which can then be published.
    await api.venues.addSection({
      venueId: empty.id,
      name: "M",
      rows: { count: 1 },
      seatsPerRow: 2,
    });
    const later = callerFor(
      db,
      await db.user.findUniqueOrThrow({ where: { id: draft.organizerId } }),
      {
        now: () => new Date(draft.startsAt.getTime() + 60_000),
      },
    );
    expect((await failure(later.organizer.events.publish({ eventId: draft.id }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await api.events.publish({ eventId: draft.id })).status).toBe("PUBLISHED");
  });
});

describe("organizer.events.update", () => {
  it("moves dates and edits fields; buyers' orders show the new time", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    const buyer = await makeUser(db);
    const order = await sell(db, {
      eventId: event.id,
      buyerId: buyer.id,
      eventSeatIds: seatIds.slice(0, 2),
    });
    const startsAt = new Date(event.startsAt.getTime() + 3 * DAY);
    const updated = await api.events.update({
      eventId: event.id,
      title: "Moved Concert",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      refundableUntilHours: 24,
    });
    expect(updated).toMatchObject({ title: "Moved Concert", startsAt, refundableUntilHours: 24 });
    const seen = await callerFor(db, buyer).order.byId({ orderId: order.id });
    expect(seen.event).toMatchObject({ title: "Moved Concert", startsAt });

    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: event.id, action: "event.update" },
    });
    expect(audit.before).toMatchObject({
      title: "Test Concert",
      startsAt: event.startsAt.toISOString(),
      refundableUntilHours: null,
    });
    expect(audit.after).toMatchObject({ title: "Moved Concert", startsAt: startsAt.toISOString() });
  });

  it("keeps the event ending after it starts, and the currency once orders exist", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    // Moving only the start past the end is refused: the dates are checked together.
    const late = await failure(
      api.events.update({ eventId: event.id, startsAt: new Date(event.endsAt.getTime() + HOUR) }),
    );
    expect(late.code).toBe("BAD_REQUEST");
    expect(detailsOf(late)).toEqual({ field: "endsAt" });
    expect(
      (
        await failure(
          api.events.update({
            eventId: event.id,
            salesEndAt: new Date(event.endsAt.getTime() + HOUR),
          }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.startsAt).toEqual(event.startsAt);

    const [tier] = event.priceTiers;
    expect(
      (
        await api.events.update({
          eventId: event.id,
          currency: "usd",
          priceTiers: [{ id: tier?.id, name: tier?.name ?? "", price: 100_000 }],
        })
      ).currency,
    ).toBe("USD");
    const buyer = await makeUser(db);
    await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: seatIds.slice(0, 1) });
    expect((await failure(api.events.update({ eventId: event.id, currency: "TWD" }))).code).toBe(
      "CONFLICT",
    );
  });

  it("re-prices, renames and adds tiers", async () => {
    const { db } = database();
    const { api, event } = await organizerEvent(db);
    const [standard] = event.priceTiers;
    const updated = await api.events.update({
      eventId: event.id,
      priceTiers: [
        { id: standard?.id, name: "Regular", price: 1500 },
        { name: "VIP", price: 4000 },
      ],
    });
    expect(updated.priceTiers.map(({ name, price, seats }) => ({ name, price, seats }))).toEqual([
      { name: "Regular", price: 1500, seats: 10 },
      { name: "VIP", price: 4000, seats: 0 },
    ]);
    const clash = await failure(
      api.events.update({ eventId: event.id, priceTiers: [{ name: "Regular", price: 1 }] }),
    );
    expect(clash.code).toBe("BAD_REQUEST");
    expect(await db.priceTier.count({ where: { eventId: event.id } })).toBe(2);
  });
});

describe("organizer.events.setSeatTiers", () => {
  it("moves seats into a tier, all or nothing, never a sold or held one", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    const withVip = await api.events.update({
      eventId: event.id,
      priceTiers: [{ name: "VIP", price: 5000 }],
    });
    const vip = withVip.priceTiers.find((tier) => tier.name === "VIP");
    const result = await api.events.setSeatTiers({
      eventId: event.id,
      tierId: vip?.id ?? "",
      seatIds: seatIds.slice(0, 2),
    });
    expect(result.seatIds).toEqual(seatIds.slice(0, 2));
    const map = await callerFor(db, null).event.seatMap({ eventId: event.id });
    const vipIndex = map.tiers.findIndex((tier) => tier.name === "VIP");
    expect(
      map.seats
        .filter((seat) => seat.tier === vipIndex)
        .map((seat) => seat.id)
        .sort(),
    ).toEqual(seatIds.slice(0, 2).sort());

    const buyer = await makeUser(db);
    await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: [seatIds[2] ?? ""] });
    const holder = await makeUser(db);
    await callerFor(db, holder).reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[3] ?? ""],
    });
    const refused = await failure(
      api.events.setSeatTiers({
        eventId: event.id,
        tierId: vip?.id ?? "",
        seatIds: seatIds.slice(2, 6),
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(detailsOf(refused)).toEqual({
      unavailableSeats: expect.arrayContaining([
        { id: seatIds[2], state: "SOLD" },
        { id: seatIds[3], state: "HELD" },
      ]),
    });
    // A seat in payment keeps its tier even past its hold's expiry: the order's discount and
    // total were worked out on it.
    const payer = callerFor(db, await makeUser(db));
    await payer.reservation.hold({ eventId: event.id, seatIds: [seatIds[6] ?? ""] });
    await payer.order.checkout({ eventId: event.id, idempotencyKey: "tier-in-payment" });
    await db.seatHold.updateMany({
      where: { eventSeatId: seatIds[6] ?? "" },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    const inPayment = await failure(
      api.events.setSeatTiers({
        eventId: event.id,
        tierId: vip?.id ?? "",
        seatIds: seatIds.slice(6, 7),
      }),
    );
    expect([inPayment.code, detailsOf(inPayment)]).toEqual([
      "CONFLICT",
      { unavailableSeats: [{ id: seatIds[6], state: "HELD" }] },
    ]);
    // Nothing moved: seats 5 and 6 are still Standard.
    const standard = event.priceTiers[0]?.id;
    expect(
      await db.eventSeat.count({ where: { id: { in: seatIds.slice(4, 6) }, tierId: standard } }),
    ).toBe(2);
    const foreignTier = await organizerEvent(db);
    expect(
      (
        await failure(
          api.events.setSeatTiers({
            eventId: event.id,
            tierId: foreignTier.event.priceTiers[0]?.id ?? "",
            seatIds: seatIds.slice(4, 5),
          }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
  });
});

describe("organizer.events.delete", () => {
  it("deletes an event nobody ordered, with its seats, tiers and holds", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    const holder = await makeUser(db);
    await callerFor(db, holder).reservation.hold({
      eventId: event.id,
      seatIds: seatIds.slice(0, 1),
    });
    expect(await api.events.delete({ eventId: event.id })).toEqual({ deletedEventId: event.id });
    expect(await db.event.count({ where: { id: event.id } })).toBe(0);
    expect(await db.eventSeat.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.priceTier.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: event.id, action: "event.delete" } })).toBe(
      1,
    );
  });

  it("refuses an event with orders of any kind", async () => {
    const { db } = database();
    const { api, event, seatIds } = await organizerEvent(db);
    const buyer = await makeUser(db);
    await sell(db, {
      eventId: event.id,
      buyerId: buyer.id,
      eventSeatIds: seatIds.slice(0, 1),
      cancelled: { refund: 0, at: new Date() },
    });
    const refused = await failure(api.events.delete({ eventId: event.id }));
    expect(refused.code).toBe("CONFLICT");
    expect((await api.events.byId({ eventId: event.id })).canDelete).toBe(false);
    expect(await db.eventSeat.count({ where: { eventId: event.id } })).toBe(10);
  });
});

describe("organizer.events.list", () => {
  it("lists the caller's events with their figures, filtered and paged", async () => {
    const { db } = database();
    const { api, venue, event, seatIds } = await organizerEvent(db);
    const buyer = await makeUser(db);
    await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: seatIds.slice(0, 3) });
    await api.events.create({
      ...draftInput(venue.id, new Date(Date.now() + 30 * DAY)),
      priceTiers: [{ name: "All", price: 100 }],
    });
    const all = await api.events.list();
    expect(all.items.map((item) => item.status)).toEqual(["DRAFT", "PUBLISHED"]);
    expect(all.items[1]).toMatchObject({
      id: event.id,
      venue: { id: venue.id },
      figures: { sold: 3, sellable: 10, revenue: 3000, net: 3000, utilisation: 0.3 },
    });
    expect((await api.events.list({ status: "PUBLISHED" })).items.map((item) => item.id)).toEqual([
      event.id,
    ]);
    const first = await api.events.list({ limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await api.events.list({ limit: 1, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ items: [{ id: event.id }], nextCursor: null });
  });
});

describe("event currencies", () => {
  it("reads typed prices exactly in each currency's minor unit, and shows them back", () => {
    expect(toMinorUnits("12.5", "USD")).toBe(1250);
    expect(toMinorUnits("0.05", "HKD")).toBe(5);
    expect(toMinorUnits("800", "TWD")).toBe(800);
    expect(toMinorUnits("800.00", "TWD")).toBe(800);
    for (const [text, currency] of [
      ["12.505", "USD"],
      ["12.5", "TWD"],
      ["1.5", "JPY"],
      ["-1", "USD"],
      ["1e3", "USD"],
      ["", "USD"],
    ]) {
      expect({ text, currency, amount: toMinorUnits(text ?? "", currency ?? "") }).toEqual({
        text,
        currency,
        amount: null,
      });
    }
    expect(fromMinorUnits(1250, "USD")).toBe("12.50");
    expect(fromMinorUnits(5, "EUR")).toBe("0.05");
    expect(fromMinorUnits(3000, "JPY")).toBe("3000");
    // Stripe counts HKD in cents as OpenTicket does; TWD in cents where OpenTicket has dollars.
    expect(toStripeAmount(12_050, "HKD")).toBe(12_050);
    expect(toStripeAmount(800, "TWD")).toBe(80_000);
  });

  it("prices an event in a currency from the list, and keeps prices honest when it changes", async () => {
    const { db } = database();
    const { api, venue, event } = await organizerEvent(db, { draft: true });
    const base = {
      venueId: venue.id,
      title: "Priced Elsewhere",
      category: "TALK" as const,
      startsAt: new Date(Date.now() + 20 * DAY),
      endsAt: new Date(Date.now() + 20 * DAY + HOUR),
    };
    const yen = await api.events.create({
      ...base,
      currency: "JPY",
      priceTiers: [{ name: "All", price: 3000 }],
    });
    expect(yen).toMatchObject({ currency: "JPY", priceTiers: [{ price: 3000 }] });
    const hkd = await api.events.create({
      ...base,
      currency: "hkd",
      priceTiers: [{ name: "All", price: 12_050 }],
    });
    expect(hkd.currency).toBe("HKD");

    const notOffered = await failure(
      api.events.create({ ...base, currency: "KRW", priceTiers: [{ name: "All", price: 1 }] }),
    );
    expect(notOffered.code).toBe("BAD_REQUEST");
    expect(notOffered.message).toContain("Choose a currency: TWD, USD, JPY, EUR, HKD.");

    // TWD (whole dollars) to USD (cents): 1000 would silently become $10.00.
    const unpriced = await failure(api.events.update({ eventId: event.id, currency: "USD" }));
    expect(unpriced.code).toBe("BAD_REQUEST");
    expect(detailsOf(unpriced)).toEqual({ field: "priceTiers" });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      currency: "TWD",
    });
    // Same minor unit: the amounts mean the same.
    expect((await api.events.update({ eventId: yen.id, currency: "TWD" })).currency).toBe("TWD");

    // A hold keeps its price in the old unit, so the currency waits until it is gone.
    const published = await api.events.publish({ eventId: event.id });
    const seat = await db.eventSeat.findFirstOrThrow({ where: { eventId: published.id } });
    const buyer = await makeUser(db);
    await db.seatHold.create({
      data: {
        eventSeatId: seat.id,
        eventId: published.id,
        userId: buyer.id,
        price: 1000,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const held = await failure(api.events.update({ eventId: published.id, currency: "JPY" }));
    expect(held.code).toBe("CONFLICT");
    expect(held.message).toBe("The currency cannot change while seats are held.");
  });
});
