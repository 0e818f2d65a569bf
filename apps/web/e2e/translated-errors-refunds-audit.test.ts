// Issue 16 items 6, 8 and 10 in a real browser, where a regression would show: api validation
// errors in zh-TW and without field keys; a refunded order's paid, refunded and net, with no
// usable code on a cancelled ticket; the audit log read as who, what, when and what changed.
import { seedDemoData } from "@openticket/db/seed";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";

const DESKTOP = { width: 1280, height: 900 };
const VIEWER_ZONE = "America/New_York";

let app: AppServer;
let browser: Browser;
let refundedOrderId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        await seedDemoData(db);
        const refunded = await db.order.findFirstOrThrow({
          where: {
            user: { username: "attendee" },
            status: "CANCELLED",
            payments: { some: { kind: "REFUND" } },
          },
          select: { id: true },
        });
        refundedOrderId = refunded.id;
        const [admin, fan] = await Promise.all([
          db.user.findUniqueOrThrow({ where: { username: "admin" } }),
          db.user.findUniqueOrThrow({ where: { username: "fan01" } }),
        ]);
        await db.auditLog.create({
          data: {
            actorId: admin.id,
            action: "user.role",
            entityType: "user",
            entityId: fan.id,
            before: { role: "ATTENDEE" },
            after: { role: "ORGANIZER" },
          },
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

async function context(locale: "en" | "zh-TW", timezoneId = "Asia/Taipei") {
  const created = await browser.newContext({
    baseURL: app.baseUrl,
    locale: locale === "en" ? "en-US" : "zh-TW",
    viewport: DESKTOP,
    timezoneId,
  });
  await created.addCookies([{ name: "NEXT_LOCALE", value: locale, url: app.baseUrl }]);
  return created;
}

async function signIn(browserContext: BrowserContext, login: string, password: string) {
  const page = await browserContext.newPage();
  await page.goto("/sign-in");
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

const alertText = (page: Page) => page.getByRole("alert").first().textContent();

it("shows sign-up and organizer form errors in the reader's language, never a field key", async () => {
  const zh = await context("zh-TW");
  const page = await zh.newPage();
  await page.goto("/sign-up");
  await page.locator('input[name="username"]').fill("ab");
  await page.locator('input[name="email"]').fill("short-name@example.com");
  await page.locator('input[name="password"]').fill("a-long-enough-secret-2026");
  await page.locator('button[type="submit"]').click();
  await expect.poll(() => page.getByText("請至少輸入 3 個字元。").count()).toBe(1);
  expect(await page.locator("form").textContent()).not.toContain("Use at least");
  await screenshot(page, "issue16-sign-up-error-zh-tw");

  // The event list in zh-TW: cities in Chinese, prices in NT$ (not a bare "$").
  await page.goto("/");
  const list = page.getByTestId("event-list");
  await expect.poll(() => list.locator("li").count()).toBeGreaterThan(3);
  const cards = (await list.textContent()) ?? "";
  // A card reads "<city> · <venue>" (titles and venue names are the organizer's own words).
  expect(cards).toMatch(/(台北|台中|高雄|新竹|台南) · /);
  expect(cards).not.toMatch(/(Taipei|Taichung|Kaohsiung|Hsinchu|Tainan) · /);
  expect(cards).toContain("NT$");
  expect(cards).not.toMatch(/(^|[^T])\$\d/);
  await screenshot(page, "issue16-events-zh-tw");
  await zh.close();

  for (const [locale, label, message] of [
    ["en", "Time zone: ", "Unknown time zone."],
    ["zh-TW", "時區: ", "無法辨識的時區。"],
  ] as const) {
    const organizer = await context(locale);
    const form = await signIn(organizer, "organizer", "organizer-demo-2026");
    await form.goto("/organizer/venues/new");
    await form.locator('input[name="name"]').fill("Moon Hall");
    await form.locator('input[name="city"]').fill("Taipei");
    await form.locator('input[name="address"]').fill("1 Moon Road");
    await form.locator('input[name="timeZone"]').fill("Mars/Olympus");
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.getByText(message).count()).toBe(1);
    const alert = await alertText(form);
    expect(alert).toContain(`${label}${message}`);
    expect(alert).not.toMatch(/timeZone|[a-z]+[A-Z][a-z]+:/);
    await screenshot(form, `issue16-venue-error-${locale}`);
    await organizer.close();
  }
});

it("shows a refunded order's paid, refunded and net, and no code for cancelled tickets", async () => {
  for (const locale of ["en", "zh-TW"] as const) {
    const attendee = await context(locale);
    const page = await signIn(attendee, "attendee", "attendee-demo-2026");
    await page.goto(`/orders/${refundedOrderId}`);
    const money = page.getByTestId("order-money");
    await expect.poll(() => money.count()).toBe(1);
    const text = (await money.textContent()) ?? "";
    const amounts = [...text.matchAll(/NT\$([\d,]+)/g)].map((m) =>
      Number(m[1]?.replaceAll(",", "")),
    );
    // Paid, refunded, net: the net is what was paid less what came back, in NT$ in both languages.
    expect(amounts).toHaveLength(3);
    const [paid = 0, refunded = 0, net = -1] = amounts;
    expect(refunded).toBeGreaterThan(0);
    expect(net).toBe(paid - refunded);
    expect(text).toContain(locale === "en" ? "Net paid" : "實付金額");
    // The tickets are cancelled: neither the QR code nor the code itself is on the page.
    expect(await page.getByTestId("ticket").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("ticket-qr").count()).toBe(0);
    expect(await page.getByTestId("ticket-void").count()).toBe(
      await page.getByTestId("ticket").count(),
    );
    expect(await page.locator('[data-testid="ticket"] code').count()).toBe(0);
    await screenshot(page, `issue16-refunded-order-${locale}`);

    await page.goto("/orders");
    const listed = page.locator(`a[href="/orders/${refundedOrderId}"]`);
    await expect.poll(() => listed.count()).toBe(1);
    const row = (await listed.getByTestId("order-net").textContent()) ?? "";
    expect(row).toContain(`NT$${net.toLocaleString("en")}`);
    expect(row).toContain(`NT$${refunded.toLocaleString("en")}`);
    await attendee.close();
  }
});

it("reads the audit log as who, what, when in the viewer's zone, and what changed", async () => {
  for (const locale of ["en", "zh-TW"] as const) {
    const admin = await context(locale, VIEWER_ZONE);
    const page = await signIn(admin, "admin", "admin-demo-2026");
    await page.goto("/admin/audit?action=user.role");
    const entry = page.getByTestId("audit-entry").first();
    await expect.poll(() => entry.count()).toBe(1);

    const who = (await entry.getByTestId("audit-actor").textContent()) ?? "";
    expect(who).toContain("@admin");
    expect(who.replace("@admin", "")).not.toBe("");
    expect(await entry.getByRole("link", { name: "@admin" }).getAttribute("href")).toContain(
      "actor=admin",
    );

    const what = await entry.getByTestId("audit-sentence").textContent();
    expect(what).toContain("(@fan01)");
    expect(what).toContain(locale === "en" ? "Changed the role of" : "的角色");

    const change = (await entry.getByTestId("audit-change").textContent()) ?? "";
    expect(change).toContain(locale === "en" ? "Role" : "角色");
    expect(change).toContain(locale === "en" ? "Attendee" : "參加者");
    expect(change).toContain(locale === "en" ? "Organizer" : "主辦單位");
    expect(change).not.toMatch(/[{}"]|ATTENDEE|ORGANIZER/);

    // The time is the viewer's (New York), and says so; not Taipei, not an unlabelled UTC.
    const time = entry.getByTestId("local-time");
    await expect.poll(() => time.getAttribute("data-time-zone")).toBe(VIEWER_ZONE);
    const iso = (await time.getAttribute("datetime")) ?? "";
    const expected = new Intl.DateTimeFormat(locale, {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: VIEWER_ZONE,
      timeZoneName: "short",
    }).formatToParts(new Date(iso));
    const zoneName = expected.find((part) => part.type === "timeZoneName")?.value ?? "";
    expect(zoneName).not.toBe("");
    expect(await time.textContent()).toContain(zoneName);
    expect(await page.textContent("main")).not.toContain("Taipei time");
    await screenshot(page, `issue16-audit-log-${locale}`);
    await admin.close();
  }
});
