// Signing up in the browser as a person does since issue 14: the sign-up form answers "check
// your inbox" and signs nobody in; the verification link comes by e-mail (read from the
// test's SMTP server, test/mail-reader.ts); then the sign-in form.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { MailReader } from "../test/mail-reader";

export type BrowserAccount = { username: string; password: string; email?: string };

export const emailOf = (account: BrowserAccount) =>
  account.email ?? `${account.username}@example.com`;

/**
 * Signs up through the form, opens the verification link (unless `verify: false`), and signs in:
 * the page ends where the sign-in sends it (`callbackUrl`, by default the home page).
 */
export async function signUpInBrowser(
  page: Page,
  mail: MailReader,
  account: BrowserAccount,
  options: { verify?: boolean; callbackUrl?: string } = {},
) {
  const callbackUrl = options.callbackUrl ?? "/";
  await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("E-mail").fill(emailOf(account));
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-up\/check-inbox/);
  if (options.verify !== false) await openMailLink(page, mail, emailOf(account), "verify-email");
  await signInInBrowser(page, account.username, account.password, callbackUrl);
}

/** Opens the link of the newest message of `kind` to `to`, on the app the page is on. */
export async function openMailLink(
  page: Page,
  mail: MailReader,
  to: string,
  kind: "verify-email" | "password-reset",
) {
  const link = new URL(await mail.link(to, kind));
  await page.goto(`${link.pathname}${link.search}`);
  if (kind === "verify-email") {
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 })
      .toContain("is verified");
  }
}

export async function signInInBrowser(
  page: Page,
  login: string,
  password: string,
  callbackUrl = "/",
) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Username or e-mail").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
