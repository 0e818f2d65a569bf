// The consoles' filter forms in a real browser (issue 16, as for the public event list): Clear
// really clears (the next Apply cannot bring old choices back), Apply writes only the filters
// that are set, and a date range that ends before it starts is refused on the field, in English
// and zh-TW, before any search. One admin list and one organizer list keep the shared form honest.
import { seedDemoData } from "@openticket/db/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, screenshot, screenshotDir } from "./browser";

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

const search = (page: Page) => new URL(page.url()).search;

async function signedIn(login: string, password: string, callbackUrl: string) {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await signInInBrowser(page, login, password, callbackUrl);
  return page;
}

it("admin: Clear resets the dropdowns, Apply writes no empty parameters, an inverted period is explained", async () => {
  const page = await signedIn("admin", "admin-demo-2026", "/admin/users");
  const form = page.getByRole("form", { name: "Search users" });
  await form.getByLabel("Role").selectOption("ORGANIZER");
  await form.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/role=ORGANIZER/);
  expect(search(page)).toBe("?role=ORGANIZER");

  await form.getByRole("link", { name: "Clear" }).click();
  await page.waitForURL(`${app.baseUrl}/admin/users`);
  await expect.poll(() => form.getByLabel("Role").inputValue()).toBe("");
  // A new choice after Clear is the only filter; the old role does not come back.
  await form.getByLabel("Status").selectOption("suspended");
  await form.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/state=suspended/);
  expect(search(page)).toBe("?state=suspended");

  // The sales period: an end before the start is refused on the field, with no search made.
  await page.goto("/admin/sales?from=2026-01-01");
  await page.getByLabel("Until").fill("2025-12-01");
  await page.getByRole("button", { name: "Apply" }).click();
  const message = "The end date must not be before the start date.";
  await expect.poll(() => page.getByRole("alert").filter({ hasText: message }).count()).toBe(1);
  expect(await page.getByLabel("Until").getAttribute("aria-invalid")).toBe("true");
  expect(search(page)).toBe("?from=2026-01-01");
  await screenshot(page, "console-filters-admin-sales-inverted");
  await page.getByLabel("Until").fill("2026-12-31");
  expect(await page.getByRole("alert").filter({ hasText: message }).count()).toBe(0);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/to=2026-12-31/);
  expect(search(page)).toBe("?from=2026-01-01&to=2026-12-31");

  // A shared URL with an inverted period says so from the start; here in Traditional Chinese.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: app.baseUrl }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/sales?from=2026-03-10&to=2026-03-01");
  await expect
    .poll(() => page.getByRole("alert").filter({ hasText: "結束日期不能早於起始日期。" }).count())
    .toBe(1);
  expect(await page.getByLabel("至").getAttribute("aria-invalid")).toBe("true");
  // The phone's first screen, where the form is (the whole page is many screens long).
  await page.screenshot({
    path: `${screenshotDir}/console-filters-admin-sales-inverted-zh-tw-phone.png`,
  });
});

it("organizer: the seat filters clear for real and write only what is chosen", async () => {
  const event = await app.database.db.event.findFirstOrThrow({
    where: { organizer: { username: "organizer" }, status: "PUBLISHED" },
    select: { id: true, venue: { select: { sections: { select: { id: true }, take: 1 } } } },
  });
  const section = event.venue.sections[0]?.id ?? "";
  const path = `/organizer/events/${event.id}/seats`;
  const page = await signedIn("organizer", "organizer-demo-2026", path);
  const form = page.getByRole("form", { name: "Seat filters" });
  await form.getByLabel("Section").selectOption(section);
  await form.getByLabel("State").selectOption("SOLD");
  await form.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/state=SOLD/);
  expect(search(page)).toBe(`?section=${section}&state=SOLD`);

  await form.getByRole("link", { name: "Clear" }).click();
  await page.waitForURL(`${app.baseUrl}${path}`);
  await expect.poll(() => form.getByLabel("Section").inputValue()).toBe("");
  await expect.poll(() => form.getByLabel("State").inputValue()).toBe("");
  await form.getByLabel("State").selectOption("BLOCKED");
  await form.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/state=BLOCKED/);
  expect(search(page)).toBe("?state=BLOCKED");
  await screenshot(page, "console-filters-organizer-seats");
});
