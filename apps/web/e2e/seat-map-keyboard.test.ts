// Keyboard seat selection in a real browser (issue 16): arrow keys skip seats that cannot be
// chosen, Home/End reach the row's ends (Ctrl: the map's), and the focused seat is announced
// with its row, number and status.
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, { role: "ORGANIZER" });
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 2, seatsPerRow: 10 });
        const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
        eventId = event.id;
        // Row A: 1 free, 2–6 sold, 7 blocked, 8–9 free, 10 sold. Row B all free.
        const rowA = (numbers: number[]) => ({
          eventId,
          seat: { rowLabel: "A", number: { in: numbers } },
        });
        await db.eventSeat.updateMany({
          where: rowA([2, 3, 4, 5, 6, 10]),
          data: { status: "SOLD" },
        });
        await db.eventSeat.updateMany({ where: rowA([7]), data: { status: "BLOCKED" } });
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The focused seat's screen-reader label, as the map points assistive technology to it. */
async function focusedSeat(page: Page) {
  const id = await page.getByTestId("seat-map").getAttribute("aria-activedescendant");
  return id ? page.locator(`[id="${id}"]`).getAttribute("aria-label") : null;
}

it("moves between free seats only, and Home/End reach the ends of the row and the map", async () => {
  const page = await browser.newPage({ baseURL: app.baseUrl, locale: "en-US" });
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count()).toBe(1);
  const map = page.getByTestId("seat-map");
  await map.focus();

  // The first key puts focus on the first seat.
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat A-1, .*available$/);
  // One press past five sold seats and a blocked one.
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat A-8, .*available$/);
  // The live region says it too.
  expect(await page.getByText(/^Seat A-8, /).count()).toBe(1);
  await screenshot(page, "seat-map-keyboard-focus");

  await page.keyboard.press("End");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat A-9, /);
  await page.keyboard.press("Home");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat A-1, /);
  await page.keyboard.press("Control+End");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat B-10, /);
  await page.keyboard.press("Control+Home");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat A-1, /);
  await page.keyboard.press("PageDown");
  await expect.poll(() => focusedSeat(page)).toMatch(/^Seat B-1, /);

  // Enter still selects the focused seat.
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.locator("[data-status=SELECTED]").getAttribute("aria-label"))
    .toMatch(/^Seat B-1, /);
  await page.close();
});
