// A discount code at checkout (issue 15): a code that does not exist is refused on the field and
// changes nothing; the organizer's code takes its share off before paying; the buyer pays the
// lower amount on the provider's page, and the order shows the code and what it took off. The
// organizer then finds the code in the event's sales, by discount code, in English and Chinese,
// on a desktop and a phone.
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

const PASSWORD = "discounted-seats-2026";
const ORGANIZER = { username: "spring_host", password: "spring-host-2026" };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let app: AppServer;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 4 });
        eventId = (
          await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, price: 1000 })
        ).id;
        await db.discountCode.create({
          data: {
            organizerId: organizer.id,
            eventId,
            code: "SPRING20",
            kind: "PERCENT",
            value: 20,
          },
        });
        await makeUser(db, { username: "thrifty", passwordHash: await hashPassword(PASSWORD) });
      },
    }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("refuses an unknown code, takes 20% off with the organizer's, and charges that", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await signInInBrowser(page, "thrifty", PASSWORD);
  const positions = [...(await seatPositions(app.database.db, eventId)).values()];
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  for (const position of positions.slice(0, 2)) {
    await page.locator(`[data-seat-id="${position}"]`).click();
  }
  await page.getByRole("button", { name: "Hold seats", exact: true }).first().click();
  await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  const total = page.getByTestId("checkout-total");
  await expect.poll(() => total.textContent()).toBe("NT$2,000");

  const field = page.getByLabel("Discount code");
  await field.fill("NO-SUCH-CODE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => page.getByTestId("discount-error").textContent()).toBeTruthy();
  expect(await total.textContent()).toBe("NT$2,000");

  // Typed in lower case: codes are not case-sensitive.
  await field.fill("spring20");
  await field.press("Enter");
  await expect.poll(() => total.textContent()).toBe("NT$1,600");
  expect(await page.getByTestId("checkout-discount").textContent()).toContain("−NT$400");
  expect(await page.getByTestId("discount-error").count()).toBe(0);
  await screenshot(page, "checkout-discount-applied");

  await page.getByRole("button", { name: "Pay NT$1,600" }).click();
  await payOnDemoPage(page, /^Pay NT\$1,600$/);
  await expect
    .poll(() => page.getByTestId("order-discount").textContent(), { timeout: 20_000 })
    .toContain("SPRING20");
  expect(await page.getByTestId("order-discount").textContent()).toContain("−NT$400");
  await screenshot(page, "order-with-discount");

  const order = await app.database.db.order.findFirstOrThrow({
    where: { eventId },
    select: { status: true, total: true, discountAmount: true },
  });
  expect(order).toEqual({ status: "PAID", total: 1600, discountAmount: 400 });
  expect(
    await app.database.db.discountCode.findFirstOrThrow({
      where: { eventId },
      select: { uses: true },
    }),
  ).toEqual({ uses: 1 });
  await context.close();
}, 120_000);

// After the purchase above.
it("shows the code in the organizer's sales, in English and Chinese", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await signInInBrowser(page, ORGANIZER.username, ORGANIZER.password);
  await page.goto(`/organizer/events/${eventId}/sales`);
  const row = page.getByTestId("sales-code");
  await expect.poll(() => row.count()).toBe(1);
  const cells = async () => (await row.locator("td").allInnerTexts()).map((text) => text.trim());
  // Code, orders, tickets sold, before discount, discount, net after refunds.
  await expect.poll(cells).toEqual(["SPRING20", "1", "2", "NT$2,000", "NT$400", "NT$1,600"]);
  expect(await page.getByTestId("sales-by-code-empty").count()).toBe(0);
  await expect
    .poll(() => page.getByTestId("chart-by-day").locator(".chart-bar").count(), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  // A column (net money) and a dot on the tickets line per day.
  expect(await page.getByTestId("chart-by-day").locator(".chart-bar").count()).toBe(
    await page.getByTestId("chart-by-day").locator(".chart-dot").count(),
  );
  expect(await page.getByTestId("chart-by-day").locator("svg .chart-line").count()).toBe(1);
  await screenshot(page, "sales-by-code-en-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "sales-by-code-en-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );

  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await expect
    .poll(() => page.getByRole("heading", { name: "依折扣碼", exact: true }).count())
    .toBe(1);
  expect(await page.getByRole("columnheader", { name: "折扣前" }).count()).toBe(1);
  await expect.poll(cells).toEqual(["SPRING20", "1", "2", "NT$2,000", "NT$400", "NT$1,600"]);
  await screenshot(page, "sales-by-code-zh-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "sales-by-code-zh-phone");
  await context.close();
}, 120_000);
