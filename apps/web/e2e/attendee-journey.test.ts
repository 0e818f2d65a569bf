// The attendee journey in a real browser against `next start`: sign up, find an event, pick two
// seats on the live map, hold, pay on the payment provider's page, see the tickets with QR codes,
// cancel and see the refund — while a second browser watches the seats turn taken live; a hold
// that runs out; and payments that are declined, abandoned, or confirmed only after the buyer is
// back (3-D Secure).

import { seedDemoData } from "@openticket/db/seed";
import { makeEvent } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signUpInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

let app: AppServer;
let browser: Browser;
let eventId: string;
let seatIds: string[];
let positionOf: Map<string, number>;

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
          take: 8,
        });
        seatIds = seats.map((seat) => seat.id);
      },
    }),
    launchBrowser(),
  ]);
  positionOf = await seatPositions(app.database.db, eventId);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const seat = (page: Page, id: string | undefined) =>
  page.locator(`[data-seat-id="${positionOf.get(id ?? "")}"]`);

/** Signs up, opens the verification link from the sign-up mail, and signs in (home page). */
function signUp(page: Page, username: string) {
  return signUpInBrowser(page, app.mail, { username, password: "seats-for-two-2026" });
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
  // The payment provider's page (the built-in demo provider), then back to the order.
  await page.waitForURL(/\/pay\/demo\//);
  expect(await page.getByTestId("demo-pay-amount").textContent()).toContain("2,400");
  expect(await page.getByTestId("demo-pay-description").textContent()).toContain(
    "2 tickets · Moonlight Jazz Journey",
  );
  await screenshot(page, "14-journey-demo-pay");
  await payOnDemoPage(page, /^Pay NT\$2,400$/);
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
  // Back on the map at once, which says so and selects the lost seat again
  // (e2e/hold-expiry-at-checkout.test.ts goes through it in full).
  await page.waitForURL(/\/seats$/, { timeout: 10_000 });
  await page.getByTestId("expired-hold").waitFor({ timeout: 10_000 });
  expect(await page.getByTestId("expired-hold").textContent()).toContain("no longer held");
  await screenshot(page, "19-hold-expired");
  await expect.poll(() => seat(page, seatIds[2]).getAttribute("data-status")).toBe("SELECTED");
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
  // Nobody is signed in by sign-up: the check-your-inbox page, then sign in, then back to the map.
  await page.waitForURL(/\/sign-up\/check-inbox/);
  await page.getByRole("main").getByRole("link", { name: "登入" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("使用者名稱或電子郵件").fill("zh_buyer");
  await page.getByLabel("密碼").fill("seats-for-two-2026");
  await page.getByRole("button", { name: "登入" }).click();
  await page.waitForURL(/\/seats$/);
  await expect.poll(() => page.getByTestId("selected-seats").locator("li").count()).toBe(2);
  await screenshot(page, "20-zh-selection-restored");
  await context.close();
});

/** Signs up, holds `ids` on the map and presses Pay at checkout: the buyer is at the provider. */
async function holdAndCheckOut(page: Page, username: string, ids: (string | undefined)[]) {
  await signUp(page, username);
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  for (const id of ids) await seat(page, id).click();
  await page.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL(/\/pay\/demo\//);
}

async function expectSeatsFree(page: Page, ids: (string | undefined)[]) {
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  for (const id of ids) {
    await expect.poll(() => seat(page, id).getAttribute("data-status")).toBe("AVAILABLE");
  }
}

it("says so when the card is declined, and the seats go back on sale", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await holdAndCheckOut(page, "declined_buyer", [seatIds[4]]);
  await payOnDemoPage(page, "Decline card");
  await expect.poll(() => page.getByTestId("payment-outcome").textContent()).toContain("declined");
  expect(await page.getByTestId("order-status").first().textContent()).toBe("Failed");
  expect(await page.getByTestId("payments").textContent()).toContain("Nothing charged");
  expect(await page.getByTestId("ticket-qr").count()).toBe(0);
  // Streamed content arrives hidden first; wait for it to be shown.
  await page.getByTestId("payment-outcome").waitFor({ state: "visible" });
  await screenshot(page, "21-payment-declined");
  await page.goto("/orders");
  expect(await page.getByTestId("order-list").textContent()).toContain("Failed");
  await expectSeatsFree(page, [seatIds[4]]);
  await context.close();
});

it("releases the seats when the buyer abandons the payment, and the payment page closes", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await holdAndCheckOut(page, "abandoning_buyer", [seatIds[5]]);
  const paymentPage = page.url();
  await payOnDemoPage(page, "Cancel and return");
  await expect
    .poll(() => page.getByTestId("payment-outcome").textContent())
    .toContain("not completed in time");
  expect(await page.getByTestId("order-status").first().textContent()).toBe("Expired");
  // Streamed content arrives hidden first; wait for it to be shown.
  await page.getByTestId("payment-outcome").waitFor({ state: "visible" });
  await screenshot(page, "22-payment-abandoned");
  // Back at the provider's page: the payment can no longer be made.
  await page.goto(paymentPage);
  expect(await page.getByTestId("demo-pay-closed").textContent()).toContain("no longer open");
  expect(await page.getByRole("button", { name: /^Pay / }).count()).toBe(0);
  await expectSeatsFree(page, [seatIds[5]]);
  await context.close();
});

it("waits on the order page for a 3-D Secure confirmation, then shows the tickets by itself", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  // The button asks the provider to confirm 4 s later; a busy test machine may take about that
  // long to show the order page, so the confirmation is pushed to 10 s to see the wait first.
  let asked = "";
  await page.route("**/api/trpc/demoPayment.approve**", async (route) => {
    asked = route.request().postData() ?? "";
    await route.continue({
      postData: asked.replace('"confirmAfterMs":4000', '"confirmAfterMs":10000'),
    });
  });
  await holdAndCheckOut(page, "secure_buyer", [seatIds[6], seatIds[7]]);
  await payOnDemoPage(page, "Pay with 3-D Secure");
  expect(asked).toContain('"confirmAfterMs":4000');
  await page.getByTestId("payment-waiting").waitFor({ state: "visible" });
  expect(await page.getByTestId("order-status").first().textContent()).toBe("Awaiting payment");
  expect(await page.getByTestId("payment-waiting").textContent()).toContain(
    "Waiting for the payment",
  );
  expect(
    await page.getByRole("link", { name: "Continue to payment" }).getAttribute("href"),
  ).toMatch(/^\/pay\/demo\//);
  await screenshot(page, "23-payment-waiting");
  // Marks this document: a reload by the buyer (or the page) would lose the mark.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await expect.poll(() => page.getByTestId("ticket-qr").count(), { timeout: 30_000 }).toBe(2);
  expect(await page.getByTestId("order-status").first().textContent()).toBe("Paid");
  expect(await page.getByTestId("payment-waiting").count()).toBe(0);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await screenshot(page, "24-payment-confirmed-later");
  await context.close();
});
