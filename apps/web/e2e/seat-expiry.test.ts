// A hold that runs out shows as free on another viewer's open seat map within 2 s of its end,
// though the app's periodic sweep is ten minutes away: the sweeper sleeps until the next
// expiry and the live feed wakes it when a hold is made.
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signUpInBrowser } from "./accounts";
import { launchBrowser } from "./browser";
import { seatPositions } from "./seat-positions";

let app: AppServer;
let browser: Browser;
let eventId: string;
let seatId: string;
let position: number | undefined;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, { role: "ORGANIZER" });
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 2, seatsPerRow: 5 });
        const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
        eventId = event.id;
        const seat = await db.eventSeat.findFirstOrThrow({
          where: { eventId },
          select: { id: true },
        });
        seatId = seat.id;
      },
      // Holds last 6 s; the periodic sweep would come only after ten minutes.
      env: { HOLD_MINUTES: "0.1", HOLD_SWEEP_INTERVAL_SECONDS: "600" },
    }),
    launchBrowser(),
  ]);
  position = (await seatPositions(app.database.db, eventId)).get(seatId);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openSeatMap(page: Page) {
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
}

it("frees an expired hold on another viewer's map within 2 s of its end", async () => {
  const watcher = await browser.newPage({ baseURL: app.baseUrl, locale: "en-US" });
  await openSeatMap(watcher);
  const buyer = await browser.newPage({ baseURL: app.baseUrl, locale: "en-US" });
  await signUpInBrowser(buyer, app.mail, {
    username: "brief_holder",
    password: "seats-for-two-2026",
  });
  await openSeatMap(buyer);

  const status = () => watcher.locator(`[data-seat-id="${position}"]`).getAttribute("data-status");
  await buyer.locator(`[data-seat-id="${position}"]`).click();
  await buyer.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(status, { interval: 50 }).toBe("HELD");
  const hold = await app.database.db.seatHold.findUniqueOrThrow({ where: { eventSeatId: seatId } });

  const deadline = hold.expiresAt.getTime() + 2_000;
  await expect
    .poll(status, { interval: 50, timeout: Math.max(0, deadline - Date.now()) })
    .toBe("AVAILABLE");
  // The server swept it (the map's own fallback alone would leave the row).
  expect(await app.database.db.seatHold.count({ where: { eventSeatId: seatId } })).toBe(0);
  await watcher.close();
  await buyer.close();
});
