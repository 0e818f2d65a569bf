// What a person sees when a limit stops them: the sign-in form says how long to wait, in
// English and in Traditional Chinese, instead of a generic error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({ env: { RATE_LIMIT_SIGN_IN_FAILURES: "2" } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("tells a locked-out visitor how long to wait, in both languages", async () => {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  const attempt = async (password: string) => {
    await page.getByLabel("Username or e-mail").fill("nobody-here");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await page.goto("/sign-in");
  await attempt("guess-number-1");
  await expect.poll(() => page.getByText("do not match an account").count()).toBe(1);
  await attempt("guess-number-2");
  await attempt("guess-number-3");
  await expect
    .poll(() =>
      page.getByText(/Too many attempts in a short time\. Please wait \d+ seconds/).count(),
    )
    .toBe(1);
  await screenshot(page, "rate-limit-sign-in-en");

  const zh = await browser.newContext({ baseURL: app.baseUrl, locale: "zh-TW" });
  const zhPage = await zh.newPage();
  await zhPage.goto("/sign-in");
  await zhPage.getByLabel("使用者名稱或電子郵件").fill("nobody-here");
  await zhPage.getByLabel("密碼").fill("guess-number-4");
  await zhPage.getByRole("button", { name: "登入" }).click();
  await expect
    .poll(() => zhPage.getByText(/短時間內嘗試次數過多，請等候 \d+ 秒後再試/).count())
    .toBe(1);
  await screenshot(zhPage, "rate-limit-sign-in-zh-tw");
});
