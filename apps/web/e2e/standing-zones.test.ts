// Standing zones in the buyer's browser (issue 15): at a concert with seats and a standing floor,
// a buyer asks for 3 floor places (getting the lowest entry numbers), picks a seat on the map,
// and pays for all four in one order, which names the places by entry number. A talk with only
// a standing zone has no map at all: how many places, then checkout — on a phone, in Chinese;
// and with ticket types: 2 General + 1 Student (its note shown), one General then changed to
// Student in the held list, paid with a discount code.
import { createCaller, createContext, type SessionUser } from "@openticket/api";
import type { Db } from "@openticket/db";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

const BUYER = { username: "floor_fan", password: "floor-fan-2026" };
const STUDENT = { username: "talk_fan", password: "talk-fan-2026" };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let app: AppServer;
let browser: Browser;
let concertId: string;
let talkId: string;

/** A standing zone of `capacity` places (#1…) below the venue's seats, added as the editor does. */
async function addStandingZone(
  db: Db,
  organizer: SessionUser,
  venueId: string,
  name: string,
  capacity: number,
) {
  const api = createCaller(createContext({ db, user: organizer }));
  return api.organizer.venues.addStandingZone({
    venueId,
    name,
    capacity,
    origin: { x: 0, y: 200 },
  });
}

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, { role: "ORGANIZER" });
        const hall = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 6 });
        await addStandingZone(db, organizer, hall.id, "Floor", 40);
        concertId = (
          await makeEvent(db, { organizerId: organizer.id, venueId: hall.id, price: 1800 })
        ).id;
        const room = await db.venue.create({
          data: { ownerId: organizer.id, name: "Room 301", city: "Taipei", address: "1 Talk Rd" },
        });
        await addStandingZone(db, organizer, room.id, "General admission", 30);
        talkId = (await makeEvent(db, { organizerId: organizer.id, venueId: room.id, price: 300 }))
          .id;
        await db.event.update({ where: { id: talkId }, data: { title: "Talk: Typed SQL" } });
        await db.priceTier.updateMany({ where: { eventId: talkId }, data: { name: "General" } });
        await db.ticketType.create({
          data: { eventId: talkId, name: "Student", price: 200, note: "Bring your student ID." },
        });
        await db.discountCode.create({
          data: {
            organizerId: organizer.id,
            eventId: talkId,
            code: "TALK10",
            kind: "PERCENT",
            value: 10,
          },
        });
        for (const buyer of [BUYER, STUDENT]) {
          await makeUser(db, {
            username: buyer.username,
            passwordHash: await hashPassword(buyer.password),
          });
        }
      },
    }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("sells 3 floor places by quantity and a seat from the map in one order", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await signInInBrowser(page, BUYER.username, BUYER.password);
  await page.goto(`/events/${concertId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  const zones = page.getByTestId("standing-zones");
  expect(await zones.innerText()).toContain("40 places left");
  // The map draws the 6 seats, and the floor as one area with what is left, not 40 places.
  expect(await page.locator("[data-seat-id]").count()).toBe(6);
  const floorArea = page.locator('[data-testid="map-standing-zone"][data-zone="Floor"]');
  expect(await floorArea.textContent()).toBe("Floor40 places left");

  await zones.getByTestId("zone-quantity").selectOption("3");
  await zones.getByRole("button", { name: "Hold 3 places in Floor" }).click();
  await expect
    .poll(() => page.getByTestId("standing-notice").textContent())
    .toBe("Held for you in Floor: places #1, #2, #3.");
  await expect.poll(() => zones.innerText()).toContain("37 places left");
  await expect.poll(() => floorArea.textContent()).toBe("Floor37 places left");

  const seat = [...(await seatPositions(app.database.db, concertId)).values()][0];
  await page.locator(`[data-seat-id="${seat}"]`).click();
  await page.getByRole("button", { name: "Hold seats", exact: true }).first().click();
  const held = page.getByTestId("held-seats");
  await expect.poll(() => held.locator("li").count()).toBe(4);
  expect(await held.innerText()).toContain("#1 · Floor");
  await screenshot(page, "standing-zone-held-desktop");

  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await expect.poll(() => page.getByTestId("checkout-total").textContent()).toBe("NT$7,200");
  await page.getByRole("button", { name: "Pay NT$7,200" }).click();
  await payOnDemoPage(page, /^Pay NT\$7,200$/);
  const tickets = page.getByTestId("ticket");
  await expect.poll(() => tickets.count(), { timeout: 20_000 }).toBe(4);
  const names = await tickets.locator("span.font-semibold").allInnerTexts();
  expect(names.filter((name) => name.startsWith("Standing, entry")).sort()).toEqual([
    "Standing, entry #1",
    "Standing, entry #2",
    "Standing, entry #3",
  ]);
  await screenshot(page, "standing-zone-order");

  const sold = await app.database.db.ticket.findMany({
    where: { order: { eventId: concertId } },
    select: { eventSeat: { select: { seat: { select: { label: true, section: true } } } } },
  });
  expect(sold.map((ticket) => ticket.eventSeat.seat.section.kind).sort()).toEqual([
    "SEATED",
    "STANDING",
    "STANDING",
    "STANDING",
  ]);
  await context.close();
}, 120_000);

it("sells a talk's places with no map, on a phone, in Chinese", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await signInInBrowser(page, BUYER.username, BUYER.password);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.goto(`/events/${talkId}/seats`);
  await expect.poll(() => page.getByRole("heading", { name: "選擇票券" }).count()).toBe(1);
  const zones = page.getByTestId("standing-zones");
  await expect.poll(() => zones.count(), { timeout: 15_000 }).toBe(1);
  expect(await zones.innerText()).toContain("剩餘 30 個位置");
  expect(await page.locator("[data-seat-id]").count()).toBe(0);
  expect(await page.getByTestId("seat-map-loading").count()).toBe(0);

  await zones.getByTestId("zone-quantity").selectOption("2");
  await zones.getByTestId("zone-add").click();
  await expect
    .poll(() => page.getByTestId("standing-notice").textContent())
    .toBe("已為您保留 General admission 的序號 #1, #2。");
  await expect.poll(() => page.getByTestId("held-seats").locator("li").count()).toBe(2);
  await screenshot(page, "standing-only-talk-zh-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  const holds = await app.database.db.seatHold.count({ where: { eventId: talkId } });
  expect(holds).toBe(2);
  await context.close();
}, 120_000);

it("sells a talk's places by ticket type, changed while held, with a discount code", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await signInInBrowser(page, STUDENT.username, STUDENT.password);
  await page.goto(`/events/${talkId}/seats`);
  const zones = page.getByTestId("standing-zones");
  await expect.poll(() => zones.count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => zones.getByTestId("ticket-type").count()).toBe(1);

  await zones.getByTestId("zone-quantity").selectOption("2");
  await zones.getByTestId("zone-add").click();
  const held = page.getByTestId("held-seats");
  await expect.poll(() => held.locator("li").count()).toBe(2);
  await zones.getByTestId("zone-quantity").selectOption("1");
  await zones.getByTestId("ticket-type").selectOption({ label: "Student · NT$200" });
  expect(await zones.innerText()).toContain("Bring your student ID.");
  await zones.getByTestId("zone-add").click();
  await expect.poll(() => held.locator("li").count()).toBe(3);
  await expect.poll(() => held.innerText()).toContain("NT$800");
  // Each held place says what it is bought as.
  const types = held.getByTestId("ticket-type");
  await expect
    .poll(async () =>
      (
        await types.evaluateAll((selects) =>
          selects.map((select) => (select as HTMLSelectElement).selectedOptions[0]?.text ?? ""),
        )
      ).sort(),
    )
    .toEqual(["General · NT$300", "General · NT$300", "Student · NT$200"]);
  await screenshot(page, "ticket-types-held-desktop");
  // A held place's type changed in the held list: held again as Student, at its price.
  await types.first().selectOption({ label: "Student · NT$200" });
  await expect.poll(() => held.innerText()).toContain("NT$700");
  expect(await page.getByTestId("seat-notice").count()).toBe(0);

  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  const total = page.getByTestId("checkout-total");
  await expect.poll(() => total.textContent()).toBe("NT$700");
  expect(await page.getByTestId("checkout-seats").innerText()).toContain("Student");
  await page.getByLabel("Discount code").fill("TALK10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => total.textContent()).toBe("NT$630");
  await page.getByRole("button", { name: "Pay NT$630" }).click();
  await payOnDemoPage(page, /^Pay NT\$630$/);
  const tickets = page.getByTestId("ticket");
  await expect.poll(() => tickets.count(), { timeout: 20_000 }).toBe(3);
  expect(await page.locator("main").innerText()).toContain("General admission · Student ·");
  await screenshot(page, "ticket-types-order");

  const sold = await app.database.db.ticket.findMany({
    where: { order: { eventId: talkId, user: { username: STUDENT.username } } },
    select: { pricePaid: true, ticketType: { select: { name: true } } },
  });
  expect(sold.map((ticket) => ticket.ticketType?.name ?? "General").sort()).toEqual([
    "General",
    "Student",
    "Student",
  ]);
  expect(sold.reduce((sum, ticket) => sum + ticket.pricePaid, 0)).toBe(630);
  await context.close();
}, 120_000);
