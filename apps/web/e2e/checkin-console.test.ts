// The organizer's door check-in page (issue 17) in a real browser against `next start`: the
// organizer opens it from the event's tabs (nobody in yet), invites door staff by e-mail (an
// unknown address and a second invitation are refused in words), the invited person scans over
// HTTP as the check-in app does, and the page's counts and latest admissions follow without a
// reload; the organizer undoes a scan and removes the staff member. Headings in en and zh-TW.
import { randomUUID } from "node:crypto";
import type { Db } from "@openticket/db";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { SessionClient } from "../test/session-client";
import { signInInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";

const PASSWORD = "check-in-console-2026";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let app: AppServer;
let browser: Browser;
let organizer: { username: string };
let staff: { id: string; username: string; email: string; displayName: string };
let eventId: string;
let tickets: { id: string; code: string }[];

/** A venue's second section, so the counts have more than one row. */
async function addBalcony(db: Db, venueId: string) {
  const section = await db.section.create({ data: { venueId, name: "Balcony", ordering: 1 } });
  await db.seat.createMany({
    data: [1, 2].map((number) => ({
      venueId,
      sectionId: section.id,
      rowLabel: "BA",
      number,
      label: `BA-${number}`,
      x: number * 10,
      y: 100,
    })),
  });
}

/** A paid order of one ticket per seat of the event, written as a checkout leaves it. */
async function sellAll(db: Db, eventId: string, buyerId: string) {
  const seats = await db.eventSeat.findMany({
    where: { eventId },
    select: { id: true, tier: { select: { price: true } } },
  });
  const order = await db.order.create({
    data: {
      userId: buyerId,
      eventId,
      status: "PAID",
      total: seats.reduce((sum, seat) => sum + seat.tier.price, 0),
      idempotencyKey: randomUUID(),
      tickets: {
        create: seats.map((seat) => ({
          eventSeatId: seat.id,
          pricePaid: seat.tier.price,
          code: randomUUID().replaceAll("-", ""),
        })),
      },
    },
    select: {
      tickets: {
        select: { id: true, code: true },
        orderBy: { eventSeat: { seat: { label: "asc" } } },
      },
    },
  });
  await db.eventSeat.updateMany({ where: { eventId }, data: { status: "SOLD" } });
  return order.tickets;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const passwordHash = await hashPassword(PASSWORD);
        const owner = await makeUser(db, { role: "ORGANIZER", passwordHash });
        organizer = owner;
        staff = await makeUser(db, { passwordHash });
        const venue = await makeVenue(db, { ownerId: owner.id, rows: 2, seatsPerRow: 3 });
        await addBalcony(db, venue.id);
        const event = await makeEvent(db, {
          organizerId: owner.id,
          venueId: venue.id,
          title: "Night Market Strings",
        });
        eventId = event.id;
        tickets = await sellAll(db, event.id, (await makeUser(db)).id);
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newContext(locale: string) {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale, viewport: DESKTOP });
  // A production server on a shared CI machine can take longer than Playwright's 30 s default.
  context.setDefaultTimeout(60_000);
  return context;
}

const total = (page: Page) => page.getByTestId("check-in-total").textContent();
const inviteError = (page: Page) =>
  page.getByRole("region", { name: "Door staff" }).getByRole("alert");

/** Door staff scanning as the check-in app does: signed in through next-auth, over HTTP. */
async function scanAsStaff(door: string, code: string) {
  const client = new SessionClient(app.baseUrl);
  await client.signIn(staff.username, PASSWORD);
  const answer = await client.trpc(
    "checkin.scan",
    { eventId, code, door, deviceId: `console-test-${door}` },
    { method: "POST" },
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

it("shows live counts, invites door staff, follows their scans without a reload, and undoes one", async () => {
  const { db } = app.database;
  const context = await newContext("en-US");
  const page = await context.newPage();
  await signInInBrowser(page, organizer.username, PASSWORD, `/organizer/events/${eventId}`);
  const polled = page.waitForResponse((response) => response.url().includes("checkin.counts"));
  await page.getByRole("link", { name: "Check-in", exact: true }).click();
  await page.waitForURL(/\/check-in$/);
  // The counts poll from the browser: the page is hydrated, so the form below works.
  await polled;
  await expect.poll(() => page.getByRole("heading", { name: "Check-in" }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Latest admissions" }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Door staff" }).count()).toBe(1);
  expect(await total(page)).toContain("0 of 8");
  expect(await page.getByTestId("empty-state").textContent()).toContain(
    "Nobody has been checked in yet.",
  );
  await screenshot(page, "checkin-console-empty-desktop-en");

  // Door staff: an unknown address, then the real one, then the same one again.
  const email = page.getByLabel("E-mail of their account");
  const invite = page.getByRole("button", { name: "Invite" });
  await email.fill("nobody@test.example");
  await invite.click();
  await expect
    .poll(() => inviteError(page).textContent())
    .toContain("No account has this e-mail address.");
  await email.fill(staff.email.toUpperCase());
  await invite.click();
  await expect.poll(() => page.getByTestId("door-staff-member").count()).toBe(1);
  expect(await page.getByTestId("door-staff").textContent()).toContain(staff.email);
  expect(await inviteError(page).count()).toBe(0);
  await email.fill(staff.email);
  await invite.click();
  await expect
    .poll(() => inviteError(page).textContent())
    .toContain("This person is already door staff for this event.");
  expect(await db.doorStaff.count({ where: { eventId } })).toBe(1);

  // Scans at two doors, made elsewhere: the open page follows without a reload.
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  const [a1, a2, , , , , ba1] = tickets;
  if (!a1 || !a2 || !ba1) throw new Error("tickets");
  for (const [door, ticket] of [
    ["North gate", a1],
    ["North gate", a2],
    ["South gate", ba1],
  ] as const) {
    expect(await scanAsStaff(door, ticket.code)).toMatchObject({
      result: { data: { json: { outcome: "ADMITTED" } } },
    });
  }
  await expect.poll(() => total(page), { timeout: 15_000 }).toContain("3 of 8");
  await expect.poll(() => page.getByTestId("recent-check-in").count()).toBe(3);
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  const bySection = await page.getByTestId("check-in-by-section").textContent();
  expect(bySection).toContain("Main");
  expect(bySection).toContain("2 of 6");
  expect(bySection).toContain("1 of 2");
  const byDoor = page.getByTestId("check-in-by-door");
  expect(await byDoor.locator("tr", { hasText: "North gate" }).textContent()).toContain("2");
  expect(await byDoor.locator("tr", { hasText: "South gate" }).textContent()).toContain("1");
  expect(
    await page
      .getByRole("progressbar", { name: "Checked in", exact: true })
      .getAttribute("aria-valuenow"),
  ).toBe("3");
  await screenshot(page, "checkin-console-desktop-en");

  // Undo the latest scan (the balcony seat): valid again, and the counts follow.
  const latest = page.getByTestId("recent-check-in").first();
  expect(await latest.textContent()).toContain("Balcony BA-1");
  expect(await latest.textContent()).toContain(staff.displayName);
  await page.getByRole("button", { name: "Undo check-in of Balcony BA-1" }).click();
  await expect.poll(() => total(page)).toContain("2 of 8");
  await expect.poll(() => page.getByTestId("recent-check-in").count()).toBe(2);
  expect(await db.ticket.findUniqueOrThrow({ where: { id: ba1.id } })).toMatchObject({
    status: "VALID",
  });
  expect(await scanAsStaff("South gate", ba1.code)).toMatchObject({
    result: { data: { json: { outcome: "ADMITTED" } } },
  });
  await expect.poll(() => total(page), { timeout: 15_000 }).toContain("3 of 8");

  await page.setViewportSize(PHONE);
  await screenshot(page, "checkin-console-phone-en");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );

  // Re-issuing every code with a new key (after a confirmation): the old codes stop working.
  const before = await db.ticket.findUniqueOrThrow({ where: { id: ba1.id } });
  const codes = page.getByRole("region", { name: "Ticket codes" });
  await codes.getByRole("button", { name: "Re-issue all ticket codes…" }).click();
  await codes.getByRole("button", { name: "Re-issue codes" }).click();
  await expect
    .poll(() => codes.getByRole("status").textContent())
    .toContain("8 ticket codes re-issued");
  const after = await db.ticket.findUniqueOrThrow({ where: { id: ba1.id } });
  expect(after.code).not.toBe(before.code);
  expect(after.code).toHaveLength(132);
  expect(await scanAsStaff("North gate", before.code)).toMatchObject({
    result: { data: { json: { outcome: "UNKNOWN" } } },
  });

  // Removing the staff member takes their grant away.
  await page.getByRole("button", { name: `Remove ${staff.displayName}` }).click();
  await expect.poll(() => page.getByTestId("door-staff-member").count()).toBe(0);
  expect(await db.doorStaff.count({ where: { eventId } })).toBe(0);

  await context.close();
  // Many steps, each waiting on a production server: more than the 90 s default on a busy machine.
}, 240_000);

it("speaks zh-TW", async () => {
  // Signed in in English; then the language switcher's cookie asks for zh-TW.
  const context = await newContext("en-US");
  const page = await context.newPage();
  await signInInBrowser(page, organizer.username, PASSWORD, "/organizer");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  const polled = page.waitForResponse((response) => response.url().includes("checkin.counts"));
  await page.goto(`/organizer/events/${eventId}/check-in`);
  await polled;
  for (const heading of ["入場驗票", "最近入場", "驗票人員", "票券代碼"]) {
    await expect.poll(() => page.getByRole("heading", { name: heading }).count()).toBe(1);
  }
  expect(await total(page)).toContain("3 / 8");
  await page.getByLabel("對方帳號的電子郵件").fill("nobody@test.example");
  await page.getByRole("button", { name: "邀請" }).click();
  await expect
    .poll(() => page.getByRole("region", { name: "驗票人員" }).getByRole("alert").textContent())
    .toContain("沒有帳號使用此電子郵件地址。");
  await screenshot(page, "checkin-console-desktop-zh-TW");
  await page.setViewportSize(PHONE);
  await screenshot(page, "checkin-console-phone-zh-TW");
  await context.close();
});
