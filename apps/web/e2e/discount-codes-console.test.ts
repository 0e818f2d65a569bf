// The organizer's discount codes (issue 15) in a real browser: from the event's tabs to its
// discount codes, where an organizer-wide code already used shows its uses and cannot be deleted,
// and one in dollars says it is not for this event (priced in TWD); a 10% code with a limit is
// created and listed; a percentage over 100 and a window that ends before it starts are refused
// next to their fields and create nothing; a limit below the uses taken is refused with the api's
// message; the new code is switched off and, unused, deleted. The page in Chinese shows its field
// errors in Chinese. Screenshots in both languages, desktop and phone.
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { axeViolations, describeViolations } from "./axe";
import { launchBrowser, screenshot } from "./browser";

const ORGANIZER = { username: "code_keeper", password: "code-keeper-2026" };
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
        eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
        // For all the organizer's events, until noon on New Year's Day 2030 in Taipei, and
        // already used three times.
        await db.discountCode.create({
          data: {
            organizerId: organizer.id,
            code: "EARLYBIRD",
            kind: "AMOUNT",
            value: 200,
            currency: "TWD",
            maxUses: 50,
            uses: 3,
            validUntil: new Date("2030-01-01T04:00:00Z"),
          },
        });
        // In dollars: it does not apply to this event, priced in TWD.
        await db.discountCode.create({
          data: {
            organizerId: organizer.id,
            code: "DOLLARS5",
            kind: "AMOUNT",
            value: 500,
            currency: "USD",
          },
        });
      },
    }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("creates, refuses bad input, switches off and deletes discount codes", async () => {
  const { db } = app.database;
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: DESKTOP,
  });
  const page = await context.newPage();
  await signInInBrowser(
    page,
    ORGANIZER.username,
    ORGANIZER.password,
    `/organizer/events/${eventId}`,
  );
  await page.getByRole("link", { name: "Discount codes" }).click();
  await page.waitForURL(/\/discount-codes$/);

  const rows = page.getByTestId("discount-code");
  const row = (code: string) => rows.filter({ hasText: code });
  await expect.poll(() => rows.count()).toBe(2);
  const dollars = await row("DOLLARS5").textContent();
  expect(dollars).toContain("$5.00 off");
  expect(dollars).toContain("Only for events priced in USD");
  const early = await row("EARLYBIRD").textContent();
  expect(early).toContain("All your events");
  expect(early).toContain("NT$200 off");
  expect(early).toContain("3 / 50");
  expect(early).toMatch(/Until Jan 1, 2030, 12:00\sPM/);
  expect(
    await row("EARLYBIRD")
      .getByRole("button", { name: /^Delete/ })
      .count(),
  ).toBe(0);

  // A 10% code for this event, at most 100 uses.
  await page.getByLabel("Code", { exact: true }).fill("SUMMER10");
  await page.getByLabel("Percent off (1–100)").fill("10");
  await page.getByLabel("Usage limit", { exact: true }).fill("100");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect.poll(() => rows.count()).toBe(3);
  const summer = await row("SUMMER10").textContent();
  expect(summer).toContain("This event");
  expect(summer).toContain("10% off");
  expect(summer).toContain("0 / 100");
  expect(await row("SUMMER10").getByTestId("discount-code-state").textContent()).toBe("On");
  expect(
    await db.discountCode.findFirstOrThrow({
      where: { code: "SUMMER10" },
      select: { eventId: true, kind: true, value: true, maxUses: true, active: true },
    }),
  ).toEqual({ eventId, kind: "PERCENT", value: 10, maxUses: 100, active: true });

  // Refused next to the field, and nothing is created.
  await page.getByLabel("Code", { exact: true }).fill("TOO-MUCH");
  await page.getByLabel("Percent off (1–100)").fill("150");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect
    .poll(() => page.locator("#value-error").textContent())
    .toBe("Enter a number of at most 100.");
  expect(await page.getByLabel("Percent off (1–100)").getAttribute("aria-invalid")).toBe("true");
  await page.getByLabel("Percent off (1–100)").fill("10");
  await page.getByLabel("Valid from").fill("2030-06-02T10:00");
  await page.getByLabel("Valid until").fill("2030-06-01T10:00");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect
    .poll(() => page.locator("#validUntil-error").textContent())
    .toBe("A discount code must start before it ends.");
  expect(await page.locator("#value-error").count()).toBe(0);
  await screenshot(page, "discount-codes-en-desktop");
  expect(describeViolations(await axeViolations(page))).toBe("");
  expect(await db.discountCode.count()).toBe(3);

  // A limit below the uses already taken.
  await row("EARLYBIRD").getByLabel("Usage limit of EARLYBIRD").fill("2");
  await row("EARLYBIRD").getByRole("button", { name: "Set limit" }).click();
  await expect
    .poll(() => row("EARLYBIRD").getByRole("alert").textContent())
    .toBe("This code was used 3 times; the limit cannot be lower.");

  // Switched off, then deleted (no order used it).
  await row("SUMMER10").getByRole("button", { name: "Switch off" }).click();
  await expect
    .poll(() => row("SUMMER10").getByTestId("discount-code-state").getAttribute("data-active"))
    .toBe("false");
  expect(await row("SUMMER10").getByTestId("discount-code-state").textContent()).toBe("Off");
  expect(await db.discountCode.findFirstOrThrow({ where: { code: "SUMMER10" } })).toMatchObject({
    active: false,
  });
  await page.getByRole("button", { name: "Delete SUMMER10" }).click();
  await expect.poll(() => rows.count()).toBe(2);
  expect(await db.discountCode.count({ where: { code: "SUMMER10" } })).toBe(0);
  await page.setViewportSize(PHONE);
  await screenshot(page, "discount-codes-en-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );

  // The same page in Chinese, its field errors too, on a desktop and a phone.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await expect
    .poll(() => page.getByRole("heading", { name: "折扣碼", exact: true }).count())
    .toBe(1);
  expect(await row("EARLYBIRD").textContent()).toContain("折抵 NT$200");
  await page.locator("#code").fill("TOO-MUCH");
  await page.getByLabel("折抵百分比（1–100）").fill("150");
  await page.getByRole("button", { name: "建立折扣碼" }).click();
  await expect
    .poll(() => page.locator("#value-error").textContent())
    .toBe("請輸入不大於 100 的數字。");
  await screenshot(page, "discount-codes-zh-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "discount-codes-zh-phone");
  expect(await db.discountCode.count()).toBe(2);
  await context.close();
}, 120_000);
