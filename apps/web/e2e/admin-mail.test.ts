// The admin mail page in a real browser against `next start`, with no SMTP_URL (the zero-setup
// run): the outbox lists every message with its status and tries, a FAILED one is queued again
// with "Retry", and a message delivered to the local mailbox opens with its HTML in a sandboxed
// frame and its text part; in English and in zh-TW. A buyer asks for their tickets again from
// the order page. Screenshots of each for a person to look at.
import { seedDemoData } from "@openticket/db/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultSettings } from "../../../packages/api/src/context.ts";
import { queueMail } from "../../../packages/api/src/services/mail/queue-mail.ts";
import { sendQueuedMail } from "../../../packages/api/src/services/mail/send-mail.ts";
import { localMailboxTransport } from "../../../packages/api/src/services/mail/transport.ts";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";

const DESKTOP = { width: 1280, height: 900 };
let app: AppServer;
let browser: Browser;

function signUpAttempt(key: string, to: string, locale: "en" | "zh-TW") {
  return {
    key,
    to,
    userId: null,
    locale,
    mail: {
      kind: "sign-up-attempt" as const,
      signInUrl: "http://localhost:3000/sign-in",
      resetUrl: "http://localhost:3000/forgot-password",
    },
  };
}

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      // The page is read as it is: no runner sends the queued messages meanwhile.
      env: { JOB_RUNNER: "off" },
      prepare: async ({ db }) => {
        await seedDemoData(db);
        await queueMail(db, [
          signUpAttempt("e2e-delivered", "mei@example.com", "zh-TW"),
          signUpAttempt("e2e-waiting", "ada@example.com", "en"),
          signUpAttempt("e2e-failed", "bounced@example.com", "en"),
        ]);
        const delivered = await db.mailOutbox.findUniqueOrThrow({
          where: { key: "e2e-delivered" },
        });
        const outcome = await sendQueuedMail(
          db,
          delivered.id,
          {
            transport: localMailboxTransport(db, defaultSettings.mailFrom),
            settings: defaultSettings,
          },
          { number: 1, max: 25 },
        );
        expect(outcome).toBe("sent");
        await db.mailOutbox.update({
          where: { key: "e2e-failed" },
          data: {
            status: "FAILED",
            attempts: 25,
            lastError: "Error: Message failed: 550 5.1.1 <bounced@example.com>: no such user",
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

async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Fmail");
  await page.locator("input[name=login], input#login").first().fill("admin");
  await page.locator("input[type=password]").fill("admin-demo-2026");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(`${app.baseUrl}/admin/mail`);
}

it("shows the outbox and the local mailbox, retries a failed message, opens one (en)", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: DESKTOP,
  });
  const page = await context.newPage();
  await signInAsAdmin(page);

  const rows = page.getByTestId("mail-outbox-row");
  await expect.poll(() => rows.count()).toBe(3);
  const failedRow = rows.filter({ hasText: "bounced@example.com" });
  expect(await failedRow.textContent()).toContain("no such user");
  expect(await page.getByTestId("local-mailbox-row").count()).toBe(1);
  await screenshot(page, "admin-mail-en");

  await page.goto("/admin/mail?status=FAILED");
  expect(await rows.count()).toBe(1);
  await rows.first().getByRole("button", { name: "Retry" }).click();
  await expect.poll(() => page.getByTestId("empty-state").count()).toBe(1);
  await page.goto("/admin/mail?status=QUEUED");
  expect(await rows.count()).toBe(2);

  await page.goto("/admin/mail");
  await page.getByTestId("local-mailbox-row").getByRole("link").click();
  await page.waitForURL(/\/admin\/mail\/messages\/[0-9a-f-]{36}$/);
  expect(await page.locator("iframe[sandbox='']").count()).toBe(1);
  expect(await page.locator("pre").textContent()).toContain(
    "http://localhost:3000/forgot-password",
  );
  await screenshot(page, "admin-mail-message-en");
  await context.close();
}, 120_000);

it("reads the same page in zh-TW", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "zh-TW",
    viewport: DESKTOP,
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  const page = await context.newPage();
  await signInAsAdmin(page);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("郵件");
  expect(await page.getByRole("heading", { name: "本機信箱" }).count()).toBe(1);
  await screenshot(page, "admin-mail-zh-TW");
  await page.goto("/admin/mail?status=SENDING");
  expect(await page.getByTestId("empty-state").textContent()).toContain("寄送中");
  await screenshot(page, "admin-mail-empty-zh-TW");
  await context.close();
}, 120_000);

it("lets a buyer ask for their tickets again, once per click, in both languages", async () => {
  const { db } = app.database;
  const attendee = await db.user.findUniqueOrThrow({ where: { username: "attendee" } });
  const order = await db.order.findFirstOrThrow({
    where: { userId: attendee.id, status: "PAID" },
    orderBy: { createdAt: "asc" },
  });
  for (const [locale, button, done] of [
    ["en-US", "Send my tickets again", "On its way"],
    ["zh-TW", "重新寄送我的票券", "已寄出"],
  ] as const) {
    const context = await browser.newContext({ baseURL: app.baseUrl, locale, viewport: DESKTOP });
    if (locale === "zh-TW") {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
    }
    const page = await context.newPage();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/orders/${order.id}`)}`);
    await page.locator("input[name=login]").fill("attendee");
    await page.locator("input[type=password]").fill("attendee-demo-2026");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(`${app.baseUrl}/orders/${order.id}`);
    await page.getByRole("button", { name: button }).click();
    expect(await page.getByRole("status").filter({ hasText: done }).textContent()).toContain(done);
    await screenshot(page, `order-resend-tickets-${locale}`);
    await context.close();
  }
  const resent = await db.mailOutbox.findMany({
    where: { key: { startsWith: `order-confirmation:${order.id}:resend:` } },
  });
  expect(resent.map((mail) => mail.toAddress)).toEqual([attendee.email, attendee.email]);
}, 120_000);
