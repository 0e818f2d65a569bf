// A hold that runs out on the checkout page (issue 16 item 2): the buyer lands on the seat map at
// once, which says so, shows the lost seats as no longer held (selected again), says clearly
// which ones someone else took meanwhile, and holds the rest again in one click. In English and
// in zh-TW. Holds last 15 s here (HOLD_MINUTES), not ten minutes.

import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { SessionClient } from "../test/session-client";
import { signInInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

const PASSWORD = "expiring-holds-2026";
const HOLD_SECONDS = 15;

let app: AppServer;
let browser: Browser;
const events: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, { role: "ORGANIZER" });
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 2, seatsPerRow: 5 });
        for (const locale of ["en", "zh-TW"]) {
          const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
          events[locale] = event.id;
        }
        const passwordHash = await hashPassword(PASSWORD);
        for (const username of ["slow_en", "slow_zh", "rival_en", "rival_zh"]) {
          await makeUser(db, { username, passwordHash });
        }
      },
      env: { HOLD_MINUTES: String(HOLD_SECONDS / 60) },
    }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const TEXT = {
  en: {
    hold: "Hold seats",
    checkout: "Continue to checkout",
    explain: "no longer held for you",
    noLongerHeld: "No longer held",
    taken: "Taken by someone else",
    holdAgain: "Hold this seat again",
    backToMap: "Back to the seat map",
    refund: "Refund policy",
  },
  "zh-TW": {
    hold: "保留座位",
    checkout: "前往結帳",
    explain: "已不再為你保留",
    noLongerHeld: "已不再為你保留",
    taken: "已被其他人選走",
    holdAgain: "再次保留這 1 個座位",
    backToMap: "回到座位圖",
    refund: "退票規定",
  },
} as const;

const seat = (page: Page, position: number) => page.locator(`[data-seat-id="${position}"]`);

describe.each(["en", "zh-TW"] as const)("a hold that runs out at checkout (%s)", (locale) => {
  it("lands on the seat map with the seats no longer held, and holds them again", async () => {
    const text = TEXT[locale];
    const eventId = events[locale] as string;
    const suffix = locale === "en" ? "en" : "zh";
    const positions = [...(await seatPositions(app.database.db, eventId))].sort(
      (a, b) => a[1] - b[1],
    );
    const [first, second] = positions;
    if (!first || !second) throw new Error("the venue has no seats");

    const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
    const page = await context.newPage();
    await signInInBrowser(page, `slow_${suffix}`, PASSWORD);
    if (locale === "zh-TW") {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
    }
    await page.goto(`/events/${eventId}/seats`);
    await expect
      .poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 })
      .toBe(1);
    await seat(page, first[1]).click();
    await seat(page, second[1]).click();
    await page.getByRole("button", { name: text.hold, exact: true }).first().click();
    await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
    await page.getByRole("link", { name: text.checkout }).click();
    await page.waitForURL(/\/checkout$/);
    await expect.poll(() => page.getByTestId("checkout-seats").locator("li").count()).toBe(2);
    // The checkout page says what the seats are for and leads back to them.
    expect(await page.getByTestId("checkout-event").textContent()).toContain(text.refund);
    expect(await page.getByRole("link", { name: text.backToMap }).getAttribute("href")).toBe(
      `/events/${eventId}/seats`,
    );
    await screenshot(page, `hold-expiry-${suffix}-1-checkout`);

    // The countdown ends: straight back to the map, which says what happened.
    await page.waitForURL(/\/seats$/, { timeout: (HOLD_SECONDS + 10) * 1000 });
    const notice = page.getByTestId("expired-hold");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(text.explain);
    const states = () =>
      notice
        .locator("[data-seat-state]")
        .evaluateAll((marks) => marks.map((mark) => mark.getAttribute("data-seat-state")));
    await expect.poll(states).toEqual(["no-longer-held", "no-longer-held"]);
    expect(await notice.textContent()).toContain(text.noLongerHeld);
    // Still selected on the map, ready to hold again.
    await expect.poll(() => seat(page, first[1]).getAttribute("data-status")).toBe("SELECTED");
    expect(await seat(page, second[1]).getAttribute("data-status")).toBe("SELECTED");
    await screenshot(page, `hold-expiry-${suffix}-2-landed`);

    // Meanwhile someone else takes one of them: the notice says so, about that seat.
    const rival = new SessionClient(app.baseUrl);
    await rival.signIn(`rival_${suffix}`, PASSWORD);
    const taken = await rival.trpc(
      "reservation.hold",
      { eventId, seatIds: [first[0]] },
      { method: "POST" },
    );
    expect(taken.status).toBe(200);
    await expect.poll(states, { timeout: 5_000 }).toEqual(["taken", "no-longer-held"]);
    expect(await notice.textContent()).toContain(text.taken);
    expect(await seat(page, first[1]).getAttribute("data-status")).toBe("HELD");
    await screenshot(page, `hold-expiry-${suffix}-3-one-taken`);

    // One click holds the seat still free again.
    await notice.getByRole("button", { name: text.holdAgain }).click();
    await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
    await expect.poll(() => page.getByTestId("expired-hold").count()).toBe(0);
    const holds = await app.database.db.seatHold.findMany({
      where: { eventId },
      select: { eventSeatId: true, user: { select: { username: true } } },
    });
    expect(holds.map((hold) => [hold.eventSeatId, hold.user.username]).sort()).toEqual(
      [
        [first[0], `rival_${suffix}`],
        [second[0], `slow_${suffix}`],
      ].sort(),
    );
    await context.close();
  }, 90_000);
});
