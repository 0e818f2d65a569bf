// The attendee journey in a real browser against `next start`: sign up, find an event, pick two
// seats on the live map, hold, pay, see the tickets with QR codes, cancel and see the refund —
// while a second browser watches the seats turn taken live; and a hold that runs out.

import { seedDemoData } from "@openticket/db/seed";
import { makeEvent } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;
let eventId: string;
let seatIds: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        await seedDemoData(db);
        const organizer = await db.user.findUniqueOrThrow({ where: { username: "organizer" } });
        const venue = await db.venue.findFirstOrThrow({ where: { name: "Taichung Concert Hall" } });
        const event = await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          title: "Moonlight Jazz Journey",
          category: "CONCERT",
          price: 1200,
        });
        await db.event.update({
          where: { id: event.id },
          data: { refundableUntilHours: 24, refundPercent: 90 },
        });
        eventId = event.id;
        const seats = await db.eventSeat.findMany({
          where: { eventId },
          select: { id: true },
          orderBy: [{ seat: { y: "asc" } }, { seat: { x: "asc" } }],
          take: 4,
        });
        seatIds = seats.map((seat) => seat.id);
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const seat = (page: Page, id: string | undefined) => page.locator(`[data-seat-id="${id}"]`);

async function signUp(page: Page, username: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("E-mail").fill(`${username}@example.com`);
  await page.getByLabel("Password").fill("seats-for-two-2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
}

it("buys two seats, sees them taken live elsewhere, gets QR tickets, cancels and is refunded", async () => {
  const buyer = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const watcher = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await buyer.newPage();
  const other = await watcher.newPage();

  await signUp(page, "journey_buyer");
  await page.getByLabel("Search").fill("Moonlight Jazz");
  await page.getByLabel("Category").selectOption("CONCERT");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/q=Moonlight/);
  await page
    .getByRole("link", { name: /Moonlight Jazz Journey/ })
    .first()
    .click();
  await page.waitForURL(/\/events\/[0-9a-f-]+$/);
  await screenshot(page, "10-journey-event");
  await page.getByTestId("choose-seats").click();
  await page.waitForURL(/\/seats$/);

  // The watcher, signed out, has the same map open.
  await other.goto(`/events/${eventId}/seats`);
  await expect.poll(() => other.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  expect(await seat(other, seatIds[0]).getAttribute("data-status")).toBe("AVAILABLE");

  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  await seat(page, seatIds[0]).click();
  await seat(page, seatIds[1]).click();
  await expect.poll(() => page.getByTestId("selected-seats").locator("li").count()).toBe(2);
  expect(await page.getByTestId("selection-total").textContent()).toContain("2,400");
  await screenshot(page, "11-journey-selected");
  await page.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
  expect(await page.getByTestId("hold-countdown").textContent()).toMatch(/\d+:\d\d/);
  expect(await seat(page, seatIds[0]).getAttribute("data-status")).toBe("MINE");

  // Live: the other browser sees both seats turn taken without reloading.
  await expect
    .poll(() => seat(other, seatIds[0]).getAttribute("data-status"), { timeout: 5_000 })
    .toBe("HELD");
  await expect
    .poll(() => seat(other, seatIds[1]).getAttribute("data-status"), { timeout: 5_000 })
    .toBe("HELD");
  await screenshot(page, "12-journey-held");
  await screenshot(other, "13-journey-watcher-sees-held");

  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await expect.poll(() => page.getByTestId("checkout-seats").locator("li").count()).toBe(2);
  await screenshot(page, "14-journey-checkout");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]+\?placed=1$/);
  await expect.poll(() => page.getByTestId("ticket-qr").count()).toBe(2);
  expect(await page.getByTestId("order-status").first().textContent()).toBe("Paid");
  await screenshot(page, "15-journey-order");
  await expect
    .poll(() => seat(other, seatIds[0]).getAttribute("data-status"), { timeout: 5_000 })
    .toBe("SOLD");

  await page.getByRole("button", { name: "Cancel order" }).click();
  // 90% of NT$2,400 comes back; the dialog says so before anything happens.
  const confirm = page.getByRole("button", { name: /Yes, cancel and refund .*2,160/ });
  await confirm.waitFor();
  await screenshot(page, "16-journey-cancel-dialog");
  await confirm.click();
  await expect.poll(() => page.getByTestId("refund-summary").textContent()).toContain("2,160");
  expect(await page.getByTestId("ticket").first().textContent()).toContain("Cancelled");
  await screenshot(page, "17-journey-refunded");
  await expect
    .poll(() => seat(other, seatIds[0]).getAttribute("data-status"), { timeout: 5_000 })
    .toBe("AVAILABLE");

  await page.goto("/orders");
  expect(await page.getByTestId("order-list").textContent()).toContain("Moonlight Jazz Journey");
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("seat-map").count()).toBe(1);
  await screenshot(page, "18-journey-seats-phone");
  await buyer.close();
  await watcher.close();
});

it("tells the buyer when the hold runs out at checkout and sends them back to the map", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await signUp(page, "slow_buyer");
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  await seat(page, seatIds[2]).click();
  await page.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);

  // Let the hold run out in a few seconds rather than ten minutes.
  await app.database.db.seatHold.updateMany({
    where: { eventSeatId: seatIds[2] },
    data: { expiresAt: new Date(Date.now() + 4_000) },
  });
  await page.goto(`/events/${eventId}/checkout`);
  await expect.poll(() => page.getByTestId("checkout-seats").locator("li").count()).toBe(1);
  await expect.poll(() => page.getByTestId("hold-expired").count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByTestId("hold-expired").textContent()).toContain("expired");
  await screenshot(page, "19-hold-expired");
  await page.waitForURL(/\/seats$/, { timeout: 10_000 });
  await expect.poll(() => seat(page, seatIds[2]).getAttribute("data-status")).toBe("AVAILABLE");
  await context.close();
});

it("keeps the selection through sign-in and reports seats taken meanwhile, in zh-TW", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "zh-TW" });
  const page = await context.newPage();
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("選擇座位");
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  await seat(page, seatIds[3]).click();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.getByTestId("selected-seats").locator("li").count()).toBe(2);
  await page.getByRole("button", { name: "登入以保留座位" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByRole("link", { name: "建立帳號" }).click();
  await page.waitForURL(/\/sign-up\?/);
  await page.getByLabel("使用者名稱", { exact: true }).fill("zh_buyer");
  await page.getByLabel("電子郵件").fill("zh_buyer@example.com");
  await page.getByLabel("密碼").fill("seats-for-two-2026");
  await page.getByRole("button", { name: "建立帳號" }).click();
  await page.waitForURL(/\/seats$/);
  await expect.poll(() => page.getByTestId("selected-seats").locator("li").count()).toBe(2);
  await screenshot(page, "20-zh-selection-restored");
  await context.close();
});
