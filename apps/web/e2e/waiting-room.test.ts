// The fair waiting room in a real browser against `next start`: a buyer of a high-demand event
// waits in line (their place and the estimated wait on screen), is admitted, holds a seat, checks
// out and pays; a second tab finds the same place; the organizer watches the line and changes
// the admission rate. Screenshots in both languages, desktop and phone.
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser, signUpInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

const RATE = 20; // admitted a minute: one every 3 s
let app: AppServer;
let browser: Browser;
let eventId: string;
let opensAt: Date;
let seatId: string;
let position: number | undefined;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, {
          role: "ORGANIZER",
          username: "queue_organizer",
          passwordHash: await hashPassword("organizer-pass-2026"),
        });
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 2, seatsPerRow: 5 });
        const event = await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          title: "Sold-Out Stadium Night",
        });
        opensAt = new Date();
        await db.event.update({
          where: { id: event.id },
          data: { waitingRoomOpensAt: opensAt, admissionsPerMinute: RATE },
        });
        eventId = event.id;
        seatId = (await db.eventSeat.findFirstOrThrow({ where: { eventId }, select: { id: true } }))
          .id;
      },
    }),
    launchBrowser(),
  ]);
  position = (await seatPositions(app.database.db, eventId)).get(seatId);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Puts `ahead` people in line in front of whoever joins next (as if they had just joined). */
async function crowdAhead(ahead: number) {
  const admitted = Math.floor((RATE * (Date.now() - opensAt.getTime())) / 60_000);
  const last = admitted + ahead;
  await app.database.db.$executeRaw`
    INSERT INTO waiting_room_lines (event_id, last_number, early_closed)
    VALUES (${eventId}::uuid, ${last}, true)
    ON CONFLICT (event_id) DO UPDATE SET last_number = ${last}`;
}

async function newPage(context: BrowserContext, phone = false) {
  const page = await context.newPage();
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

it("queues a buyer, shows their place and wait, admits them, and lets them buy", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
  });
  const page = await newPage(context);
  await signUpInBrowser(page, app.mail, { username: "patient_fan", password: "queue-fairly-2026" });
  await crowdAhead(4);
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("queue-position").count(), { timeout: 15_000 }).toBe(1);
  const place = Number(await page.getByTestId("queue-position").textContent());
  expect(place).toBeGreaterThanOrEqual(1);
  expect(place).toBeLessThanOrEqual(5);
  expect(await page.getByTestId("queue-estimate").textContent()).toMatch(/Estimated wait/);
  expect(await page.getByRole("button", { name: "Hold seats" }).count()).toBe(0);
  await screenshot(page, "waiting-room-en-desktop");

  // A second tab of the same account: the same place, not a new one at the back.
  const tab = await newPage(context, true);
  await tab.goto(`/events/${eventId}/seats`);
  await expect.poll(() => tab.getByTestId("queue-position").count(), { timeout: 15_000 }).toBe(1);
  expect(Number(await tab.getByTestId("queue-position").textContent())).toBeLessThanOrEqual(place);
  await screenshot(tab, "waiting-room-en-phone");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await tab.reload();
  await expect.poll(() => tab.getByTestId("queue-position").count(), { timeout: 15_000 }).toBe(1);
  expect(await tab.getByTestId("queue-estimate").textContent()).toMatch(/預估等候時間/);
  await screenshot(tab, "waiting-room-zh-TW-phone");
  await tab.setViewportSize({ width: 1280, height: 800 });
  await screenshot(tab, "waiting-room-zh-TW-desktop");
  await tab.close();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: app.baseUrl }]);
  const places = await app.database.db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM waiting_room_places WHERE event_id = ${eventId}::uuid`;
  expect(places[0]?.count).toBe(1);

  // Admitted within a few admissions: the seat map replaces the line, live.
  await expect
    .poll(() => page.getByTestId("live-indicator").count(), { timeout: 60_000, interval: 500 })
    .toBe(1);
  await page.locator(`[data-seat-id="${position}"]`).click();
  await page.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await expect.poll(() => page.getByTestId("checkout-seats").locator("li").count()).toBe(1);
  await page.getByRole("button", { name: /^Pay / }).click();
  await payOnDemoPage(page, /^Pay NT\$/);
  expect(await page.getByTestId("order-status").first().textContent()).toBe("Paid");
  await context.close();
}, 180_000);

it("shows the organizer the line and changes the admission rate live", async () => {
  for (const [locale, phone] of [
    ["en", false],
    ["en", true],
    ["zh-TW", false],
    ["zh-TW", true],
  ] as const) {
    const context = await browser.newContext({
      baseURL: app.baseUrl,
      locale: "en-US",
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    });
    const page: Page = await context.newPage();
    await signInInBrowser(page, "queue_organizer", "organizer-pass-2026");
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: app.baseUrl }]);
    await page.goto(`/organizer/events/${eventId}/waiting-room`);
    await expect.poll(() => page.getByTestId("figure-waiting").count()).toBe(1);
    if (locale === "en" && !phone) {
      await page.getByLabel("Buyers admitted a minute").fill("45");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.getByTestId("figure-rate").textContent(), { timeout: 10_000 })
        .toContain("45 a minute");
      const event = await app.database.db.event.findUniqueOrThrow({ where: { id: eventId } });
      expect(event.admissionsPerMinute).toBe(45);
      expect(event.rateChangedAt).not.toBeNull();
    }
    await screenshot(page, `waiting-room-organizer-${locale}-${phone ? "phone" : "desktop"}`);
    await context.close();
  }
}, 120_000);
