// The zero-setup run's mail, end to end in a real browser (issue 14): with no SMTP_URL, a
// forgotten-password request puts its message in the local mailbox; the server log says where;
// an admin opens it at /admin/mail and follows the reset link from its text part; the new
// password works. Nothing goes over SMTP.
import { hashPassword } from "@openticket/db/password";
import { makeUser } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;
const email = "newcomer@example.com";

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      smtp: false,
      prepare: async ({ db }) => {
        await makeUser(db, {
          username: "admin_zero",
          role: "ADMIN",
          passwordHash: await hashPassword("admin-zero-setup-2026"),
        });
        await makeUser(db, {
          username: "newcomer",
          email,
          passwordHash: await hashPassword("forgotten-pass-2026"),
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

/** Sign-in by field ids, whatever the page's language. */
async function signInInBrowserByField(page: Page, login: string, password: string, to: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.locator("#login").fill(login);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === to);
}

const newPage = async () =>
  (await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" })).newPage();

it("puts a reset message in the local mailbox, where an admin opens it and follows its link", async () => {
  const user = await newPage();
  await user.goto("/forgot-password");
  await user.getByLabel("E-mail").fill(email);
  await user.getByRole("button", { name: "Send the link" }).click();
  await expect
    .poll(() => user.getByRole("status").first().textContent())
    .toContain("a link to reset its password is on its way");

  const admin = await newPage();
  await signInInBrowser(admin, "admin_zero", "admin-zero-setup-2026", "/admin/mail");
  const row = admin.getByTestId("local-mailbox-row").filter({ hasText: email });
  // The job runner delivers it in the background: the page shows it once it is in.
  await expect
    .poll(
      async () => {
        await admin.reload();
        return row.count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
  expect(app.output()).toContain("No SMTP_URL set: mail goes to the local mailbox");
  await row.getByRole("link").click();
  await admin.waitForURL(/\/admin\/mail\/messages\/[0-9a-f-]{36}$/);
  // The HTML stays in its sandboxed frame; the text part's reset link is a plain http link.
  expect(await admin.locator("iframe[sandbox='']").count()).toBe(1);
  const link = admin.locator("pre a", { hasText: "/reset-password?token=" }).first();
  expect(await link.getAttribute("href")).toMatch(
    new RegExp(`^${app.baseUrl}/reset-password\\?token=[\\w-]+$`),
  );
  expect(await link.getAttribute("rel")).toContain("noreferrer");
  await screenshot(admin, "64-local-mailbox-reset-message");

  // The same message read in zh-TW: the page's own words change, the links stay links.
  const messageUrl = new URL(admin.url()).pathname;
  const zhContext = await browser.newContext({ baseURL: app.baseUrl, locale: "zh-TW" });
  await zhContext.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  const zh = await zhContext.newPage();
  await signInInBrowserByField(zh, "admin_zero", "admin-zero-setup-2026", messageUrl);
  expect(await zh.locator("pre a", { hasText: "/reset-password?token=" }).count()).toBe(2);
  await screenshot(zh, "65-local-mailbox-reset-message-zh-TW");
  await zhContext.close();

  await link.click();
  await admin.waitForURL(/\/reset-password\?token=/);
  await admin.getByLabel("New password").fill("remembered-now-2026");
  await admin.getByRole("button", { name: "Save the new password" }).click();
  await expect
    .poll(() => admin.getByRole("status").first().textContent())
    .toContain("Your password is changed");

  await signInInBrowser(user, "newcomer", "remembered-now-2026");
  await expect.poll(() => user.getByTestId("signed-in-user").count()).toBe(1);
  // Nothing left over SMTP: the test's SMTP server heard nothing.
  expect(app.mail.smtp.received).toHaveLength(0);
}, 120_000);
