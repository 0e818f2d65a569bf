// reservation.hold / release by position: exactly the seats at those positions of the current
// layout; a stale layout version, positions off the map or named twice are refused and change
// nothing; seat ids keep working.
import { useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { getSeatLayout } from "../src/services/seat-map/layout.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";
import { makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();

describe("holding and releasing by position", () => {
  it("holds exactly the seats at the positions, and releases them by position", async () => {
    const { db } = database();
    const { event } = await organizerEvent(db, { rows: 3, seatsPerRow: 5 });
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer);
    const wire = await api.event.seatLayout({ eventId: event.id });
    const layout = await getSeatLayout(db, event.id, { user: null, now: () => new Date() });
    const positions = [0, 7, 14];
    const held = await api.reservation.hold({
      eventId: event.id,
      layoutVersion: wire.version,
      positions,
    });
    const expected = positions.map((position) => layout.eventSeatIds[position]);
    expect([...held.seatIds].sort()).toEqual([...expected].sort());
    const holds = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(holds.map((hold) => hold.eventSeatId).sort()).toEqual([...expected].sort());
    const status = await api.event.seatStatus({ eventId: event.id });
    expect(status.mine.positions).toEqual(positions);

    // Someone else asking for a held position hears which, by position.
    const [other] = await makeBuyers(db, 1);
    if (!other) throw new Error("buyer");
    const taken = await failure(
      callerFor(db, other).reservation.hold({
        eventId: event.id,
        layoutVersion: wire.version,
        positions: [1, 7],
      }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(detailsOf(taken)?.unavailablePositions).toEqual([7]);

    await api.reservation.release({
      eventId: event.id,
      layoutVersion: wire.version,
      positions: [7],
    });
    const left = await db.seatHold.findMany({ where: { eventId: event.id } });
    expect(left.map((hold) => hold.eventSeatId).sort()).toEqual(
      [layout.eventSeatIds[0], layout.eventSeatIds[14]].sort(),
    );
  });

  it("refuses a stale layout version, positions off the map or twice, and changes nothing", async () => {
    const { db } = database();
    const { event, seatIds } = await organizerEvent(db, { rows: 2, seatsPerRow: 5 });
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const api = callerFor(db, buyer);
    const wire = await api.event.seatLayout({ eventId: event.id });
    const hold = (input: { layoutVersion?: string; positions?: number[]; seatIds?: string[] }) =>
      failure(api.reservation.hold({ eventId: event.id, ...input }));

    const offMap = await hold({ layoutVersion: wire.version, positions: [0, 10] });
    const twice = await hold({ layoutVersion: wire.version, positions: [3, 3] });
    const noVersion = await hold({ positions: [1] });
    const both = await hold({
      layoutVersion: wire.version,
      positions: [1],
      seatIds: [seatIds[1] as string],
    });
    const neither = await hold({});
    const garbage = await hold({ layoutVersion: "not-a-version", positions: [1] });
    expect([offMap, twice, noVersion, both, neither].map((error) => error.code)).toEqual([
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
    ]);
    expect(garbage.code).toBe("CONFLICT");
    expect(detailsOf(garbage)?.reason).toBe("LAYOUT_CHANGED");

    // The layout changes (a seat moves tier); the old version is refused once the server knows.
    const tier = await db.priceTier.findFirstOrThrow({ where: { eventId: event.id } });
    await db.priceTier.update({ where: { id: tier.id }, data: { price: tier.price + 1 } });
    await getSeatLayout(db, event.id, { user: null, now: () => new Date() }, { recheckMs: 0 });
    const stale = await hold({ layoutVersion: wire.version, positions: [2] });
    expect(stale.code).toBe("CONFLICT");
    expect(detailsOf(stale)?.reason).toBe("LAYOUT_CHANGED");
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);

    // Seat ids still work.
    const byId = await api.reservation.hold({ eventId: event.id, seatIds: [seatIds[0] as string] });
    expect(byId.seatIds).toEqual([seatIds[0]]);
  });
});
