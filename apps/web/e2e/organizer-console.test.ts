// The organizer console in a real browser against `next start`, on a fresh database: an
// organizer builds a small venue, creates and publishes an event with two price tiers; a buyer
// buys two seats through the normal flow; the organizer sees the sale live, finds the buyer among
// the attendees, exports them as CSV, blocks a seat (the buyer's map shows it blocked and a
// hold on it fails), and cancels the event, which refunds the buyer in full.
import { readFile } from "node:fs/promises";
import { hashPassword } from "@openticket/db/password";
import { makeUser } from "@openticket/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signUpInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const ORGANIZER = { username: "stage_door", password: "stage-door-2026" };
const BUYER = { username: "front_row_fan", password: "front-row-2026" };
const TITLE = "Harbour Lights Quartet";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function newContext(): Promise<BrowserContext> {
  return browser.newContext({ baseURL: app.baseUrl, locale: "en-US", viewport: DESKTOP });
}

const seat = (page: Page, id: string | undefined) => page.locator(`[data-seat-id="${id}"]`);
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

it("builds a venue, sells an event, manages its seats and cancels it with refunds", async () => {
  const { db } = app.database;
  const organizerContext = await newContext();
  const page = await organizerContext.newPage();

  // Signing in on the way to the console; the dashboard starts empty.
  await page.goto("/organizer");
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Username or e-mail").fill(ORGANIZER.username);
  await page.getByLabel("Password").fill(ORGANIZER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.baseUrl}/organizer`);
  await expect.poll(() => page.getByTestId("empty-state").count()).toBe(1);
  await screenshot(page, "40-organizer-dashboard-empty");

  // A venue with one generated section of 3 rows × 6 seats.
  await page.getByRole("link", { name: "Venues", exact: true }).first().click();
  await page.waitForURL(/\/organizer\/venues$/);
  await page.getByRole("link", { name: "New venue" }).click();
  await page.getByLabel("Name").fill("Riverside Hall");
  await page.getByLabel("City", { exact: true }).fill("Kaohsiung");
  await page.getByLabel("Address").fill("1 River Road");
  await page.getByRole("button", { name: "Create venue" }).click();
  await page.waitForURL(/\/organizer\/venues\/[0-9a-f-]{36}$/);
  await page.getByLabel("Section name").fill("Floor");
  await page.getByLabel("Rows", { exact: true }).fill("3");
  await page.getByLabel("Seats per row").fill("6");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect.poll(() => page.locator("[data-seat-id]").count()).toBe(18);

  // A CSV with a mistake is refused line by line.
  await page
    .getByLabel("CSV", { exact: true })
    .fill("section,row,number,x,y\nBalcony,A,one,0,100\n");
  await page.getByRole("button", { name: "Import layout" }).click();
  await expect
    .poll(() => page.getByTestId("import-errors").textContent())
    .toContain("Line 2: number must be a positive integer.");

  // An aisle seat taken out, picked on the map.
  const venue = await db.venue.findFirstOrThrow({
    where: { name: "Riverside Hall" },
    include: { seats: { orderBy: [{ y: "desc" }, { x: "desc" }] } },
  });
  await seat(page, venue.seats[0]?.id).click();
  await page.getByRole("button", { name: "Remove 1 seat" }).click();
  await expect.poll(() => page.locator("[data-seat-id]").count()).toBe(17);
  await screenshot(page, "41-organizer-venue");

  // The event: two tiers, the section sold as VIP, times typed in Taipei.
  await page.goto("/organizer/events/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Performer").fill("The Harbour Four");
  await page.getByLabel("Starts").fill("2030-06-01T19:30");
  await page.getByLabel("Ends").fill("2030-06-01T22:00");
  await page.getByRole("button", { name: "Add a tier" }).click();
  await page.getByLabel("Tier 2 name").fill("VIP");
  await page.getByLabel("Price (TWD)").nth(1).fill("2500");
  await page.getByLabel(/^Floor \(17 seats\)/).selectOption("VIP");
  await screenshot(page, "42-organizer-new-event");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/organizer\/events\/[0-9a-f-]{36}$/);
  const eventId = page.url().split("/").at(-1) ?? "";
  const stored = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  expect(stored.startsAt.toISOString()).toBe("2030-06-01T11:30:00.000Z");
  expect(await page.getByTestId("event-status").first().getAttribute("data-status")).toBe("DRAFT");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect
    .poll(() => page.getByTestId("event-status").first().getAttribute("data-status"))
    .toBe("PUBLISHED");
  await screenshot(page, "43-organizer-event-overview");

  // The buyer buys two seats of the front row through the normal flow.
  const eventSeats = await db.eventSeat.findMany({
    where: { eventId },
    orderBy: [{ seat: { y: "asc" } }, { seat: { x: "asc" } }],
    select: { id: true },
  });
  const [first, second, third] = eventSeats.map((row) => row.id);
  // The buyer's map names seats by their position in the layout.
  const positionOf = await seatPositions(db, eventId);
  const buyerSeat = (page: Page, id: string | undefined) =>
    page.locator(`[data-seat-id="${positionOf.get(id ?? "")}"]`);
  const buyerContext = await newContext();
  const buyer = await buyerContext.newPage();
  await signUpInBrowser(buyer, app.mail, BUYER);
  await buyer.goto(`/events/${eventId}/seats`);
  await expect.poll(() => buyer.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  await buyerSeat(buyer, first).click();
  await buyerSeat(buyer, second).click();
  await buyer.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(() => buyer.getByTestId("held-seats").count()).toBe(1);
  await buyer.getByRole("link", { name: "Continue to checkout" }).click();
  await buyer.waitForURL(/\/checkout$/);
  await buyer.getByRole("button", { name: /^Pay / }).click();
  await payOnDemoPage(buyer, /^Pay NT\$/);
  await expect.poll(() => buyer.getByTestId("ticket-qr").count()).toBe(2);
  const orderUrl = buyer.url();

  // The sale shows on the sales page (live) and the buyer among the attendees.
  await page.getByRole("link", { name: "Sales", exact: true }).click();
  await page.waitForURL(/\/sales$/);
  await expect
    .poll(() => page.getByTestId("figure-ticketsSold").locator("dd").textContent())
    .toBe("2");
  expect(await page.getByTestId("figure-net").textContent()).toContain("5,000");
  await expect
    .poll(() => page.getByTestId("chart-by-day").locator(".chart-bar").count(), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  // A column (net money) and a dot on the tickets line per day.
  expect(await page.getByTestId("chart-by-day").locator(".chart-bar").count()).toBe(
    await page.getByTestId("chart-by-day").locator(".chart-dot").count(),
  );
  // Paid without a discount code: the codes' table says none was used.
  expect(await page.getByTestId("sales-by-code-empty").textContent()).toBe(
    "No order has used a discount code yet.",
  );
  await screenshot(page, "44-organizer-sales");

  await page.getByRole("link", { name: "Attendees", exact: true }).click();
  await page.waitForURL(/\/attendees$/);
  const attendee = page.getByTestId("attendee-row");
  await expect.poll(() => attendee.count()).toBe(1);
  expect(await attendee.textContent()).toContain(`${BUYER.username}@example.com`);
  await page.getByLabel("Search", { exact: true }).fill("nobody-like-this");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/q=nobody-like-this/);
  await expect.poll(() => page.getByTestId("empty-state").count()).toBe(1);
  await page.goto(`/organizer/events/${eventId}/attendees?q=${BUYER.username}`);
  await attendee.first().waitFor({ state: "visible" });
  await expect.poll(() => attendee.count()).toBe(1);
  await screenshot(page, "45-organizer-attendees");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`attendees-${eventId}.csv`);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFForder_id,ordered_at,name,email,phone,section,seat,tier,")).toBe(
    true,
  );
  const lines = csv.trimEnd().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`${BUYER.username}@example.com`);
  expect(lines[1]).toContain(",Floor,");
  // Price paid, no discount code, nothing taken off, status.
  expect(lines[1]).toContain(",VIP,2500,,0,VALID,");

  // Seats: a sold seat cannot be blocked (the refusal names it); an available one can.
  await page.getByRole("link", { name: "Seats", exact: true }).click();
  await page.waitForURL(/\/seats$/);
  expect(await seat(page, first).getAttribute("data-status")).toBe("SOLD");
  await seat(page, first).click();
  await seat(page, third).click();
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect.poll(() => page.getByTestId("seats-refused").textContent()).toContain("Sold");
  expect(await seat(page, third).getAttribute("data-status")).toBe("SELECTED");
  await screenshot(page, "46-organizer-seats-refused");
  await seat(page, first).click();
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect.poll(() => page.getByRole("status").textContent()).toContain("1 seat blocked");
  await expect.poll(() => seat(page, third).getAttribute("data-status")).toBe("BLOCKED");
  await screenshot(page, "47-organizer-seats");
  await page.setViewportSize(PHONE);
  await page.reload();
  // Streamed content arrives hidden first; wait for it to be shown.
  await seat(page, third).waitFor({ state: "visible" });
  expect(await seat(page, third).getAttribute("data-status")).toBe("BLOCKED");
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, "47-organizer-seats-phone");
  await page.setViewportSize(DESKTOP);

  // The buyer's map shows the seat blocked, and holding it is refused.
  await buyer.goto(`/events/${eventId}/seats`);
  await expect.poll(() => buyerSeat(buyer, third).getAttribute("data-status")).toBe("BLOCKED");
  const hold = await buyer.evaluate(
    async (input) => {
      const response = await fetch("/api/trpc/reservation.hold", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return response.status;
    },
    { eventId, seatIds: [third] },
  );
  expect(hold).toBe(409);

  // Analytics: utilisation and the heat map; the comparison across events.
  await page.goto(`/organizer/events/${eventId}/analytics`);
  await page.getByTestId("heat-map").waitFor({ state: "visible" });
  // Every seat is a dot: one "M x y" per seat in the paths, one path per colour.
  const dotsDrawn = async () => {
    const paths = await page.getByTestId("heat-map").locator("path").all();
    const shapes = await Promise.all(paths.map((path) => path.getAttribute("d")));
    return shapes.join("").split("M").length - 1;
  };
  await expect.poll(dotsDrawn).toBe(17);
  expect(await page.getByTestId("figure-sold").textContent()).toContain("2 / 16");
  await screenshot(page, "48-organizer-analytics");
  await page.goto("/organizer/analytics");
  await expect
    .poll(() => page.getByTestId("chart-comparison").locator(".chart-bar").count(), {
      timeout: 15_000,
    })
    .toBe(1);
  await screenshot(page, "49-organizer-comparison");

  // The dashboard lists the event with its figures, on a desktop and on a phone.
  await page.goto("/organizer");
  const row = page.getByTestId("organizer-event-row");
  await row.first().waitFor({ state: "visible" });
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.textContent()).toContain("2 / 16");
  await screenshot(page, "4a-organizer-dashboard");
  await page.setViewportSize(PHONE);
  await page.reload();
  await row.waitFor({ state: "visible" });
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, "4a-organizer-dashboard-phone");
  await page.setViewportSize(DESKTOP);

  // Cancelling asks first, then says what was refunded; the buyer sees the refund.
  await page.goto(`/organizer/events/${eventId}`);
  await page.getByRole("button", { name: "Cancel event" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel “${TITLE}”?` });
  expect(await dialog.textContent()).toContain("refunded in full");
  await screenshot(page, "4b-organizer-cancel-dialog");
  await dialog.getByRole("button", { name: "Cancel and refund everyone" }).click();
  await expect
    .poll(() => page.getByTestId("cancel-result").textContent())
    .toContain("1 order is being refunded in full");
  await expect
    .poll(() => page.getByTestId("event-status").first().getAttribute("data-status"))
    .toBe("CANCELLED");
  await screenshot(page, "4b-organizer-cancelled");
  // The refunds run as a job of the server's queue: within moments the buyer's order shows it.
  await expect
    .poll(async () => {
      await buyer.goto(orderUrl);
      return buyer.getByTestId("refund-summary").count();
    })
    .toBe(1);
  expect(await buyer.getByTestId("refund-summary").textContent()).toContain("5,000");
  await screenshot(buyer, "4c-organizer-buyer-refunded");

  // The console in Traditional Chinese.
  await organizerContext.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.goto("/organizer");
  await page.getByRole("heading", { level: 1, name: "我的活動" }).waitFor({ state: "visible" });
  await screenshot(page, "4d-organizer-dashboard-zh-tw");

  await buyerContext.close();
  await organizerContext.close();
}, 240_000); // One long journey: about 80 s on an idle 2-core machine, more when it is shared.
