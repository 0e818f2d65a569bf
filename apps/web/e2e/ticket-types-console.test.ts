// The organizer's ticket types (issue 15) in a real browser: from the event's tabs to its ticket
// types, where a type a buyer holds a seat as already shows it against its quota; "Student" (for
// the VIP tier, with a note) and "Early bird" (quota 50, sale ending in a week) are created and
// listed; a second "Student" is refused on the name field and creates nothing; the early bird's
// quota is changed, the held type's refused below what is held; the unused Student is deleted after confirming; the held type cannot be
// deleted and the page says why, in English and in Chinese; the sales page lists the types.
// Screenshots on a desktop and a phone.
import { formatVenueTime, venueTimeToUtc } from "@openticket/api/venue-time";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { axeViolations, describeViolations } from "./axe";
import { launchBrowser, screenshot } from "./browser";

const ORGANIZER = { username: "type_setter", password: "type-setter-2026" };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const TAIPEI = "Asia/Taipei";

let app: AppServer;
let browser: Browser;
let eventId: string;
let vipTierId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
        const buyer = await makeUser(db, {});
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 4 });
        const event = await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          startsAt: new Date(Date.now() + 30 * 24 * 3600_000),
        });
        eventId = event.id;
        vipTierId = (
          await db.priceTier.create({ data: { eventId, name: "VIP", price: 3000, ordering: 1 } })
        ).id;
        // A buyer holds two seats as "Group" (quota 10): the type is in use.
        const group = await db.ticketType.create({
          data: { eventId, name: "Group", price: 700, quota: 10 },
        });
        const seats = await db.eventSeat.findMany({ where: { eventId }, take: 2 });
        await db.seatHold.createMany({
          data: seats.map((seat) => ({
            eventSeatId: seat.id,
            eventId,
            userId: buyer.id,
            price: 700,
            ticketTypeId: group.id,
            expiresAt: new Date(Date.now() + 3600_000),
          })),
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

/** One type's row, found by its name. */
function rowOf(page: Page, name: string) {
  return page
    .getByTestId("ticket-type")
    .filter({ has: page.getByTestId("ticket-type-name").getByText(name, { exact: true }) });
}

it("creates, refuses a repeated name, edits and deletes ticket types", async () => {
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
  await page.getByRole("link", { name: "Ticket types" }).click();
  await page.waitForURL(/\/ticket-types$/);
  await expect.poll(() => page.getByText("Besides each price tier's own price").count()).toBe(1);

  const rows = page.getByTestId("ticket-type");
  const cell = (name: string, testId: string) =>
    rowOf(page, name).getByTestId(testId).textContent();
  await expect.poll(() => rows.count()).toBe(1);
  expect(await cell("Group", "ticket-type-quota")).toBe("0 + 2 / 10");
  expect(await cell("Group", "ticket-type-seats")).toBe("All seats");
  expect(await cell("Group", "ticket-type-window")).toBe("While the event is on sale");

  const form = page.getByRole("region", { name: "New ticket type" });
  const create = async (fields: Record<string, string>, tier?: string) => {
    for (const [label, value] of Object.entries(fields)) {
      await form.getByLabel(label, { exact: true }).fill(value);
    }
    if (tier) await form.getByLabel("Sold for").selectOption({ label: tier });
    await form.getByRole("button", { name: "Create type" }).click();
  };

  // Student: for the VIP seats only, with a note.
  await create(
    { Name: "Student", "Price (TWD)": "500", "Note for buyers": "Bring your student ID." },
    "VIP seats (NT$3,000)",
  );
  await expect.poll(() => rows.count()).toBe(2);
  expect(await cell("Student", "ticket-type-price")).toBe("NT$500");
  expect(await cell("Student", "ticket-type-seats")).toBe("VIP");
  expect(await cell("Student", "ticket-type-note")).toBe("Bring your student ID.");
  expect(await cell("Student", "ticket-type-quota")).toBe("0 + 0 · No limit");
  expect(await form.getByRole("status").textContent()).toBe("Student was created.");

  // Early bird: any seat, 50 at most, on sale until 23:59 (Taipei) a week from now.
  const weekOn = formatVenueTime(new Date(Date.now() + 7 * 24 * 3600_000), TAIPEI).slice(0, 10);
  const endsAt = `${weekOn}T23:59`;
  await create({ Name: "Early bird", "Price (TWD)": "800", Quota: "50", "Sale ends": endsAt });
  await expect.poll(() => rows.count()).toBe(3);
  expect(await cell("Early bird", "ticket-type-quota")).toBe("0 + 0 / 50");
  expect(await cell("Early bird", "ticket-type-seats")).toBe("All seats");
  const endShown = new Intl.DateTimeFormat("en-US", {
    dateStyle: "medium",
    timeZone: TAIPEI,
  }).format(venueTimeToUtc(endsAt, TAIPEI) as Date);
  expect(await cell("Early bird", "ticket-type-window")).toMatch(
    new RegExp(`^Until ${endShown}, 11:59\\sPM$`),
  );

  const stored = await db.ticketType.findMany({
    where: { eventId },
    orderBy: { ordering: "asc" },
    select: { name: true, price: true, tierId: true, quota: true, salesEndAt: true, note: true },
  });
  expect(stored.slice(1)).toEqual([
    {
      name: "Student",
      price: 500,
      tierId: vipTierId,
      quota: null,
      salesEndAt: null,
      note: "Bring your student ID.",
    },
    {
      name: "Early bird",
      price: 800,
      tierId: null,
      quota: 50,
      salesEndAt: venueTimeToUtc(endsAt, TAIPEI),
      note: "",
    },
  ]);

  // The same name again: refused on the name field, nothing created.
  await create({ Name: "Student", "Price (TWD)": "400" });
  await expect
    .poll(() => page.locator("#name-error").textContent())
    .toBe('This event already has a ticket type named "Student".');
  expect(await form.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  expect(await db.ticketType.count({ where: { eventId } })).toBe(3);
  await screenshot(page, "ticket-types-en-desktop");
  expect(describeViolations(await axeViolations(page))).toBe("");

  // The early bird's quota: 50 → 40, in its editor.
  const early = rowOf(page, "Early bird");
  await early.getByText("Edit", { exact: true }).click();
  await early.getByLabel("Quota", { exact: true }).fill("40");
  await early.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => cell("Early bird", "ticket-type-quota")).toBe("0 + 0 / 40");
  expect(
    await db.ticketType.findFirstOrThrow({
      where: { eventId, name: "Early bird" },
      select: { quota: true, price: true, salesEndAt: true },
    }),
  ).toEqual({ quota: 40, price: 800, salesEndAt: venueTimeToUtc(endsAt, TAIPEI) });
  await screenshot(page, "ticket-types-en-edited");

  // Group's quota cannot go below its two held seats: refused on the editor's quota field.
  const group = rowOf(page, "Group");
  await group.getByText("Edit", { exact: true }).click();
  await group.getByLabel("Quota", { exact: true }).fill("1");
  await group.getByRole("button", { name: "Save changes" }).click();
  await expect
    .poll(() => group.locator(`[id$="quota-error"]`).textContent())
    .toBe("The quota cannot be below the 2 tickets already held or sold.");
  expect(await group.getByLabel("Quota", { exact: true }).getAttribute("aria-invalid")).toBe(
    "true",
  );
  expect(await db.ticketType.findFirstOrThrow({ where: { eventId, name: "Group" } })).toMatchObject(
    { quota: 10 },
  );
  await group.getByText("Edit", { exact: true }).click();

  // Student, unused, is deleted after confirming.
  await page.getByRole("button", { name: "Delete Student" }).click();
  expect(await rowOf(page, "Student").textContent()).toContain(
    "Delete Student? Buyers can no longer choose it.",
  );
  await rowOf(page, "Student").getByRole("button", { name: "Yes, delete" }).click();
  await expect.poll(() => rows.count()).toBe(2);
  expect(await db.ticketType.count({ where: { eventId, name: "Student" } })).toBe(0);

  // Group has a held seat: refused, and the row says why.
  await page.getByRole("button", { name: "Delete Group" }).click();
  await rowOf(page, "Group").getByRole("button", { name: "Yes, delete" }).click();
  await expect
    .poll(() => rowOf(page, "Group").getByRole("alert").textContent())
    .toBe("Tickets of this type are held or sold; end its sale instead of deleting it.");
  expect(await db.ticketType.count({ where: { eventId, name: "Group" } })).toBe(1);
  await page.setViewportSize(PHONE);
  await screenshot(page, "ticket-types-en-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );

  // In Chinese on a phone: the list, and the same refusal translated.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.reload();
  await expect.poll(() => page.getByRole("heading", { name: "票種", exact: true }).count()).toBe(1);
  expect(await cell("Group", "ticket-type-seats")).toBe("所有座位");
  expect(await cell("Group", "ticket-type-window")).toBe("與活動販售期間相同");
  await page.getByRole("button", { name: "刪除 Group" }).click();
  await rowOf(page, "Group").getByRole("button", { name: "確定刪除" }).click();
  await expect
    .poll(() => rowOf(page, "Group").getByRole("alert").textContent())
    .toBe("此票種已有保留或售出的票券；請改為結束販售，而非刪除。");
  await screenshot(page, "ticket-types-zh-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  expect(await db.ticketType.count({ where: { eventId } })).toBe(2);

  // The sales page lists the tier's own price and each type, nothing sold yet.
  await page.getByRole("link", { name: "銷售" }).click();
  await page.waitForURL(/\/sales$/);
  const byType = page.getByTestId("sales-type");
  await expect.poll(() => byType.count()).toBe(3);
  expect(await byType.allTextContents()).toEqual([
    expect.stringMatching(/^票價等級原價/),
    expect.stringMatching(/^Group/),
    expect.stringMatching(/^Early bird/),
  ]);
  await screenshot(page, "ticket-types-sales-zh-phone");
  await context.close();
}, 120_000);
