// A newcomer's first visit in a real browser: sign up, land signed in, browse and filter the
// event list, open an event, switch to Traditional Chinese, sign out and back in.
import { seedDemoData } from "@openticket/db/seed";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({ prepare: async ({ db }) => void (await seedDemoData(db)) }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("signs up, browses events in English and zh-TW, signs out and in again", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();

  await page.goto("/");
  await expect.poll(() => page.getByTestId("event-list").locator("li").count()).toBeGreaterThan(3);
  await screenshot(page, "01-events-signed-out");

  await page.getByRole("link", { name: "Sign up" }).click();
  await page.waitForURL(/\/sign-up/);
  await page.getByLabel("Username").fill("newcomer");
  await page.getByLabel("E-mail").fill("newcomer@example.com");
  await page.getByLabel("Password").fill("first-visit-2026");
  await screenshot(page, "02-sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up signs nobody in (it must not tell a new address from a registered one): the inbox
  // page, then the sign-in form. Unverified, the newcomer may browse, with the banner.
  await page.waitForURL(/\/sign-up\/check-inbox/);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Username or e-mail").fill("newcomer");
  await page.getByLabel("Password").fill("first-visit-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  await expect.poll(() => page.getByTestId("verify-email-banner").count()).toBe(1);
  await expect.poll(() => page.getByTestId("signed-in-user").textContent()).toContain("newcomer");
  expect(await page.getByTestId("signed-in-user").textContent()).toContain("Attendee");

  // Filter: a shareable URL, and only matching cards.
  await page.getByLabel("Category").selectOption("TALK");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/category=TALK/);
  const talkCards = page.getByTestId("event-list").locator("li");
  await expect.poll(() => talkCards.count()).toBeGreaterThan(0);
  for (const text of await talkCards.allTextContents()) expect(text).toContain("Talk");
  await screenshot(page, "03-events-filtered");

  await talkCards.first().locator("a").click();
  await page.waitForURL(/\/events\//);
  await expect.poll(() => page.getByRole("heading", { name: "Tickets" }).count()).toBe(1);
  await screenshot(page, "04-event-detail");

  await page.getByTestId("locale-switcher").selectOption("zh-TW");
  await expect.poll(() => page.getByRole("heading", { name: "票價" }).count()).toBe(1);
  await page.goto("/");
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("近期活動");
  expect(await page.getByTestId("signed-in-user").textContent()).toContain("參加者");
  await screenshot(page, "05-events-zh-tw");

  // One click in the header signs out: no confirmation page (issue 16 item 11).
  await page.getByRole("banner").getByRole("button", { name: "登出" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  await expect.poll(() => page.getByRole("link", { name: "登入" }).count()).toBe(1);

  await page.getByRole("link", { name: "登入" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("使用者名稱或電子郵件").fill("newcomer@example.com");
  await page.getByLabel("密碼").fill("wrong-password-1");
  await page.getByRole("button", { name: "登入" }).click();
  await expect.poll(() => page.getByText("帳號或密碼不正確").count()).toBe(1);
  await page.getByLabel("密碼").fill("first-visit-2026");
  await page.getByRole("button", { name: "登入" }).click();
  await expect.poll(() => page.getByTestId("signed-in-user").count()).toBe(1);

  // On a phone-sized screen the list still renders.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await screenshot(page, "06-events-phone");
  await context.close();
});
