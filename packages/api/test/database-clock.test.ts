// Hold and expiry times come from the database's clock, whatever this process's clock says.
import { useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { DatabaseClock } from "../src/database-clock.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();
const TOLERANCE_MS = 15;

describe("DatabaseClock", () => {
  it("tells the database's time from a process clock an hour fast or 90 s slow", async () => {
    const { db } = database();
    const databaseMs = async () => {
      const [row] = await db.$queryRaw<{ ms: number }[]>`
        SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms`;
      return row?.ms ?? Number.NaN;
    };
    for (const skewMs of [3_600_000, -90_000]) {
      const clock = new DatabaseClock(db, { localNow: () => Date.now() + skewMs });
      await clock.sync();
      const before = await databaseMs();
      const now = clock.now().getTime();
      const after = await databaseMs();
      expect(now).toBeGreaterThanOrEqual(before - TOLERANCE_MS);
      expect(now).toBeLessThanOrEqual(after + TOLERANCE_MS);
    }
  });

  it("makes holds start and end by the database's clock", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db);
    const [buyer] = await makeBuyers(db, 1);
    if (!buyer) throw new Error("buyer");
    const clock = new DatabaseClock(db, { localNow: () => Date.now() - 3_600_000 });
    await clock.start();
    clock.stop();
    const { expiresAt } = await callerFor(db, buyer, {
      now: clock.now,
      settings: { holdDurationMs: 60_000 },
    }).reservation.hold({ eventId: event.id, seatIds: [seatIds[0] ?? ""] });
    const [row] = await db.$queryRaw<{ ms: number }[]>`
      SELECT (extract(epoch FROM expires_at - clock_timestamp()) * 1000)::float8 AS ms
      FROM seat_holds WHERE event_seat_id = ${seatIds[0]}::uuid`;
    // A minute from now by the database, not an hour ago: the sweeper would free it at once.
    expect(row?.ms).toBeGreaterThan(50_000);
    expect(row?.ms).toBeLessThanOrEqual(60_000 + TOLERANCE_MS);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
