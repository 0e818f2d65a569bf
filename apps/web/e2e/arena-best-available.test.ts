// Issue 15's browser journey on the demo data: on the Taipei Arena (the demo's biggest room,
// 5,000+ seats, opening on its sections), the demo attendee asks for the best 4 seats in Floor A
// at one click. They are held side by side in one row of Floor A, the map zooms to them, and
// they are the buyer's own on it.
import { seedDemoData } from "@openticket/db/seed";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";
import { browserCookies, mainPages, signedInCookie } from "./main-pages";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({ prepare: async ({ db }) => void (await seedDemoData(db)) }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("holds the best 4 seats in Floor A on the arena, side by side, and shows them on the map", async () => {
  const { db } = app.database;
  const pages = await mainPages(db);
  const seats = pages.find((page) => page.name === "seats");
  const attendee = pages.find((page) => page.name === "orders")?.as;
  if (!seats || !attendee) throw new Error("the demo data has no arena or attendee");
  const eventId = seats.path.split("/")[2] ?? "";
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  await context.addCookies(
    browserCookies(app.baseUrl, await signedInCookie(app.baseUrl, attendee)),
  );
  const page = await context.newPage();
  await page.goto(seats.path);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  const map = page.getByTestId("seat-map");
  expect(await map.getAttribute("data-mode")).toBe("sections");

  const panel = page.getByTestId("best-available");
  await panel.getByLabel("Seats", { exact: true }).selectOption("4");
  await panel.getByRole("button", { name: "Best 4 seats available in Floor A" }).click();
  const held = page.getByTestId("held-seats");
  await expect.poll(() => held.locator("li").count(), { timeout: 15_000 }).toBe(4);
  expect(await page.getByTestId("best-notice").textContent()).toMatch(/^Held for you in Floor A: /);

  // The database agrees: 4 seats of Floor A, one row, numbered one after another.
  const holds = await db.seatHold.findMany({
    where: { eventId, user: { username: attendee.username } },
    select: {
      eventSeat: {
        select: {
          seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } },
        },
      },
    },
  });
  const chosen = holds.map((hold) => hold.eventSeat.seat).sort((a, b) => a.number - b.number);
  expect(chosen).toHaveLength(4);
  expect(new Set(chosen.map((seat) => `${seat.section.name} ${seat.rowLabel}`)).size).toBe(1);
  expect(chosen[0]?.section.name).toBe("Floor A");
  const first = chosen[0]?.number ?? 0;
  expect(chosen.map((seat) => seat.number)).toEqual([first, first + 1, first + 2, first + 3]);

  // The map zoomed to Floor A by itself; there the 4 seats are the buyer's.
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  await expect.poll(() => page.locator("[data-status=MINE]").count()).toBe(4);
  await screenshot(page, "arena-best-4-floor-a");
  await context.close();
}, 120_000);
