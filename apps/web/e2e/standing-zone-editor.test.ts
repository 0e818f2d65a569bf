// Standing zones in the venue editor, in a real browser and checked in the database: an organizer
// adds a zone of 120 places (warned first while it would overlap a section), sees it listed as a
// standing zone and drawn as one area rather than 120 dots, the venue's size counting its places
// apart; a second zone of the same name is refused with the field named; a section typed over
// the zone is warned of; and the page reads in Traditional Chinese.
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { axeViolations, describeViolations } from "./axe";
import { launchBrowser, screenshot, screenshotDir } from "./browser";

const ORGANIZER = { username: "floor_keeper", password: "floor-keeper-2026" };

let app: AppServer;
let browser: Browser;
let venueId = "";
let draftId = "";

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
        // "Main": rows A–B of 5 seats, x 10–50, y 0–10; a draft event on it gets new places.
        const venue = await makeVenue(db, { ownerId: organizer.id });
        const draft = await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          status: "DRAFT",
        });
        venueId = venue.id;
        draftId = draft.id;
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

it("adds a standing zone of 120 places, lists and draws it, and refuses a duplicate name", async () => {
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

  const zoneForm = page.getByRole("form", { name: "Add a standing zone" });
  await expect
    .poll(() => zoneForm.textContent())
    .toContain("No seats: buyers choose how many places");
  await zoneForm.getByLabel("Zone name").fill("Floor");
  await zoneForm.getByLabel("Capacity (places)").fill("120");
  // Over Main's seats: warned of, and it cannot be added.
  await zoneForm.getByLabel("Front row (y)").fill("0");
  await expect.poll(() => page.getByTestId("zone-overlap").textContent()).toContain("“Main”");
  expect(await zoneForm.getByRole("button", { name: "Add standing zone" }).isDisabled()).toBe(true);
  // Three pitches behind Main's back row, 16 places across (the default for 120).
  await zoneForm.getByLabel("Front row (y)").fill("40");
  await expect.poll(() => page.getByTestId("zone-overlap").count()).toBe(0);
  await zoneForm.getByRole("button", { name: "Add standing zone" }).click();
  await expect
    .poll(() => statuses(page, "Standing zone Floor added with 120 places.").count())
    .toBe(1);

  // Listed as a zone, counted apart, drawn as one area: not a dot per place.
  await expect.poll(() => page.getByTestId("venue-section").count()).toBe(2);
  expect(await page.getByTestId("venue-section").nth(1).textContent()).toContain(
    "Floor: Standing zone · 120 places",
  );
  expect(await page.getByTestId("venue-size").textContent()).toBe(
    "2 sections, 10 seats and 120 standing places",
  );
  const zone = page.getByTestId("standing-zone");
  await expect.poll(() => zone.count()).toBe(1);
  expect(await zone.getAttribute("data-zone")).toBe("Floor");
  expect(await zone.textContent()).toContain("120 places");
  expect(await page.locator("[data-seat-id]").count()).toBeLessThanOrEqual(10 + 4);
  await screenshot(page, "standing-zone-added");
  // The page with its new card and the zone drawn has no accessibility violation.
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  // The area follows the map as it zooms (this small hall opens at the closest zoom already).
  const width = async () => (await zone.boundingBox())?.width ?? 0;
  const opened = await width();
  await page.getByRole("button", { name: "Zoom out" }).click();
  await expect.poll(width).toBeLessThan(opened * 0.85);
  await page.getByTestId("seat-map").screenshot({
    path: `${screenshotDir}/standing-zone-zoomed-out.png`,
  });
  const zoomedOut = await width();
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect.poll(width).toBeGreaterThan(zoomedOut * 1.2);

  // In the database: a STANDING section of places #1..#120, given to the draft event too.
  const floor = await db.section.findFirstOrThrow({
    where: { venueId, name: "Floor" },
    select: { kind: true, seats: { select: { rowLabel: true, number: true, label: true } } },
  });
  expect(floor.kind).toBe("STANDING");
  expect(floor.seats).toHaveLength(120);
  expect(new Set(floor.seats.map((place) => place.rowLabel))).toEqual(new Set(["#"]));
  expect(floor.seats.map((place) => place.number).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 120 }, (_, index) => index + 1),
  );
  expect(floor.seats.find((place) => place.number === 12)?.label).toBe("#12");
  expect(await db.eventSeat.count({ where: { eventId: draftId } })).toBe(130);

  // The same name again: refused, the field named, nothing added.
  await zoneForm.getByLabel("Zone name").fill("Floor");
  await zoneForm.getByLabel("Capacity (places)").fill("10");
  await zoneForm.getByRole("button", { name: "Add standing zone" }).click();
  await expect
    .poll(() => alerts(page, 'Name: This venue already has a section named "Floor".').count())
    .toBe(1);
  expect(await db.section.count({ where: { venueId } })).toBe(2);
  expect(await db.seat.count({ where: { venueId } })).toBe(130);
  await screenshot(page, "standing-zone-duplicate-name");

  // A section typed over the zone is warned of, as over any section.
  const sectionForm = page.getByRole("form", { name: "Add a section" });
  await sectionForm.getByLabel("Section name").fill("Balcony");
  await sectionForm.getByLabel("Front row (y)").fill("60");
  await expect.poll(() => page.getByTestId("section-overlap").textContent()).toContain("“Floor”");
  expect(await sectionForm.getByRole("button", { name: "Add section" }).isDisabled()).toBe(true);

  // In Traditional Chinese, on a phone.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect
    .poll(() => page.getByTestId("venue-section").nth(1).textContent())
    .toContain("Floor：站區 · 120 個站位");
  expect(await page.getByTestId("venue-size").textContent()).toBe(
    "2 個區域，10 個座位及 120 個站位",
  );
  await expect.poll(() => page.getByTestId("standing-zone").textContent()).toContain("120 個站位");
  await screenshot(page, "standing-zone-zh-tw-phone");
});
