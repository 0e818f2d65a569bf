// The event list's filter bar in a real browser (issue 16): Clear really clears (the next Apply
// cannot bring old choices back), Apply writes only the filters that are set, and a date range
// that ends before it starts is refused on the field, in English and zh-TW, before any search.
import { seedDemoData } from "@openticket/db/seed";
import type { Browser, Page } from "playwright-core";
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

const cards = (page: Page) => page.getByTestId("event-list").locator("li");
const search = (page: Page) => new URL(page.url()).search;

it("clears every field, and Apply then shows every event with no empty parameters", async () => {
  const page = await (
    await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" })
  ).newPage();
  await page.goto("/");
  await expect.poll(() => cards(page).count()).toBeGreaterThan(3);
  const everything = await cards(page).count();

  const city = page.getByLabel("City");
  const someCity = await city.locator("option").nth(1).getAttribute("value");
  await page.getByLabel("Category").selectOption("TALK");
  await city.selectOption(someCity ?? "");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/category=TALK/);
  // Only what was chosen: no `q=`, `from=` or `to=`.
  expect(search(page)).toBe(`?${new URLSearchParams({ category: "TALK", city: someCity ?? "" })}`);

  await page.getByRole("link", { name: "Clear" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  await expect.poll(() => page.getByLabel("Category").inputValue()).toBe("");
  await expect.poll(() => city.inputValue()).toBe("");
  await expect.poll(() => cards(page).count()).toBe(everything);

  // A new choice after Clear is the only filter; the old city does not come back.
  await page.getByLabel("Category").selectOption("CONCERT");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/category=CONCERT/);
  expect(search(page)).toBe("?category=CONCERT");

  // Clear, then Apply with nothing set: every event, at the bare list URL.
  await page.getByRole("link", { name: "Clear" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
  await expect.poll(() => page.getByLabel("Category").inputValue()).toBe("");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => cards(page).count()).toBe(everything);
  expect(search(page)).toBe("");
  expect(await page.getByLabel("Category").inputValue()).toBe("");
  expect(await city.inputValue()).toBe("");
});

it("refuses a date range that ends before it starts, on the field, in both languages", async () => {
  const page = await (
    await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" })
  ).newPage();
  await page.goto("/?category=CONCERT");
  await expect.poll(() => cards(page).count()).toBeGreaterThan(0);
  await page.getByLabel("From").fill("2027-03-10");
  await page.getByLabel("To").fill("2027-03-01");
  await page.getByRole("button", { name: "Apply" }).click();

  const message = "The end date must not be before the start date.";
  await expect.poll(() => page.getByRole("alert").filter({ hasText: message }).count()).toBe(1);
  expect(await page.getByLabel("To").getAttribute("aria-invalid")).toBe("true");
  // No search was made: the URL still has the filters it had.
  expect(search(page)).toBe("?category=CONCERT");
  await screenshot(page, "06-event-filters-inverted-range");

  // Fixing the range clears the message, and the search goes ahead.
  await page.getByLabel("To").fill("2027-03-20");
  expect(await page.getByRole("alert").filter({ hasText: message }).count()).toBe(0);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/to=2027-03-20/);
  expect(search(page)).toBe("?category=CONCERT&from=2027-03-10&to=2027-03-20");

  // A shared URL with an inverted range says so from the start; here in Traditional Chinese.
  const zh = await (await browser.newContext({ baseURL: app.baseUrl, locale: "zh-TW" })).newPage();
  await zh.goto("/?from=2027-03-10&to=2027-03-01");
  await expect
    .poll(() => zh.getByRole("alert").filter({ hasText: "結束日期不能早於起始日期。" }).count())
    .toBe(1);
  expect(await zh.getByLabel("結束日期").getAttribute("aria-invalid")).toBe("true");
  await screenshot(zh, "07-event-filters-inverted-range-zh-tw");
});
