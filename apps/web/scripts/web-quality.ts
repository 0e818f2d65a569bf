// What browsers measure on the main pages (e2e/main-pages.ts), in English and zh-TW: Lighthouse
// (npm `lighthouse`, simulated throttling, desktop and mobile, the median of --runs runs) and
// axe-core (npm, injected by playwright-core). Prints a table; asserts nothing. Chromium is the
// machine's (/usr/bin/chromium, or CHROMIUM_PATH); nothing is downloaded.
//
//   pnpm --filter @openticket/web build
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm quality:web \
//     [--runs 3] [--pages "seats,admin sales"] [--locales en,zh-TW] [--forms desktop,mobile]
//     [--save /tmp/lighthouse-reports]
//
// It makes its own database on DATABASE_URL's server (migrated, demo data), starts the production
// server on it as the tests do (test/app-server.ts), signs in through next-auth where a page needs
// a role, and drops the database at the end. Simulated throttling scales the CPU time it sees,
// so performance, TBT and LCP swing with how busy the machine is: the CPU index column
// (Lighthouse's benchmarkIndex) says how fast it was; compare runs at similar indexes.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { createDb } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { seedDemoData } from "@openticket/db/seed";
import type { TestDatabase } from "@openticket/db/testing";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { type AxeViolation, axeViolations, settle } from "../e2e/axe";
import { launchBrowser } from "../e2e/browser";
import {
  browserCookies,
  type DemoLogin,
  type MainPage,
  mainPages,
  signedInCookie,
} from "../e2e/main-pages";
import { startAppServer } from "../test/app-server";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    pages: { type: "string" },
    locales: { type: "string", default: "en,zh-TW" },
    forms: { type: "string", default: "desktop,mobile" },
    /** A folder to keep every Lighthouse report in (JSON, for the Lighthouse viewer). */
    save: { type: "string" },
  },
});
const runs = Number(values.runs);
const locales = (values.locales ?? "").split(",");
const forms = (values.forms ?? "").split(",") as FormFactor[];
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type FormFactor = "desktop" | "mobile";
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;

type Measure = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Bytes over the wire: the page's HTML, and all its JavaScript. */
  html: number;
  js: number;
  /** Lighthouse's measure of this machine's speed at the time (a busy machine scores low). */
  benchmarkIndex: number;
  failed: string[];
};

async function main() {
  const database = await createDemoDatabase();
  const app = await startAppServer({ database });
  try {
    const all = await mainPages(database.db);
    const wanted = values.pages?.split(",");
    const pages = wanted ? all.filter((page) => wanted.includes(page.name)) : all;
    const cookies = new Map<string, string>();
    const cookieFor = async (account: DemoLogin | undefined) => {
      if (!account) return "";
      const known = cookies.get(account.username);
      if (known) return known;
      const cookie = await signedInCookie(app.baseUrl, account);
      cookies.set(account.username, cookie);
      return cookie;
    };

    const rows: string[][] = [];
    const notes: string[] = [];
    const browser = await launchBrowser();
    for (const page of pages) {
      for (const locale of locales) {
        const cookie = [`NEXT_LOCALE=${locale}`, await cookieFor(page.as)]
          .filter(Boolean)
          .join("; ");
        for (const form of forms) {
          const measures: Measure[] = [];
          for (let run = 0; run < runs; run++) {
            const report = `${page.name}-${locale}-${form}-${run + 1}`.replace(/\W+/g, "-");
            measures.push(await runLighthouse(`${app.baseUrl}${page.path}`, form, cookie, report));
          }
          const violations = await runAxe(browser, app.baseUrl, page, form, cookie);
          const median = (pick: (measure: Measure) => number) => medianOf(measures.map(pick));
          rows.push([
            page.name,
            locale,
            form,
            score(median((m) => m.performance)),
            score(median((m) => m.accessibility)),
            score(median((m) => m.bestPractices)),
            (median((m) => m.lcp) / 1000).toFixed(1),
            String(Math.round(median((m) => m.tbt))),
            median((m) => m.cls).toFixed(3),
            String(Math.round(median((m) => m.html) / 1024)),
            String(Math.round(median((m) => m.js) / 1024)),
            String(Math.round(median((m) => m.benchmarkIndex))),
            String(violations.length),
          ]);
          const failed = [...new Set(measures.flatMap((m) => m.failed))];
          const problems = [
            ...failed,
            ...violations.map(
              (v) => `axe ${v.id} (${v.impact}): ${v.nodes.slice(0, 2).join(", ")}`,
            ),
          ];
          if (problems.length)
            notes.push(`${page.name}, ${locale}, ${form}: ${problems.join("; ")}`);
          console.error(`measured ${rows.at(-1)?.join(" | ")}`);
        }
      }
    }
    await browser.close();

    console.log(
      `Lighthouse ${versionOf("lighthouse")} (simulated throttling, median of ${runs}), axe-core ${versionOf("axe-core")}, Chromium at ${chromePath}\n`,
    );
    console.log(
      "| page | locale | form | performance | accessibility | best practices | LCP s | TBT ms | CLS | HTML KB | JS KB | CPU index | axe violations |",
    );
    console.log("| --- | --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |");
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
    if (notes.length) {
      console.log(
        "\nBelow 100 in accessibility or best practices, layout shifts of CLS ≥ 0.05, axe violations:\n",
      );
      for (const note of notes) console.log(`- ${note}`);
    }
  } finally {
    await app.stop();
    await database.drop();
  }
}

async function createDemoDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `openticket_quality_${randomBytes(4).toString("hex")}`;
  const admin = createDb(serverUrl);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = createDb(url.toString());
  await seedDemoData(db);
  return {
    url: url.toString(),
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.$disconnect();
    },
  };
}

/** One Lighthouse run in a fresh Chromium, as Lighthouse recommends. */
async function runLighthouse(
  url: string,
  form: FormFactor,
  cookie: string,
  report: string,
): Promise<Measure> {
  const chrome = await launch({
    chromePath,
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: { Cookie: cookie },
      },
      form === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (values.save) {
      mkdirSync(values.save, { recursive: true });
      writeFileSync(`${values.save}/${report}.json`, JSON.stringify(lhr));
    }
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const resources = (
      lhr.audits["resource-summary"]?.details as
        | { items: { resourceType: string; transferSize: number }[] }
        | undefined
    )?.items;
    const transferred = (type: string) =>
      resources?.find((item) => item.resourceType === type)?.transferSize ?? Number.NaN;
    const failed = ["accessibility", "best-practices"].flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id),
    );
    // What moved, when the page moved noticeably.
    if (audit("cumulative-layout-shift") >= 0.05) {
      const shifts = (
        lhr.audits["layout-shifts"]?.details as
          | { items: { score: number; node?: { selector?: string } }[] }
          | undefined
      )?.items;
      for (const shift of shifts?.slice(0, 3) ?? []) {
        failed.push(`shift ${shift.score.toFixed(3)} ${shift.node?.selector ?? "?"}`);
      }
    }
    return {
      performance: lhr.categories.performance?.score ?? Number.NaN,
      accessibility: lhr.categories.accessibility?.score ?? Number.NaN,
      bestPractices: lhr.categories["best-practices"]?.score ?? Number.NaN,
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      html: transferred("document"),
      js: transferred("script"),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      failed,
    };
  } finally {
    chrome.kill();
  }
}

async function runAxe(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  baseUrl: string,
  page: MainPage,
  form: FormFactor,
  cookie: string,
): Promise<AxeViolation[]> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORTS[form] });
  await context.addCookies(browserCookies(baseUrl, cookie));
  try {
    const tab = await context.newPage();
    await tab.goto(page.path);
    await settle(tab);
    return await axeViolations(tab);
  } finally {
    await context.close();
  }
}

function medianOf(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const score = (value: number) => String(Math.round(value * 100));

const versionOf = (name: string) =>
  (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
