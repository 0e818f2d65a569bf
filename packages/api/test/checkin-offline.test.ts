// Offline check-in (issue 17): ticket codes signed by the event's key and verified with only the
// public key a device downloaded (valid, forged, another event's, a rotated key), the tickets
// settled by a real checkout carry signed codes, and syncing offline scans — the first scan
// wins, conflicts are answered, a retried sync records nothing twice, bad input changes nothing.
import { randomUUID } from "node:crypto";
import type { Db } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { newKeyPair } from "../src/services/tickets/signing-keys.ts";
import { readTicketCode, verifyTicketCode } from "../src/ticket-code.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent, sell } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";
import { checkoutAndPay } from "./helpers/sale.ts";

const database = useTestDatabase();

type Setup = Awaited<ReturnType<typeof organizerEvent>>;
let show: Setup;
let other: Setup;
let buyer: Awaited<ReturnType<typeof makeUser>>;

/** Tickets of a paid order of `count` seats of the event, from seat `from` on, bought an hour ago. */
async function ticketsOf(db: Db, setup: Setup, from: number, count: number) {
  const order = await sell(db, {
    eventId: setup.event.id,
    buyerId: buyer.id,
    eventSeatIds: setup.seatIds.slice(from, from + count),
    at: new Date(Date.now() - 3600_000),
  });
  return db.ticket.findMany({
    where: { orderId: order.id },
    select: { id: true, code: true },
    orderBy: { eventSeat: { seat: { label: "asc" } } },
  });
}

async function codeOfTicket(db: Db, ticketId: string) {
  return (await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).code;
}

beforeAll(async () => {
  const { db } = database();
  show = await organizerEvent(db, { rows: 3, seatsPerRow: 10 });
  other = await organizerEvent(db, { rows: 1, seatsPerRow: 4 });
  buyer = await makeUser(db);
});

describe("signed ticket codes", () => {
  it("a paid checkout issues codes signed by the event's key, which verify offline with its public key", async () => {
    const { db } = database();
    const buyerApi = callerFor(db, buyer);
    const seatIds = show.seatIds.slice(20, 22);
    await buyerApi.reservation.hold({ eventId: show.event.id, seatIds });
    const order = await checkoutAndPay(buyerApi, show.event.id, `signed-${randomUUID()}`);
    expect(order.status).toBe("PAID");
    const tickets = await db.ticket.findMany({ where: { orderId: order.id } });
    expect(tickets).toHaveLength(2);

    const kit = await callerFor(db, show.organizer).checkin.offlineKit({ eventId: show.event.id });
    expect(kit.keys).toHaveLength(1);
    for (const ticket of tickets) {
      expect(ticket.code).toHaveLength(132);
      expect(await verifyTicketCode(ticket.code, kit.keys)).toEqual({
        valid: true,
        claims: { eventId: show.event.id, ticketId: ticket.id, keyNumber: kit.keys[0]?.number },
      });
    }
    // Online, the signed code is scanned like any code.
    const scanned = await callerFor(db, show.organizer).checkin.scan({
      eventId: show.event.id,
      code: tickets[0]?.code ?? "",
      door: "North",
      deviceId: "device-signed",
    });
    expect(scanned.outcome).toBe("ADMITTED");
  });

  it("refuses forged codes, another event's key and a rotated key offline; rotating re-issues every live code", async () => {
    const { db } = database();
    const organizer = callerFor(db, show.organizer).checkin;
    const [legacy] = await ticketsOf(db, show, 0, 1);
    if (!legacy) throw new Error("ticket");
    const firstKit = await organizer.offlineKit({ eventId: show.event.id });
    // A ticket from before signing is counted, and is not a signed code.
    expect(firstKit.unsignedTickets).toBeGreaterThanOrEqual(1);
    expect(await verifyTicketCode(legacy.code, firstKit.keys)).toEqual({
      valid: false,
      reason: "NOT_SIGNED",
    });

    const rotated = await organizer.rotateKey({ eventId: show.event.id });
    expect(rotated.reissuedTickets).toBeGreaterThanOrEqual(1);
    const kit = await organizer.offlineKit({ eventId: show.event.id });
    expect(kit.unsignedTickets).toBe(0);
    expect(kit.keys.map((key) => key.number)).toEqual([rotated.keyNumber]);
    const code = await codeOfTicket(db, legacy.id);
    expect(await verifyTicketCode(code, kit.keys)).toMatchObject({ valid: true });

    // Forged: one byte of the signature or of the claims changed.
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    expect(await verifyTicketCode(flip(code, 100), kit.keys)).toMatchObject({
      valid: false,
      reason: "FORGED",
    });
    expect(await verifyTicketCode(flip(code, 30), kit.keys)).toMatchObject({
      valid: false,
      reason: "FORGED",
    });
    // Truncated, padded, garbage.
    for (const garbage of [code.slice(0, 131), `${code}A`, "", "票券".repeat(66)]) {
      expect(await verifyTicketCode(garbage, kit.keys)).toEqual({
        valid: false,
        reason: "NOT_SIGNED",
      });
    }
    // Another event's ticket: signed by a key this event's kit does not hold, and says so.
    await ticketsOf(db, other, 0, 1);
    await callerFor(db, other.organizer).checkin.rotateKey({ eventId: other.event.id });
    const otherTicket = await db.ticket.findFirstOrThrow({
      where: { order: { eventId: other.event.id } },
    });
    const otherCheck = await verifyTicketCode(otherTicket.code, kit.keys);
    expect(otherCheck.valid).toBe(false);
    expect(readTicketCode(otherTicket.code)?.eventId).toBe(other.event.id);

    // Rotating again: the old code (and the old key) stop working, online and offline.
    await organizer.rotateKey({ eventId: show.event.id });
    const newKit = await organizer.offlineKit({ eventId: show.event.id });
    expect(await verifyTicketCode(code, newKit.keys)).toMatchObject({
      valid: false,
      reason: "UNKNOWN_KEY",
    });
    expect(
      await organizer.scan({ eventId: show.event.id, code, door: "North", deviceId: "device-old" }),
    ).toEqual({ outcome: "UNKNOWN" });
    const newCode = await codeOfTicket(db, legacy.id);
    expect(await verifyTicketCode(newCode, newKit.keys)).toMatchObject({ valid: true });
  });

  it("signs with the new key after another process rotated it, and while a rotation runs", async () => {
    const { db } = database();
    const sale = await organizerEvent(db, { rows: 2, seatsPerRow: 10 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => makeUser(db)));
    const buy = async (index: number) => {
      const api = callerFor(db, buyers[index] ?? buyer);
      await api.reservation.hold({
        eventId: sale.event.id,
        seatIds: sale.seatIds.slice(index * 2, index * 2 + 2),
      });
      return checkoutAndPay(api, sale.event.id, `rotation-${index}`);
    };
    // This process signs with key 1 and keeps it cached.
    expect((await buy(0)).status).toBe("PAID");
    // Another process rotates: key 1 retired, key 2 in use — this process does not know.
    const pair = newKeyPair();
    await db.$executeRaw`UPDATE ticket_signing_keys SET retired_at = now()
                         WHERE event_id = ${sale.event.id}::uuid`;
    await db.ticketSigningKey.create({
      data: {
        eventId: sale.event.id,
        number: 2,
        publicKey: pair.publicKey,
        privateKey: pair.privateKey,
      },
    });
    const second = await buy(1);
    expect(second.status).toBe("PAID");
    const keyTwo = await callerFor(db, sale.organizer).checkin.offlineKit({
      eventId: sale.event.id,
    });
    expect(keyTwo.keys.map((key) => key.number)).toEqual([2]);
    for (const ticket of await db.ticket.findMany({ where: { orderId: second.id } })) {
      expect(await verifyTicketCode(ticket.code, keyTwo.keys)).toMatchObject({ valid: true });
    }
    // Checkouts settling while the organizer rotates, twice.
    const organizer = callerFor(db, sale.organizer).checkin;
    const [paid] = await Promise.all([
      Promise.all([2, 3, 4, 5, 6, 7].map(buy)),
      organizer.rotateKey({ eventId: sale.event.id }),
      organizer.rotateKey({ eventId: sale.event.id }),
    ]);
    expect(paid.map((order) => order.status)).toEqual(Array(6).fill("PAID"));
    const orders = await db.order.findMany({
      where: { eventId: sale.event.id, userId: { in: buyers.slice(1).map((user) => user.id) } },
      select: { tickets: { select: { code: true } } },
    });
    const kit = await organizer.offlineKit({ eventId: sale.event.id });
    expect(kit.keys).toHaveLength(1);
    const codes = orders.flatMap((order) => order.tickets.map((ticket) => ticket.code));
    expect(codes).toHaveLength(14);
    for (const code of codes)
      expect(await verifyTicketCode(code, kit.keys)).toMatchObject({ valid: true });
  });

  it("lets only those who run the event rotate its key, and only scanners take its kit", async () => {
    const { db } = database();
    const attendee = callerFor(db, buyer).checkin;
    expect(await codeOf(attendee.offlineKit({ eventId: show.event.id }))).toBe("NOT_FOUND");
    expect(await codeOf(attendee.rotateKey({ eventId: show.event.id }))).toBe("FORBIDDEN");
    const otherOrganizer = callerFor(db, other.organizer).checkin;
    expect(await codeOf(otherOrganizer.rotateKey({ eventId: show.event.id }))).toBe("NOT_FOUND");
    expect(await codeOf(otherOrganizer.offlineKit({ eventId: show.event.id }))).toBe("NOT_FOUND");
  });
});

describe("checkin.sync", () => {
  it("admits offline scans at their time and door; the first scan wins; conflicts are answered; a retried sync changes nothing", async () => {
    const { db } = database();
    const organizer = callerFor(db, show.organizer).checkin;
    const [a, b, c, cancelledLater] = await ticketsOf(db, show, 4, 4);
    if (!a || !b || !c || !cancelledLater) throw new Error("tickets");
    await organizer.rotateKey({ eventId: show.event.id });
    const code = (ticketId: string) => codeOfTicket(db, ticketId);
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

    // While the device was offline: the North door admitted B online 5 minutes ago (after the
    // device's scan of B), and C 20 minutes ago (before the device's scan of C).
    await organizer.scan({
      eventId: show.event.id,
      code: await code(c.id),
      door: "North",
      deviceId: "north-device",
    });
    await db.checkIn.updateMany({ where: { ticketId: c.id }, data: { scannedAt: minutesAgo(20) } });
    await organizer.scan({
      eventId: show.event.id,
      code: await code(b.id),
      door: "North",
      deviceId: "north-device",
    });
    await db.checkIn.updateMany({ where: { ticketId: b.id }, data: { scannedAt: minutesAgo(5) } });
    // And D was refunded.
    await db.ticket.update({ where: { id: cancelledLater.id }, data: { status: "CANCELLED" } });

    const input = {
      eventId: show.event.id,
      door: "Gate B",
      deviceId: "gate-b-device",
      scans: [
        { localId: randomUUID(), code: await code(a.id), scannedAt: minutesAgo(12) },
        { localId: randomUUID(), code: await code(b.id), scannedAt: minutesAgo(10) },
        { localId: randomUUID(), code: await code(c.id), scannedAt: minutesAgo(8) },
        { localId: randomUUID(), code: await code(cancelledLater.id), scannedAt: minutesAgo(7) },
        { localId: randomUUID(), code: "x".repeat(132), scannedAt: minutesAgo(6) },
        // A device clock ahead of ours.
        {
          localId: randomUUID(),
          code: await code(a.id),
          scannedAt: new Date(Date.now() + 3600_000),
        },
      ],
    };
    const { results } = await organizer.sync(input);
    const byLocal = new Map(results.map((result) => [result.localId, result]));
    const answerTo = (index: number) => byLocal.get(input.scans[index]?.localId ?? "");

    expect(answerTo(0)).toMatchObject({ outcome: "ADMITTED", ticket: { ticketId: a.id } });
    // B: the device's scan (10 min ago) came before North's (5 min ago): it is the admission.
    expect(answerTo(1)).toMatchObject({
      outcome: "DUPLICATE",
      firstScan: true,
      other: { door: "North" },
    });
    // C: North's (20 min ago) came first.
    expect(answerTo(2)).toMatchObject({
      outcome: "DUPLICATE",
      firstScan: false,
      other: { door: "North" },
    });
    expect(answerTo(3)).toMatchObject({ outcome: "CANCELLED" });
    expect(answerTo(4)).toMatchObject({ outcome: "UNKNOWN", ticket: null });
    // The device's own second scan of A (dated in the future, so now): A's first scan won.
    expect(answerTo(5)).toMatchObject({
      outcome: "DUPLICATE",
      firstScan: false,
      other: { door: "Gate B" },
    });

    const admission = (ticketId: string) =>
      db.checkIn.findFirstOrThrow({ where: { ticketId, undoneAt: null, supersededAt: null } });
    expect((await admission(a.id)).door).toBe("Gate B");
    expect((await admission(b.id)).door).toBe("Gate B");
    expect((await admission(c.id)).door).toBe("North");
    expect(await db.checkIn.count({ where: { ticketId: b.id, supersededAt: { not: null } } })).toBe(
      1,
    );
    const ticketB = await db.ticket.findUniqueOrThrow({ where: { id: b.id } });
    expect(ticketB.checkedInAt?.getTime()).toBe(input.scans[1]?.scannedAt.getTime());

    // Counts see one admission per ticket.
    const counts = await organizer.counts({ eventId: show.event.id });
    const gateB = counts.byDoor.find((row) => row.door === "Gate B");
    expect(gateB?.checkedIn).toBe(2);

    // The same sync again (its answer was lost): the same answers, nothing recorded twice.
    const before = { checkIns: await db.checkIn.count(), scans: await db.offlineScan.count() };
    const again = await organizer.sync(input);
    expect(again.results).toEqual(results);
    expect({ checkIns: await db.checkIn.count(), scans: await db.offlineScan.count() }).toEqual(
      before,
    );
  });

  it("admits a code re-issued since the phone scanned it offline, and only if scanned before; dates no scan before its ticket", async () => {
    const { db } = database();
    const organizer = callerFor(db, show.organizer).checkin;
    const [early, late, seeded] = await ticketsOf(db, show, 24, 3);
    if (!early || !late || !seeded) throw new Error("tickets");
    await organizer.rotateKey({ eventId: show.event.id });
    const oldEarly = await codeOfTicket(db, early.id);
    const oldLate = await codeOfTicket(db, late.id);
    const scannedBefore = new Date();
    // The organizer rotates while the phone is offline: both codes are re-issued.
    await organizer.rotateKey({ eventId: show.event.id });
    expect(await codeOfTicket(db, early.id)).not.toBe(oldEarly);
    // A ticket checked in before doors were recorded (as the demo data has them): no admission row.
    const doorsOpened = new Date(Date.now() - 30 * 60_000);
    await db.ticket.update({
      where: { id: seeded.id },
      data: { status: "CHECKED_IN", checkedInAt: doorsOpened },
    });

    const { results } = await organizer.sync({
      eventId: show.event.id,
      door: "Gate C",
      deviceId: "gate-c-device",
      scans: [
        // Scanned offline before the rotation: the person was let in on that code.
        {
          localId: randomUUID(),
          code: oldEarly,
          scannedAt: new Date(scannedBefore.getTime() - 1000),
        },
        // "Scanned" with the old code after the rotation: that code was no longer valid.
        { localId: randomUUID(), code: oldLate, scannedAt: new Date() },
        // Dated long before its ticket was bought: counted from the purchase on.
        {
          localId: randomUUID(),
          code: await codeOfTicket(db, seeded.id),
          scannedAt: new Date("2001-01-01"),
        },
      ],
    });
    // Answered in scan order: the one dated 2001, the one before the rotation, the one after.
    expect(results.map((result) => result.outcome)).toEqual(["DUPLICATE", "ADMITTED", "UNKNOWN"]);
    const byTicket = new Map(results.map((result) => [result.ticket?.ticketId ?? "none", result]));
    expect(byTicket.get(early.id)?.outcome).toBe("ADMITTED");
    expect(byTicket.get(late.id)).toBeUndefined();
    // The seeded admission had no door; the offline scan, dated at the purchase, came first.
    expect(byTicket.get(seeded.id)).toMatchObject({
      outcome: "DUPLICATE",
      firstScan: true,
      other: { door: null, at: doorsOpened },
    });
    const seededNow = await db.ticket.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(seededNow.checkedInAt?.getTime()).toBe(seededNow.createdAt.getTime());
    expect(await db.ticket.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({
      status: "VALID",
    });
  });

  it("two devices syncing the same ticket at once: one admission, one conflict", async () => {
    const { db } = database();
    const organizer = callerFor(db, show.organizer).checkin;
    const tickets = await ticketsOf(db, show, 10, 10);
    await organizer.rotateKey({ eventId: show.event.id });
    const codes = await Promise.all(tickets.map((ticket) => codeOfTicket(db, ticket.id)));
    const at = new Date(Date.now() - 60_000);
    const syncFrom = (device: string) =>
      organizer.sync({
        eventId: show.event.id,
        door: device,
        deviceId: device,
        scans: codes.map((code) => ({ localId: randomUUID(), code, scannedAt: at })),
      });
    const [one, two] = await Promise.all([syncFrom("device-one"), syncFrom("device-two")]);
    const outcomes = [...one.results, ...two.results].map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === "ADMITTED")).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome === "DUPLICATE")).toHaveLength(10);
    for (const ticket of tickets) {
      expect(
        await db.checkIn.count({
          where: { ticketId: ticket.id, undoneAt: null, supersededAt: null },
        }),
      ).toBe(1);
    }
  });

  it("refuses bad input and callers without a grant, and records nothing", async () => {
    const { db } = database();
    const before = await db.offlineScan.count();
    const scan = { localId: randomUUID(), code: "x".repeat(40), scannedAt: new Date() };
    const base = { eventId: show.event.id, door: "Gate", deviceId: "device-bad" };
    const organizer = callerFor(db, show.organizer).checkin;
    expect(await codeOf(organizer.sync({ ...base, scans: [] }))).toBe("BAD_REQUEST");
    expect(
      await codeOf(organizer.sync({ ...base, scans: Array.from({ length: 201 }, () => scan) })),
    ).toBe("BAD_REQUEST");
    expect(await codeOf(organizer.sync({ ...base, scans: [{ ...scan, localId: "short" }] }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(organizer.sync({ ...base, scans: [{ ...scan, code: "x".repeat(5000) }] })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        organizer.sync({ ...base, scans: [{ ...scan, scannedAt: new Date("0001-01-01") }] }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(db, buyer).checkin.sync({ ...base, scans: [scan] }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(callerFor(db, other.organizer).checkin.sync({ ...base, scans: [scan] })),
    ).toBe("NOT_FOUND");
    expect(await db.offlineScan.count()).toBe(before);
  });
});
