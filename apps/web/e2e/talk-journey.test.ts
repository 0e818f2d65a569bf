// An unseated talk from the organizer's first click to the buyer's tickets (issue 15), in a real
// browser: the organizer makes a room without seats (one standing zone of 40), creates the talk at a
// "General" price and publishes it, adds a Student and an Early bird ticket type, and a code that
// takes half off Student tickets only (and one for General, the tier's own price). A buyer takes
// 2 General + 1 Student with the code: half off the Student ticket, nothing off the others. A
// buyer with General tickets only is told, in Chinese, that the Student code is not for their
// tickets; the General one is. The organizer finds the order on the attendees page by its type
// and its code, and analytics count the tickets of each type.
import { hashPassword } from "@openticket/db/password";
import { makeUser } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";

const ORGANIZER = { username: "talk_host", password: "talk-host-2026" };
const STUDENT = { username: "student_buyer", password: "student-buyer-2026" };
const FRIEND = { username: "friend_buyer", password: "friend-buyer-2026" };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const TITLE = "Talk: Typed SQL at scale";

let app: AppServer;
let browser: Browser;
let talkId = "";

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
        for (const buyer of [STUDENT, FRIEND]) {
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

/** The talk's Student ticket type's id. */
const studentTypeId = async () =>
  (
    await app.database.db.ticketType.findFirstOrThrow({
      where: { eventId: talkId, name: "Student" },
    })
  ).id;

/** One row of the organizer's ticket types or codes, found by its text. */
const rowWith = (page: Page, testId: string, text: string) =>
  page.getByTestId(testId).filter({ hasText: text });

it("sets up a talk with no seats: a room, the event, two ticket types and a Student-only code", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: DESKTOP,
  });
  const page = await context.newPage();
  await signInInBrowser(page, ORGANIZER.username, ORGANIZER.password, "/organizer/venues/new");

  // A room without seats, for 40 people: made as one standing zone with the venue.
  await page.getByLabel("Name").fill("Songshan Studio B");
  await page.getByLabel("City", { exact: true }).fill("Taipei");
  await page.getByLabel("Address").fill("133 Guangfu South Road");
  await page.getByLabel(/^No seats/).check();
  await page.getByLabel("Capacity (people)").fill("40");
  await screenshot(page, "venue-without-seats-form");
  await page.getByRole("button", { name: "Create venue" }).click();
  await page.waitForURL(/\/organizer\/venues\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByText("Standing zone · 40 places").count()).toBe(1);
  await expect.poll(() => page.getByText("General admission").count()).toBeGreaterThan(0);
  await screenshot(page, "venue-without-seats");

  // The talk, at one "General" price, published.
  await page.goto("/organizer/events/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Performer").fill("Mei-Ling Chen");
  await page.getByLabel("Starts").fill("2030-03-14T19:00");
  await page.getByLabel("Ends").fill("2030-03-14T21:00");
  await page.getByLabel("Tier 1 name").fill("General");
  await page.getByLabel("Price (TWD)").first().fill("300");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/organizer\/events\/[0-9a-f-]{36}$/);
  talkId = page.url().split("/").at(-1) ?? "";
  await page.getByRole("button", { name: "Publish" }).click();
  await expect
    .poll(() => page.getByTestId("event-status").first().getAttribute("data-status"))
    .toBe("PUBLISHED");

  // Student (with a note) and Early bird (10 at most).
  await page.getByRole("link", { name: "Ticket types" }).click();
  await page.waitForURL(/\/ticket-types$/);
  const typeForm = page.getByRole("region", { name: "New ticket type" });
  const createType = async (fields: Record<string, string>) => {
    for (const [label, value] of Object.entries(fields)) {
      await typeForm.getByLabel(label, { exact: true }).fill(value);
    }
    await typeForm.getByRole("button", { name: "Create type" }).click();
  };
  await createType({
    Name: "Student",
    "Price (TWD)": "200",
    "Note for buyers": "Bring your student ID.",
  });
  await expect.poll(() => rowWith(page, "ticket-type", "Student").count()).toBe(1);
  await createType({ Name: "Early bird", "Price (TWD)": "250", Quota: "10" });
  await expect.poll(() => rowWith(page, "ticket-type", "Early bird").count()).toBe(1);

  // A code for Student tickets only.
  await page.getByRole("link", { name: "Discount codes" }).click();
  await page.waitForURL(/\/discount-codes$/);
  await page.getByLabel("Code", { exact: true }).fill("STUDENT50");
  await page.getByLabel("Percent off (1–100)").fill("50");
  const types = page.getByTestId("code-types");
  await types.getByLabel("Student", { exact: true }).check();
  // A code for all events cannot name this event's types.
  await page.getByLabel("All my events").check();
  expect(await types.getByLabel("Student", { exact: true }).isDisabled()).toBe(true);
  await page.getByLabel("This event").check();
  await screenshot(page, "discount-code-for-types-form");
  await page.getByRole("button", { name: "Create code" }).click();
  const code = rowWith(page, "discount-code", "STUDENT50");
  await expect.poll(() => code.count()).toBe(1);
  expect(await code.getByTestId("discount-code-types").textContent()).toBe("Only Student");
  await screenshot(page, "discount-code-for-types-list");

  const stored = await app.database.db.discountCode.findFirstOrThrow({
    where: { code: "STUDENT50" },
    select: { eventId: true, ticketTypeIds: true },
  });
  const student = await app.database.db.ticketType.findFirstOrThrow({
    where: { eventId: talkId, name: "Student" },
  });
  expect(stored).toEqual({ eventId: talkId, ticketTypeIds: [student.id] });

  // And one for the tier's own price: 10% off General tickets only.
  await page.getByLabel("Code", { exact: true }).fill("GENERAL10");
  await page.getByLabel("Percent off (1–100)").fill("10");
  await types.getByLabel("General (standard price)").check();
  await page.getByRole("button", { name: "Create code" }).click();
  const general = rowWith(page, "discount-code", "GENERAL10");
  await expect.poll(() => general.count()).toBe(1);
  expect(await general.getByTestId("discount-code-types").textContent()).toBe(
    "Only General (standard price)",
  );
  const generalCode = await app.database.db.discountCode.findFirstOrThrow({
    where: { code: "GENERAL10" },
    select: { ticketTypeIds: true, tierIds: true },
  });
  const tier = await app.database.db.priceTier.findFirstOrThrow({ where: { eventId: talkId } });
  expect(generalCode).toEqual({ ticketTypeIds: [], tierIds: [tier.id] });
  await context.close();
}, 180_000);

// After the set-up above.
it("sells 2 General + 1 Student with the code: half off the Student ticket only", async () => {
  if (!talkId) throw new Error("the set-up test did not create the talk");
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: DESKTOP,
  });
  const page = await context.newPage();
  await signInInBrowser(page, STUDENT.username, STUDENT.password, `/events/${talkId}/seats`);
  await expect
    .poll(() => page.getByRole("heading", { name: "Choose your tickets" }).count())
    .toBe(1);
  const zones = page.getByTestId("standing-zones");
  await expect.poll(() => zones.count(), { timeout: 15_000 }).toBe(1);
  expect(await page.locator("[data-seat-id]").count()).toBe(0);

  await zones.getByTestId("zone-quantity").selectOption("2");
  await zones.getByTestId("zone-add").click();
  const held = page.getByTestId("held-seats");
  await expect.poll(() => held.locator("li").count()).toBe(2);
  await zones.getByTestId("zone-quantity").selectOption("1");
  await zones.getByTestId("ticket-type").selectOption({ label: "Student · NT$200" });
  await zones.getByTestId("zone-add").click();
  await expect.poll(() => held.locator("li").count()).toBe(3);
  await expect.poll(() => held.textContent()).toContain("NT$800");

  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  const total = page.getByTestId("checkout-total");
  await expect.poll(() => total.textContent()).toBe("NT$800");
  await page.getByLabel("Discount code").fill("student50");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => total.textContent()).toBe("NT$700");
  expect(await page.getByTestId("checkout-discount").textContent()).toContain("−NT$100");
  await screenshot(page, "checkout-code-for-types");
  await page.getByRole("button", { name: "Pay NT$700" }).click();
  await payOnDemoPage(page, /^Pay NT\$700$/);
  await expect.poll(() => page.getByTestId("ticket").count(), { timeout: 20_000 }).toBe(3);
  expect(await page.getByTestId("order-discount").textContent()).toContain("STUDENT50");

  const sold = await app.database.db.ticket.findMany({
    where: { order: { eventId: talkId, user: { username: STUDENT.username } } },
    select: { pricePaid: true, ticketType: { select: { name: true } } },
  });
  expect(
    sold.map((ticket) => `${ticket.ticketType?.name ?? "General"} ${ticket.pricePaid}`).sort(),
  ).toEqual(["General 300", "General 300", "Student 100"]);
  await context.close();
}, 120_000);

it("tells a buyer without Student tickets, in Chinese on a phone, that the code is not for them", async () => {
  if (!talkId) throw new Error("the set-up test did not create the talk");
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await signInInBrowser(page, FRIEND.username, FRIEND.password);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.goto(`/events/${talkId}/seats`);
  const zones = page.getByTestId("standing-zones");
  await expect.poll(() => zones.count(), { timeout: 15_000 }).toBe(1);
  await zones.getByTestId("zone-add").click();
  await expect.poll(() => page.getByTestId("held-seats").locator("li").count()).toBe(1);
  await page.getByRole("link", { name: "前往結帳" }).click();
  await page.waitForURL(/\/checkout$/);
  const total = page.getByTestId("checkout-total");
  await expect.poll(() => total.textContent()).toBe("NT$300");
  await page.getByLabel("折扣碼").fill("STUDENT50");
  await page.getByLabel("折扣碼").press("Enter");
  await expect
    .poll(() => page.getByTestId("discount-error").textContent())
    .toBe("這個折扣碼不適用於您保留的票種。");
  expect(await total.textContent()).toBe("NT$300");
  await screenshot(page, "checkout-code-not-for-types-zh-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  // The code for General tickets is: 10% off.
  await page.getByLabel("折扣碼").fill("GENERAL10");
  await page.getByLabel("折扣碼").press("Enter");
  await expect.poll(() => total.textContent()).toBe("NT$270");
  expect(
    await app.database.db.order.count({ where: { user: { username: FRIEND.username } } }),
  ).toBe(0);
  await context.close();
}, 120_000);

// After the sale above.
it("finds the student's order on the attendees page by its ticket type and its code; analytics count each type", async () => {
  if (!talkId) throw new Error("the set-up test did not create the talk");
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
    `/organizer/events/${talkId}/attendees`,
  );
  const rows = page.getByTestId("attendee-row");
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.getByTestId("attendee-code").textContent()).toBe("Code STUDENT50");
  expect(await rows.textContent()).toContain("(Student)");

  await page.getByLabel("Ticket type").selectOption({ label: "Student" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/[?&]type=/);
  await expect.poll(() => rows.count()).toBe(1);
  await screenshot(page, "attendees-by-type");
  // Nobody bought an early bird; nobody used GENERAL10.
  await page.getByLabel("Ticket type").selectOption({ label: "Early bird" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => page.getByText("No attendee matches these filters").count()).toBe(1);
  await page.getByLabel("Ticket type").selectOption({ label: "Any ticket type" });
  await page.getByLabel("Discount code").selectOption({ label: "GENERAL10" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/[?&]code=/);
  await expect.poll(() => rows.count()).toBe(0);
  await page.getByLabel("Discount code").selectOption({ label: "STUDENT50" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => rows.count()).toBe(1);

  // Analytics break the tickets down by type, against the early bird's quota.
  await page.goto(`/organizer/events/${talkId}/analytics`);
  const types = page.getByTestId("analytics-types");
  // (Visible: a streamed page's content is in the HTML, hidden, before React shows it.)
  await expect.poll(() => types.isVisible(), { timeout: 15_000 }).toBe(true);
  const typeRow = (name: string) => types.locator("tbody tr").filter({ hasText: name });
  expect(await typeRow("General (standard price)").textContent()).toContain("2");
  expect(await typeRow("Student").textContent()).toContain("1");
  expect(await typeRow("Early bird").textContent()).toContain("0 of 10");
  // And by the code used: one order, its 3 tickets.
  const codeRows = page.getByTestId("analytics-codes").locator("tbody tr");
  expect(await codeRows.allTextContents()).toEqual([expect.stringMatching(/^STUDENT50\D*1\D*3/)]);
  await screenshot(page, "analytics-by-type");

  // The same pages in Chinese on a phone.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect.poll(() => types.isVisible(), { timeout: 15_000 }).toBe(true);
  expect(await typeRow("General（原價）").count()).toBe(1);
  await screenshot(page, "analytics-by-type-zh-phone");
  await page.goto(`/organizer/events/${talkId}/attendees?type=${await studentTypeId()}`);
  await expect.poll(() => page.getByTestId("attendee-code").isVisible()).toBe(true);
  expect(await page.getByTestId("attendee-code").textContent()).toBe("折扣碼 STUDENT50");
  await screenshot(page, "attendees-by-type-zh-phone");
  await page.goto(`/organizer/events/${talkId}/discount-codes`);
  await expect.poll(() => page.getByTestId("code-types").isVisible()).toBe(true);
  expect(await page.getByTestId("code-types").textContent()).toContain("General（原價）");
  await screenshot(page, "discount-codes-zh-phone-talk");
  await context.close();
}, 120_000);
