// The venue editor's newer controls in a real browser (issue 16, item 7), each checked in the
// database: the venue's details edited in place; a whole section removed, refused while one of its
// seats is sold; a new section warned of and refused when it would overlap one already there
// (CONFLICT SECTIONS_OVERLAP when another tab added it meanwhile); and chosen seats of an event
// moved into another price tier, refused for a sold seat.
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, screenshot, screenshotDir } from "./browser";

const ORGANIZER = { username: "hall_keeper", password: "hall-keeper-2026" };

let app: AppServer;
let browser: Browser;
let venueId = "";
let eventId = "";

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
        // "Main": rows A–B of 5 seats at the front; "Balcony": one row of 5 further back.
        const venue = await makeVenue(db, { ownerId: organizer.id });
        await db.section.create({
          data: {
            venueId: venue.id,
            name: "Balcony",
            ordering: 1,
            seats: {
              create: [1, 2, 3, 4, 5].map((number) => ({
                venueId: venue.id,
                rowLabel: "A",
                number,
                label: `A-${number}`,
                x: number * 10,
                y: 100,
              })),
            },
          },
        });
        const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
        await db.priceTier.create({
          data: { eventId: event.id, name: "VIP", price: 2500, ordering: 1 },
        });
        // A buyer's seat in Main (the first one): Main cannot go while it is theirs.
        const sold = await db.eventSeat.findFirstOrThrow({
          where: { eventId: event.id, seat: { section: { name: "Main" } } },
          orderBy: [{ seat: { y: "asc" } }, { seat: { x: "asc" } }],
        });
        await db.eventSeat.update({ where: { id: sold.id }, data: { status: "SOLD" } });
        venueId = venue.id;
        eventId = event.id;
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const alerts = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });
const statuses = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

it("edits the venue, removes a section (not one with a sold seat) and refuses overlapping sections", async () => {
  const { db } = app.database;
  const page = await (
    await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" })
  ).newPage();
  await signInInBrowser(
    page,
    ORGANIZER.username,
    ORGANIZER.password,
    `/organizer/venues/${venueId}`,
  );

  // The details, edited in place.
  await page.getByText("Name, city and address").click();
  await page.getByLabel("Name", { exact: true }).fill("Harbour Hall");
  await page.getByLabel("Address").fill("2 Pier Road");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect.poll(() => statuses(page, "Venue details saved.").count()).toBe(1);
  await expect
    .poll(() => page.getByRole("heading", { level: 1 }).textContent())
    .toBe("Harbour Hall");
  expect(await db.venue.findUniqueOrThrow({ where: { id: venueId } })).toMatchObject({
    name: "Harbour Hall",
    address: "2 Pier Road",
  });

  // Main has a sold seat: refused, and nothing is removed.
  await page.getByRole("button", { name: "Remove section Main" }).click();
  await page.getByRole("button", { name: "Remove section", exact: true }).click();
  await expect.poll(() => alerts(page, "1 sold and 0 held seats").count()).toBe(1);
  expect(await db.seat.count({ where: { venueId, section: { name: "Main" } } })).toBe(10);
  await page.getByRole("button", { name: "Keep it" }).click();

  // Balcony goes, with its seats, from the event too.
  await page.getByRole("button", { name: "Remove section Balcony" }).click();
  await page.getByRole("button", { name: "Remove section", exact: true }).click();
  await expect.poll(() => statuses(page, "Section Balcony was removed.").count()).toBe(1);
  await expect.poll(() => page.getByTestId("venue-section").count()).toBe(1);
  expect(await db.section.count({ where: { venueId } })).toBe(1);
  expect(await db.eventSeat.count({ where: { eventId } })).toBe(10);

  // A section drawn on top of Main is warned of while typing and cannot be added.
  const add = page.getByRole("form", { name: "Add a section" });
  await add.getByLabel("Section name").fill("Floor");
  await add.getByLabel("Front row (y)").fill("0");
  await expect.poll(() => page.getByTestId("section-overlap").textContent()).toContain("“Main”");
  expect(await add.getByRole("button", { name: "Add section" }).isDisabled()).toBe(true);
  await screenshot(page, "venue-editor-overlap-warning");
  await add.getByLabel("Front row (y)").fill("200");
  await expect.poll(() => page.getByTestId("section-overlap").count()).toBe(0);

  // Meanwhile another tab put a section just there: the api refuses, and the page catches up.
  await db.section.create({
    data: {
      venueId,
      name: "Stage left",
      ordering: 2,
      seats: {
        create: [{ venueId, rowLabel: "A", number: 1, label: "A-1", x: 0, y: 200 }],
      },
    },
  });
  await add.getByRole("button", { name: "Add section" }).click();
  await expect.poll(() => alerts(page, `would overlap "Stage left"`).count()).toBe(1);
  expect(await db.section.count({ where: { venueId, name: "Floor" } })).toBe(0);
  await expect
    .poll(() => page.getByTestId("section-overlap").textContent())
    .toContain("“Stage left”");
  await expect.poll(() => page.getByTestId("venue-section").count()).toBe(2);
  await screenshot(page, "venue-editor-overlap-refused");

  // The same page in Traditional Chinese on a phone.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect.poll(() => page.getByTestId("venue-section").count()).toBe(2);
  await page.getByTestId("venue-section").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshotDir}/venue-editor-zh-tw-phone.png` });
});

it("moves chosen seats into another price tier, but not a sold one", async () => {
  const { db } = app.database;
  const page = await (
    await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" })
  ).newPage();
  await signInInBrowser(
    page,
    ORGANIZER.username,
    ORGANIZER.password,
    `/organizer/events/${eventId}/seats`,
  );
  const [sold, second, third, ...rest] = await db.eventSeat.findMany({
    where: { eventId },
    orderBy: [{ seat: { y: "asc" } }, { seat: { x: "asc" } }],
    select: { id: true, status: true },
  });
  expect(sold?.status).toBe("SOLD");
  const seat = (id: string | undefined) => page.locator(`[data-seat-id="${id}"]`);
  const vip = await db.priceTier.findFirstOrThrow({ where: { eventId, name: "VIP" } });

  await seat(sold?.id).click();
  await page.getByLabel("Price tier").selectOption("VIP");
  await page.getByRole("button", { name: "Move to tier" }).click();
  await expect.poll(() => page.getByTestId("seats-refused").textContent()).toContain("Sold");
  expect(await db.eventSeat.count({ where: { eventId, tierId: vip.id } })).toBe(0);

  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await seat(second?.id).click();
  await seat(third?.id).click();
  await page.getByRole("button", { name: "Move to tier" }).click();
  await expect
    .poll(() => page.getByRole("status").filter({ hasText: "now in VIP" }).textContent())
    .toBe("2 seats are now in VIP.");
  const moved = await db.eventSeat.findMany({ where: { eventId, tierId: vip.id } });
  expect(moved.map((row) => row.id).sort()).toEqual([second?.id, third?.id].sort());
  // The map catches up: the moved seats take VIP's colour, the others keep Standard's.
  const standard = await seat(rest[0]?.id).getAttribute("fill");
  await expect.poll(() => seat(second?.id).getAttribute("fill")).not.toBe(standard);
  await screenshot(page, "venue-editor-seats-moved-to-tier");
});
