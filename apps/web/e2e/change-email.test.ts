// Changing the account's e-mail address in a real browser (issue 14): the account page asks for
// the new address and the current password; a wrong password is refused on its field; the link
// mailed to the new address (read from the test SMTP server) moves the account, signs out every
// session — another browser's too — and the old address is told. Both languages are shown.
import { hashPassword } from "@openticket/db/password";
import { makeUser } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser, signUpInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const newPage = async (locale = "en-US") =>
  (await browser.newContext({ baseURL: app.baseUrl, locale })).newPage();
const signedIn = (page: Page) => page.getByTestId("signed-in-user").count();

it("moves the account to a new address once the mailed link is opened, signing every session out", async () => {
  const { db } = app.database;
  const account = { username: "mover", password: "moving-house-2026" };
  const oldEmail = "mover@example.com";
  const newEmail = "mover.new@example.org";

  const other = await newPage();
  await signUpInBrowser(other, app.mail, account);
  await expect.poll(() => signedIn(other)).toBe(1);
  const page = await newPage();
  await signInInBrowser(page, account.username, account.password);

  await page.getByRole("link", { name: "Account" }).click();
  await page.waitForURL(/\/account$/);
  await expect.poll(() => page.getByTestId("current-email").textContent()).toBe(oldEmail);
  await page.getByLabel("New e-mail address").fill(newEmail);
  await page.getByLabel("Current password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect
    .poll(() => page.locator("#password-error").textContent())
    .toContain("The password is not right");
  await screenshot(page, "60-change-email-wrong-password");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect
    .poll(() => page.getByRole("status").first().textContent())
    .toContain(`If ${newEmail} can be used, a link to confirm it is on its way`);
  await screenshot(page, "61-change-email-sent");
  // Nothing has changed yet.
  expect((await db.user.findUniqueOrThrow({ where: { username: "mover" } })).email).toBe(oldEmail);

  const link = new URL(await app.mail.link(newEmail, "confirm-email-change"));
  await page.goto(`${link.pathname}${link.search}`);
  await expect
    .poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 })
    .toContain(`Your account now uses ${newEmail}`);
  await screenshot(page, "62-change-email-done");
  expect((await app.mail.latest(oldEmail, "email-changed")).parsed.text).toContain(newEmail);

  // Every session is over, the other browser's too; the new address signs in, the old does not.
  await other.reload();
  await expect.poll(() => signedIn(other), { timeout: 10_000 }).toBe(0);
  await signInInBrowser(page, newEmail, account.password);
  await expect.poll(() => signedIn(page)).toBe(1);
  await page.goto("/account");
  await expect.poll(() => page.getByTestId("current-email").textContent()).toBe(newEmail);
});

it("shows the account page in both languages", async () => {
  for (const [locale, tag] of [
    ["en-US", "en"],
    ["zh-TW", "zh"],
  ] as const) {
    const username = `settings_${tag}`;
    await makeUser(app.database.db, {
      username,
      email: `${username}@example.com`,
      passwordHash: await hashPassword("looking-around-2026"),
    });
    const page = await newPage(locale);
    await page.goto("/sign-in?callbackUrl=/account");
    await page.locator("#login").fill(username);
    await page.locator("#password").fill("looking-around-2026");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/account$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(tag === "zh" ? "我的帳號" : "Your account");
    await screenshot(page, `63-account-page-${tag}`);
  }
});
