// Who may touch what in the organizer console: an organizer only their own venues and events —
// another organizer's ids are NOT_FOUND for every procedure and change nothing — and an admin
// all of them. (Attendees and visitors are refused by the access table: procedure-access.test.)
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { callerFor } from "./helpers/callers.ts";
import { DAY, organizerEvent, sell } from "./helpers/organizer.ts";
import { codeOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase();

type OrganizerApi = ReturnType<typeof callerFor>["organizer"];
type Ids = {
  venueId: string;
  sectionId: string;
  seatId: string;
  eventId: string;
  draftId: string;
  tierId: string;
  eventSeatId: string;
  discountCodeId: string;
  spareCodeId: string;
  ticketTypeId: string;
  spareTypeId: string;
};

let owner: Awaited<ReturnType<typeof organizerEvent>>;
let ids: Ids;

/** Every organizer procedure that names a venue or an event, called on the owner's. */
const CALLS: Record<string, (api: OrganizerApi, ids: Ids, tag: string) => Promise<unknown>> = {
  "venues.byId": (api, { venueId }) => api.venues.byId({ venueId }),
  "venues.update": (api, { venueId }) => api.venues.update({ venueId, address: "9 New Road" }),
  "venues.addSection": (api, { venueId }, tag) =>
    api.venues.addSection({
      venueId,
      name: `Annex ${tag}`,
      rows: { count: 1 },
      seatsPerRow: 2,
      origin: { x: 0, y: 200 },
    }),
  "venues.addStandingZone": (api, { venueId }, tag) =>
    api.venues.addStandingZone({
      venueId,
      name: `Floor ${tag}`,
      capacity: 4,
      origin: { x: 0, y: tag === "admin" ? 400 : 600 },
    }),
  "venues.removeSeats": (api, { venueId, seatId }) =>
    api.venues.removeSeats({ venueId, seatIds: [seatId] }),
  "venues.removeSection": (api, { venueId, sectionId }) =>
    api.venues.removeSection({ venueId, sectionId }),
  "venues.importLayout": (api, { venueId }, tag) =>
    api.venues.importLayout({ venueId, csv: `section,row,number,x,y\nImported ${tag},A,1,0,300` }),
  "events.byId": (api, { eventId }) => api.events.byId({ eventId }),
  "events.create": (api, { venueId }) =>
    api.events.create({
      venueId,
      title: "On Someone's Venue",
      category: "TALK",
      startsAt: new Date(Date.now() + 40 * DAY),
      endsAt: new Date(Date.now() + 40 * DAY + 3600_000),
      priceTiers: [{ name: "All", price: 100 }],
    }),
  "events.update": (api, { eventId }) => api.events.update({ eventId, performer: "Someone" }),
  "events.setSeatTiers": (api, { eventId, tierId, eventSeatId }) =>
    api.events.setSeatTiers({ eventId, tierId, seatIds: [eventSeatId] }),
  "events.publish": (api, { draftId }) => api.events.publish({ eventId: draftId }),
  "events.delete": (api, { draftId }) => api.events.delete({ eventId: draftId }),
  "seats.map": (api, { eventId }) => api.seats.map({ eventId }),
  "seats.block": (api, { eventId, eventSeatId }) =>
    api.seats.block({ eventId, seatIds: [eventSeatId] }),
  "seats.unblock": (api, { eventId, eventSeatId }) =>
    api.seats.unblock({ eventId, seatIds: [eventSeatId] }),
  sales: (api, { eventId }) => api.sales({ eventId }),
  attendees: (api, { eventId }) => api.attendees({ eventId }),
  attendeesCsv: (api, { eventId }) => api.attendeesCsv({ eventId }),
  analytics: (api, { eventId }) => api.analytics({ eventId }),
  "waitingRoom.get": (api, { eventId }) => api.waitingRoom.get({ eventId }),
  "waitingRoom.set": (api, { eventId }) =>
    api.waitingRoom.set({ eventId, opensAt: null, admissionsPerMinute: 60 }),
  "discountCodes.list": (api, { eventId }) => api.discountCodes.list({ eventId }),
  "discountCodes.create": (api, { eventId }, tag) =>
    api.discountCodes.create({ eventId, code: `CODE-${tag}`, kind: "PERCENT", value: 10 }),
  "discountCodes.update": (api, { discountCodeId }) =>
    api.discountCodes.update({ discountCodeId, active: false }),
  "discountCodes.delete": (api, { spareCodeId }) =>
    api.discountCodes.delete({ discountCodeId: spareCodeId }),
  "ticketTypes.list": (api, { eventId }) => api.ticketTypes.list({ eventId }),
  "ticketTypes.create": (api, { eventId }, tag) =>
    api.ticketTypes.create({ eventId, name: `Student ${tag}`, price: 500 }),
  "ticketTypes.update": (api, { ticketTypeId }) =>
    api.ticketTypes.update({ ticketTypeId, name: "Student", price: 450 }),
  "ticketTypes.delete": (api, { spareTypeId }) =>
    api.ticketTypes.delete({ ticketTypeId: spareTypeId }),
  // Last: the admin really cancels it.
  "events.cancel": (api, { eventId }) => api.events.cancel({ eventId }),
};
/** The procedures that name no venue or event: they act on the caller's own. */
const UNTARGETED = ["venues.list", "venues.create", "events.list", "comparison"];

beforeAll(async () => {
  const { db } = database();
  owner = await organizerEvent(db);
  const buyer = await makeUser(db);
  await sell(db, {
    eventId: owner.event.id,
    buyerId: buyer.id,
    eventSeatIds: owner.seatIds.slice(0, 1),
  });
  const draft = await owner.api.events.create({
    venueId: owner.venue.id,
    title: "Owner's Draft",
    category: "CONCERT",
    startsAt: new Date(Date.now() + 30 * DAY),
    endsAt: new Date(Date.now() + 30 * DAY + 3600_000),
    priceTiers: [{ name: "All", price: 100 }],
  });
  const layout = await owner.api.venues.byId({ venueId: owner.venue.id });
  const code = await owner.api.discountCodes.create({
    eventId: owner.event.id,
    code: "OWNERS",
    kind: "PERCENT",
    value: 10,
  });
  const spareCode = await owner.api.discountCodes.create({
    code: "SPARE",
    kind: "AMOUNT",
    value: 100,
    currency: "TWD",
  });
  const type = await owner.api.ticketTypes.create({
    eventId: owner.event.id,
    name: "Student",
    price: 500,
  });
  const spareType = await owner.api.ticketTypes.create({
    eventId: owner.event.id,
    name: "Spare",
    price: 100,
  });
  ids = {
    venueId: owner.venue.id,
    sectionId: layout.sections[0]?.id ?? "",
    seatId: layout.sections[0]?.seats.at(-1)?.id ?? "",
    eventId: owner.event.id,
    draftId: draft.id,
    tierId: owner.event.priceTiers[0]?.id ?? "",
    eventSeatId: owner.seatIds.at(-1) ?? "",
    discountCodeId: code.id,
    spareCodeId: spareCode.id,
    ticketTypeId: type.id,
    spareTypeId: spareType.id,
  };
});

describe("organizer console access", () => {
  it("covers every organizer procedure", () => {
    const organizerProcedures = Object.keys(appRouter._def.procedures)
      .filter((path) => path.startsWith("organizer."))
      .map((path) => path.slice("organizer.".length));
    expect(organizerProcedures.sort()).toEqual([...Object.keys(CALLS), ...UNTARGETED].sort());
  });

  it("gives another organizer NOT_FOUND for every venue and event of the owner, changing nothing", async () => {
    const { db } = database();
    const other = await organizerEvent(db);
    for (const [path, call] of Object.entries(CALLS)) {
      expect({ path, code: await codeOf(call(other.api, ids, "other")) }).toEqual({
        path,
        code: "NOT_FOUND",
      });
    }
    expect(
      await db.auditLog.count({
        where: { actorId: other.organizer.id, entityId: { in: Object.values(ids) } },
      }),
    ).toBe(0);
    expect(await db.event.findUniqueOrThrow({ where: { id: ids.eventId } })).toMatchObject({
      status: "PUBLISHED",
      performer: "",
    });
    expect(await db.event.count({ where: { id: ids.draftId, status: "DRAFT" } })).toBe(1);
    expect(await db.seat.count({ where: { venueId: ids.venueId } })).toBe(10);
    expect(
      await db.discountCode.count({ where: { organizerId: owner.organizer.id, active: true } }),
    ).toBe(2);

    // Lists and comparisons show only one's own; a venue created is the creator's.
    const created = await other.api.venues.create({ name: "Mine", city: "Taipei", address: "1" });
    expect(created.ownerId).toBe(other.organizer.id);
    expect((await other.api.venues.list()).map((venue) => venue.id).sort()).toEqual(
      [other.venue.id, created.id].sort(),
    );
    expect((await other.api.events.list()).items.map((event) => event.id)).toEqual([
      other.event.id,
    ]);
    expect((await other.api.comparison()).events.map((event) => event.id)).toEqual([
      other.event.id,
    ]);
  });

  it("lets an admin act on every organizer's venues and events", async () => {
    const { db } = database();
    const admin = await makeUser(db, { role: "ADMIN" });
    const api = callerFor(db, admin).organizer;
    const codes: Record<string, string> = {};
    for (const [path, call] of Object.entries(CALLS))
      codes[path] = await codeOf(call(api, ids, "admin"));
    expect(codes).toEqual({
      ...Object.fromEntries(Object.keys(CALLS).map((path) => [path, "OK"])),
      // Refused for what the layout is, not for who asks: the owner's event has sold.
      "venues.removeSeats": "CONFLICT",
      "venues.removeSection": "CONFLICT",
    });
    // An event an admin creates at an organizer's venue belongs to that organizer.
    const created = await db.event.findFirstOrThrow({ where: { title: "On Someone's Venue" } });
    expect(created.organizerId).toBe(owner.organizer.id);
    expect(await db.auditLog.count({ where: { actorId: admin.id } })).toBeGreaterThan(5);
    expect((await db.event.findUniqueOrThrow({ where: { id: ids.eventId } })).status).toBe(
      "CANCELLED",
    );
    const events = (await api.events.list({ limit: 100 })).items.map((event) => event.id);
    expect(events).toContain(ids.eventId);
    expect((await api.venues.list()).map((venue) => venue.id)).toContain(ids.venueId);
  });

  it("refuses attendees outright", async () => {
    const { db } = database();
    const attendee = await makeUser(db);
    const api = callerFor(db, attendee).organizer;
    expect((await failure(api.venues.list())).code).toBe("FORBIDDEN");
    expect((await failure(api.events.byId({ eventId: ids.eventId }))).code).toBe("FORBIDDEN");
  });
});
