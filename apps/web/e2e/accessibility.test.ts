// axe-core over key pages in a real Chromium against `next start` on the demo data, in English
// and zh-TW, on a desktop and on a phone: any violation fails, naming the rule and the elements.
// (Lighthouse is too slow for the suite; `pnpm quality:web` measures it.)
import { seedDemoData } from "@openticket/db/seed";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { axeViolations, describeViolations, settle } from "./axe";
import { launchBrowser } from "./browser";
import { browserCookies, type MainPage, mainPages, signedInCookie } from "./main-pages";

const CHECKED = [
  "home",
  "event",
  "sign-in",
  "sign-up",
  "order",
  "organizer",
  "event sales",
  "admin sales",
];
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

let app: AppServer;
let browser: Browser;
let pages: MainPage[];

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({ prepare: async ({ db }) => void (await seedDemoData(db)) }),
    launchBrowser(),
  ]);
  pages = (await mainPages(app.database.db)).filter((page) => CHECKED.includes(page.name));
  expect(pages.map((page) => page.name)).toEqual(CHECKED);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each(["en", "zh-TW"])("in %s", (locale) => {
  it.each(CHECKED)("%s has no accessibility violation", async (name) => {
    const page = pages.find((candidate) => candidate.name === name);
    if (!page) throw new Error(`no page ${name}`);
    const cookie = page.as ? await signedInCookie(app.baseUrl, page.as) : "";
    const found: string[] = [];
    for (const [form, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ baseURL: app.baseUrl, viewport });
      await context.addCookies(browserCookies(app.baseUrl, `NEXT_LOCALE=${locale}; ${cookie}`));
      const tab = await context.newPage();
      const response = await tab.goto(page.path);
      expect(response?.status(), `${page.path} answers`).toBe(200);
      await settle(tab);
      expect(await tab.locator("html").getAttribute("lang")).toBe(locale);
      const violations = await axeViolations(tab);
      if (violations.length) found.push(`${form}:\n${describeViolations(violations)}`);
      await context.close();
    }
    expect(found.join("\n\n")).toBe("");
  });
});
