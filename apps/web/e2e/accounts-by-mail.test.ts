// Accounts by e-mail in a real browser (issue 14): a forgotten password reset through the
// mailed link, which signs out the session another browser had; a link used twice, or forged,
// answered with a clear page; and a new buyer who may hold seats but must verify the address
// (from the banner's resend) before paying. Mail is read from the test SMTP server (test/mail-reader.ts).
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { openMailLink, signInInBrowser, signUpInBrowser } from "./accounts";
import { launchBrowser, payOnDemoPage, screenshot } from "./browser";
import { seatPositions } from "./seat-positions";

let app: AppServer;
let browser: Browser;
let eventId: string;
let seatPosition: number | undefined;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, { role: "ORGANIZER" });
        const venue = await makeVenue(db, { ownerId: organizer.id, rows: 2, seatsPerRow: 5 });
        const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
        eventId = event.id;
      },
    }),
    launchBrowser(),
  ]);
  const positions = await seatPositions(app.database.db, eventId);
  seatPosition = [...positions.values()][0];
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const newPage = async (locale = "en-US") =>
  (await browser.newContext({ baseURL: app.baseUrl, locale })).newPage();
const signedIn = (page: Page) => page.getByTestId("signed-in-user").count();

it("resets a forgotten password from the mailed link, ending the session another browser had", async () => {
  const { db } = app.database;
  const account = { username: "forgetful", password: "original-pass-2026" };
  const email = "forgetful@example.com";

  // Signed in on another device before the reset.
  const before = await newPage();
  await signUpInBrowser(before, app.mail, account);
  await expect.poll(() => signedIn(before)).toBe(1);

  const page = await newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForURL(/\/forgot-password$/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect
    .poll(() => page.getByRole("status").first().textContent())
    .toContain("a link to reset its password is on its way");
  await screenshot(page, "40-forgot-password-sent");

  await openMailLink(page, app.mail, email, "password-reset");
  const resetUrl = page.url();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect
    .poll(() => page.locator("#password-error").textContent())
    .toContain("At least 10 characters");
  await page.getByLabel("New password").fill("brand-new-pass-2026");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect
    .poll(() => page.getByRole("status").first().textContent())
    .toContain("Your password is changed");
  await screenshot(page, "41-reset-password-done");

  // The old password no longer works; the new one does.
  await page.goto("/sign-in");
  await page.getByLabel("Username or e-mail").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect
    .poll(() => page.getByRole("alert").first().textContent())
    .toContain("do not match an account");
  await signInInBrowser(page, email, "brand-new-pass-2026");
  await expect.poll(() => signedIn(page)).toBe(1);

  // The browser signed in before the reset is signed out.
  await before.reload();
  await expect.poll(() => signedIn(before), { timeout: 10_000 }).toBe(0);
  await before.goto("/orders");
  await before.waitForURL(/\/sign-in/);

  // The link works once; a forged one is refused just as clearly, as soon as the page opens,
  // before anyone types a password (no form at all). Nothing changes.
  await page.goto(resetUrl);
  await expect.poll(() => page.getByTestId("link-problem").textContent()).toContain("already used");
  expect(await page.getByLabel("New password").count()).toBe(0);
  await screenshot(page, "42-reset-link-used");
  await page.goto("/reset-password?token=forged-token-0123456789");
  await expect.poll(() => page.getByTestId("link-problem").textContent()).toContain("not valid");
  expect(await page.getByLabel("New password").count()).toBe(0);
  await page.getByRole("link", { name: "Send me a new link" }).click();
  await page.waitForURL(/\/forgot-password$/);
  const fresh = await newPage();
  await signInInBrowser(fresh, account.username, "brand-new-pass-2026");
  await expect.poll(() => signedIn(fresh)).toBe(1);
});

it("lets a new buyer hold seats but not pay until the address is verified, with resend in the banner", async () => {
  const { db } = app.database;
  const page = await newPage();
  await signUpInBrowser(
    page,
    app.mail,
    { username: "new_buyer", password: "first-tickets-2026" },
    {
      verify: false,
    },
  );
  const banner = page.getByTestId("verify-email-banner");
  await expect.poll(() => banner.textContent()).toContain("Verify your e-mail to buy tickets");

  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  await page.locator(`[data-seat-id="${seatPosition}"]`).click();
  await page.getByRole("button", { name: "Hold seats" }).click();
  await expect.poll(() => page.getByTestId("held-seats").count()).toBe(1);
  await page.getByRole("link", { name: "Continue to checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect
    .poll(() => page.getByRole("alert").first().textContent())
    .toContain("Verify your e-mail address before paying");
  expect(await db.order.count()).toBe(0);
  await screenshot(page, "43-checkout-needs-verified-email");

  await banner.getByRole("button", { name: "Resend the link" }).click();
  await expect.poll(() => banner.getByRole("status").textContent()).toContain("Sent");
  const verify = await newPage();
  await openMailLink(verify, app.mail, "new_buyer@example.com", "verify-email");
  await screenshot(verify, "44-verify-email-done");

  await page.reload();
  await expect.poll(() => page.getByTestId("verify-email-banner").count()).toBe(0);
  await page.getByRole("button", { name: /^Pay / }).click();
  await payOnDemoPage(page, /^Pay NT\$/);
  await expect.poll(() => page.getByTestId("order-status").first().textContent()).toBe("Paid");
});

it("shows every account page in both languages", async () => {
  const { db } = app.database;
  for (const [locale, tag] of [
    ["en-US", "en"],
    ["zh-TW", "zh"],
  ] as const) {
    const page = await newPage(locale);
    await page.goto("/forgot-password");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBe(1);
    await screenshot(page, `45-forgot-password-${tag}`);
    await page.goto("/reset-password?token=forged-token-0123456789");
    await screenshot(page, `46-reset-password-${tag}`);
    await page.goto("/reset-password");
    await screenshot(page, `47-reset-password-no-token-${tag}`);
    await page.goto("/verify-email?token=forged-token-0123456789");
    await expect.poll(() => page.getByTestId("link-problem").count()).toBe(1);
    await screenshot(page, `48-verify-email-forged-${tag}`);
    await page.goto("/sign-up/check-inbox");
    await screenshot(page, `49-check-inbox-${tag}`);

    const username = `viewer_${tag}`;
    await page.goto("/sign-up");
    await page.locator("#username").fill(username);
    await page.locator("#email").fill(`${username}@example.com`);
    await page.locator("#password").fill("looking-around-2026");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/sign-up\/check-inbox/);
    // The account's messages are in the language it signed up in.
    const mail = await db.mailOutbox.findFirstOrThrow({
      where: { toAddress: `${username}@example.com` },
    });
    expect(mail.locale).toBe(tag === "zh" ? "zh-TW" : "en");
    await page.goto("/sign-in");
    await page.locator("#login").fill(username);
    await page.locator("#password").fill("looking-around-2026");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await expect.poll(() => page.getByTestId("verify-email-banner").count()).toBe(1);
    await screenshot(page, `50-verify-banner-${tag}`);
    const link = new URL(await app.mail.link(`${username}@example.com`, "verify-email"));
    await page.goto(`${link.pathname}${link.search}`);
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(tag === "zh" ? "已完成驗證" : "is verified");
    await screenshot(page, `51-verify-email-done-${tag}`);
  }
});
