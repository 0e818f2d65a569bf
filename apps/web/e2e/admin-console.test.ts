// The platform admin console in a real browser against `next start`: an attendee is turned away;
// the admin browses every event, reads the sales figures and charts, downloads the CSV, promotes
// the attendee to organizer, suspends and restores another account, and finds the changes in
// the audit log; the promoted user then gets into the organizer console.
import { readFile } from "node:fs/promises";
import { seedDemoData } from "@openticket/db/seed";
import { makeEvent } from "@openticket/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signUpInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
// A title in Chinese, to see that the CSV keeps it intact for Excel.
const CHINESE_TITLE = "月光爵士之夜";
const ATTENDEE = { username: "rising_star", password: "rising-star-2026" };

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        await seedDemoData(db);
        const organizer = await db.user.findUniqueOrThrow({ where: { username: "organizer" } });
        const venue = await db.venue.findFirstOrThrow({ where: { name: "Taichung Concert Hall" } });
        await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          title: CHINESE_TITLE,
          category: "CONCERT",
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

async function newContext(): Promise<BrowserContext> {
  return browser.newContext({ baseURL: app.baseUrl, locale: "en-US", viewport: DESKTOP });
}

function signUp(page: Page) {
  return signUpInBrowser(page, app.mail, ATTENDEE);
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel("Username or e-mail").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const headerText = (page: Page) => page.getByRole("banner").textContent();

/** The bars of a chart (drawn on the server: src/components/charts/). */
const chartBars = (page: Page, testId: string) => page.getByTestId(testId).locator(".chart-bar");

it("lets the admin oversee events, sales, users and the audit log; others are turned away", async () => {
  const attendeeContext = await newContext();
  const attendee = await attendeeContext.newPage();
  await signUp(attendee);

  // An attendee gets the 403 page, not the console. Only the page is checked, not the HTTP
  // status: the root app/loading.tsx streams a shell (status 200) before the admin layout's
  // guard runs, so forbidden() renders the page but can no longer set the status.
  await attendee.goto("/admin");
  expect(await attendee.getByRole("heading", { level: 1 }).textContent()).toBe("Not allowed");
  expect(await attendee.getByTestId("admin-events").count()).toBe(0);
  await screenshot(attendee, "30-admin-forbidden-attendee");

  // The admin signs in on the way to the console.
  const adminContext = await newContext();
  const page = await adminContext.newPage();
  await page.goto("/admin");
  await page.waitForURL(/\/sign-in/);
  await signIn(page, "admin", "admin-demo-2026");
  await page.waitForURL(`${app.baseUrl}/admin`);

  // All events: every status, with organizer, venue, Taipei date and seats sold.
  const rows = page.getByTestId("admin-event-row");
  await expect.poll(() => rows.count()).toBe(20);
  expect(
    await page.getByRole("link", { name: "All events", exact: true }).getAttribute("aria-current"),
  ).toBe("page");
  const statuses = new Set(
    await page
      .getByTestId("event-status")
      .evaluateAll((badges) => badges.map((badge) => badge.getAttribute("data-status"))),
  );
  expect(statuses.size).toBeGreaterThan(1);
  expect(await page.getByRole("navigation", { name: "Pagination" }).textContent()).toContain(
    "Page 1 of",
  );
  await screenshot(page, "31-admin-events");

  // Filters and sort live in the URL.
  await page.getByLabel("Search", { exact: true }).fill("月光");
  await page.getByLabel("Sort by").selectOption("title");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/q=%E6%9C%88%E5%85%89.*sort=title/);
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain(CHINESE_TITLE);
  expect(await rows.first().textContent()).toContain("Formosa Live");
  expect(await rows.first().getByTestId("event-status").getAttribute("data-status")).toBe(
    "ON_SALE",
  );
  await page.goto("/admin?status=CANCELLED&city=Nowhere");
  await expect.poll(() => page.getByTestId("empty-state").count()).toBe(1);
  // A page past the end shows the last page instead.
  await page.goto("/admin?page=99");
  await page.waitForURL(/\/admin\?page=[2-9]$/);
  await expect.poll(() => rows.count()).toBeGreaterThan(0);

  // On a phone each event is a card; nothing spills sideways.
  await page.setViewportSize(PHONE);
  await page.goto("/admin");
  await expect.poll(() => rows.count()).toBe(20);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  await screenshot(page, "32-admin-events-phone");
  await page.setViewportSize(DESKTOP);

  // Sales: headline figures, two charts drawn with the page, the per-event table. By month: a
  // revenue and a refunds column per month, one net line with a dot per month.
  await page.getByRole("link", { name: "Sales", exact: true }).click();
  await page.waitForURL(/\/admin\/sales$/);
  await expect
    .poll(() => chartBars(page, "chart-by-month").count(), { timeout: 15_000 })
    .toBeGreaterThan(1);
  const months = await page.getByTestId("chart-by-month").locator(".chart-dot").count();
  expect(months).toBeGreaterThan(0);
  expect(await chartBars(page, "chart-by-month").count()).toBe(2 * months);
  expect(await page.getByTestId("chart-by-month").locator("svg .chart-line").count()).toBe(1);
  expect(
    await page.getByTestId("chart-by-month").getByRole("img").getAttribute("aria-label"),
  ).toMatch(/^Money by month \(\w+\)\. .+: Revenue .*\$/);
  await expect.poll(() => chartBars(page, "chart-by-category").count()).toBeGreaterThan(1);
  expect(
    Number(
      (await page.getByTestId("figure-ticketsSold").locator("dd").textContent())?.replaceAll(
        ",",
        "",
      ),
    ),
  ).toBeGreaterThan(0);
  expect(await page.getByTestId("figure-revenue").textContent()).toContain("$");
  expect(await page.getByTestId("sales-events").textContent()).toContain(CHINESE_TITLE);
  await screenshot(page, "33-admin-sales");
  await page.setViewportSize(PHONE);
  await expect.poll(() => chartBars(page, "chart-by-month").count()).toBeGreaterThan(1);
  await screenshot(page, "33-admin-sales-phone");
  await page.setViewportSize(DESKTOP);

  // The CSV: UTF-8 with a byte-order mark, one header and a line per event, Chinese intact.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^openticket-sales-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFFevent_id,title,organizer,category,status,starts_at_taipei,")).toBe(
    true,
  );
  const lines = csv.trimEnd().split("\r\n");
  expect(lines.length).toBe(
    1 + (await page.getByTestId("sales-events").locator("tbody tr").count()),
  );
  expect(lines.find((line) => line.includes(CHINESE_TITLE))).toMatch(
    /,Formosa Live,CONCERT,PUBLISHED,/,
  );

  // The same page in Traditional Chinese.
  await adminContext.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.reload();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("平台銷售");
  await expect
    .poll(() => chartBars(page, "chart-by-month").count(), { timeout: 15_000 })
    .toBeGreaterThan(1);
  expect(await page.getByRole("button", { name: "下載 CSV" }).count()).toBe(1);
  await screenshot(page, "34-admin-sales-zh-tw");
  await adminContext.addCookies([{ name: "NEXT_LOCALE", value: "en", url: app.baseUrl }]);

  // Users: find the attendee and make them an organizer.
  await page.goto("/admin/users");
  await page.getByLabel("Search", { exact: true }).fill(ATTENDEE.username);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/\/admin\/users\?q=rising_star/);
  const row = page.getByTestId(`user-row-${ATTENDEE.username}`);
  await expect.poll(() => row.getByTestId("user-role").textContent()).toBe("Attendee");
  await row.getByLabel(`Role of ${ATTENDEE.username}`).selectOption("ORGANIZER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect.poll(() => row.getByRole("status").textContent()).toContain("role is changed");
  await expect.poll(() => row.getByTestId("user-role").textContent()).toBe("Organizer");
  await screenshot(page, "35-admin-users-promoted");

  // The admin's own account cannot be changed from here.
  await page.goto("/admin/users?q=admin&role=ADMIN");
  const ownRow = page.getByTestId("user-row-admin");
  expect(await ownRow.textContent()).toContain("This is your account");
  expect(await ownRow.getByRole("button").count()).toBe(0);

  // Suspending asks first; unsuspending restores the account.
  await page.goto("/admin/users?q=fan01");
  const fan = page.getByTestId("user-row-fan01");
  await fan.getByRole("button", { name: "Suspend", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Suspend fan01?" });
  await dialog.getByLabel(/Reason/).fill("Resold tickets above face value");
  await screenshot(page, "36-admin-users-suspend-dialog");
  await dialog.getByRole("button", { name: "Suspend account" }).click();
  await expect.poll(() => fan.getByTestId("user-status").textContent()).toContain("Suspended");
  await fan.getByRole("button", { name: "Unsuspend", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Unsuspend fan01?" })
    .getByRole("button", { name: "Unsuspend account" })
    .click();
  await expect.poll(() => fan.getByTestId("user-status").textContent()).toBe("Active");

  await page.setViewportSize(PHONE);
  await page.goto(`/admin/users?q=${ATTENDEE.username}`);
  await expect.poll(() => row.getByTestId("user-role").textContent()).toBe("Organizer");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  await screenshot(page, "37-admin-users-phone");
  // The tabs scroll sideways on a phone; the open page's tab is brought into view.
  await page.goto("/admin/mail");
  const tabs = page.getByRole("navigation", { name: "Admin console" });
  const mailTab = tabs.getByRole("link", { name: "Mail", exact: true });
  await expect.poll(() => mailTab.getAttribute("aria-current")).toBe("page");
  const inView = () =>
    Promise.all([tabs.boundingBox(), mailTab.boundingBox()]).then(
      ([nav, tab]) => !!nav && !!tab && tab.x >= nav.x && tab.x + tab.width <= nav.x + nav.width,
    );
  await expect.poll(inView).toBe(true);
  await page.setViewportSize(DESKTOP);

  // The audit log, newest first, and filtered to role changes.
  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await page.waitForURL(/\/admin\/audit$/);
  const entries = page.getByTestId("audit-entry");
  await expect.poll(() => entries.count()).toBe(3);
  expect(await entries.nth(0).textContent()).toContain("Lifted the suspension of");
  expect(await entries.nth(1).textContent()).toContain("Resold tickets above face value");
  await page.getByLabel("Action", { exact: true }).fill("user.role");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/action=user\.role/);
  await expect.poll(() => entries.count()).toBe(1);
  const entry = await entries.first().textContent();
  expect(entry).toContain("@admin");
  expect(entry).toContain(`Changed the role of`);
  expect(entry).toContain(`(@${ATTENDEE.username})`);
  // Read as a person would say it, not as stored JSON.
  expect(await entries.first().getByTestId("audit-change").textContent()).toBe(
    "RoleAttendee→ becomes Organizer",
  );
  await screenshot(page, "38-admin-audit");
  await page.setViewportSize(PHONE);
  await screenshot(page, "38-admin-audit-phone");
  await page.setViewportSize(DESKTOP);

  // The promoted user's next request. Changing a role ends the user's sessions (the api bumps
  // their sessionVersion), so the old session is signed out rather than silently upgraded;
  // signing in again brings the Organizer badge and the organizer console.
  await attendee.goto("/");
  expect(await headerText(attendee)).toContain("Sign in");
  await attendee.goto("/sign-in?callbackUrl=%2Forganizer");
  await signIn(attendee, ATTENDEE.username, ATTENDEE.password);
  await attendee.waitForURL(/\/organizer$/);
  await expect
    .poll(() => attendee.getByTestId("signed-in-user").textContent())
    .toContain("Organizer");
  const organizerConsole = await attendee.goto("/organizer");
  expect(organizerConsole?.status()).not.toBe(403);
  expect(await attendee.locator("main").textContent()).not.toContain("Not allowed");
  await screenshot(attendee, "39-admin-promoted-organizer");

  await attendeeContext.close();
  await adminContext.close();
});
