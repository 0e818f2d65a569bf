// The web app's own defences, through real HTTP and a real browser against `next start`:
// security headers on every kind of response, a per-request CSP nonce that the pages' scripts
// carry (and pages that still work under the policy), redirects after sign-in that never leave
// the site, and sign-in errors that never carry database text.
import { seedDemoData } from "@openticket/db/seed";
import { makeEvent } from "@openticket/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { SessionClient } from "../test/session-client";
import { launchBrowser, screenshot } from "./browser";

let app: AppServer;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        await seedDemoData(db);
        // An event on sale, for the seat map and its live feed.
        const organizer = await db.user.findUniqueOrThrow({ where: { username: "organizer" } });
        const venue = await db.venue.findFirstOrThrow({ where: { name: "Taichung Concert Hall" } });
        const event = await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          title: "Nonce Night",
          category: "CONCERT",
          price: 800,
        });
        eventId = event.id;
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const attendee = { login: "attendee", password: "attendee-demo-2026" };

function expectSecurityHeaders(headers: Headers) {
  const policy = headers.get("content-security-policy") ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  const permissions = headers.get("permissions-policy") ?? "";
  expect(permissions).toContain("camera=(self)");
  for (const feature of ["geolocation", "microphone", "payment"]) {
    expect(permissions).toContain(`${feature}=()`);
  }
}

const nonceOf = (headers: Headers) =>
  /'nonce-([^']+)'/.exec(headers.get("content-security-policy") ?? "")?.[1];

describe("security headers", () => {
  it("are on a page, an API route, an unknown API path and a static file; HSTS only over HTTPS", async () => {
    const page = await fetch(`${app.baseUrl}/`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page.headers);
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const html = await page.text();

    // Every script tag Next.js wrote carries this response's nonce; the next response has another.
    const nonce = nonceOf(page.headers);
    const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scriptTags.length).toBeGreaterThan(1);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
    expect(nonceOf((await fetch(`${app.baseUrl}/`)).headers)).not.toBe(nonce);

    for (const path of ["/api/auth/csrf", "/api/trpc/no.such.procedure", "/no-such-page"]) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expectSecurityHeaders(response.headers);
    }

    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${app.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset.headers);

    // Behind a TLS-terminating proxy: HSTS, and sub-resources upgraded to HTTPS.
    const secure = await fetch(`${app.baseUrl}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(secure.headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("let pages hydrate and work with no policy violation: events, an event, sign-in, orders and a ticket", async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
    const violations = await watchForViolations(context);
    const page = await context.newPage();

    await page.goto("/");
    await expect
      .poll(() => page.getByTestId("event-list").locator("li").count())
      .toBeGreaterThan(3);
    await page.goto(`/events/${eventId}`);
    await expect.poll(() => page.getByRole("heading", { name: "Tickets" }).count()).toBe(1);
    // The seat map and its live feed (server-sent events, connect-src 'self').
    await page.getByTestId("choose-seats").click();
    await page.waitForURL(/\/seats$/);
    await expect.poll(() => page.getByTestId("live-indicator").count()).toBe(1);

    // The sign-in form submits through JavaScript (next-auth's signIn): it works only hydrated.
    await page.goto("/sign-in?callbackUrl=%2Forders");
    await signInThroughForm(page);
    await page.waitForURL(/\/orders$/);
    await page.locator('a[href^="/orders/"]').first().click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await screenshot(page, "security-order-under-csp");

    expect(violations()).toEqual([]);

    // A control: markup injected the way XSS does it (an inline event handler) does not run,
    // and the watcher above sees the refusal.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img src="/no-such-image" onerror="document.body.dataset.injected = 'yes'">`,
      );
    });
    await expect.poll(() => violations().some((text) => text.includes("script-src"))).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    await context.close();
  });
});

describe("redirects after sign-in stay on this site", () => {
  const hostile = [
    "/\t/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example",
    "/.//evil.example",
    "//evil.example",
    "https://evil.example/",
    "javascript:alert(document.domain)",
  ];

  it("for a real sign-in through the form, and for a signed-in user opening /sign-in or /sign-up", async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(hostile[0] ?? "")}`);
    await signInThroughForm(page);
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).origin).toBe(app.baseUrl);
    await expect.poll(() => page.getByTestId("signed-in-user").count()).toBe(1);

    for (const value of hostile) {
      for (const form of ["sign-in", "sign-up"]) {
        await page.goto(`/${form}?callbackUrl=${encodeURIComponent(value)}`);
        expect(new URL(page.url()).origin, `${form} ${JSON.stringify(value)}`).toBe(app.baseUrl);
      }
    }
    await context.close();
  });

  it.each(hostile)("for a new sign-in with callbackUrl %j", async (value) => {
    const context = await browser.newContext({ baseURL: app.baseUrl, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(value)}`);
    await signInThroughForm(page);
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).origin).toBe(app.baseUrl);
    await context.close();
  });

  it("answers a signed-in user a redirect, not a 500, whatever the callbackUrl holds", async () => {
    const user = new SessionClient(app.baseUrl);
    await user.signIn(attendee.login, attendee.password);
    expect(user.hasSessionCookie()).toBe(true);
    const cases: [string, string][] = [
      ["callbackUrl=%2F%3Fq%3D%E5%8F%B0%E5%8C%97", "/?q=%E5%8F%B0%E5%8C%97"],
      ["callbackUrl=/?q=台北", "/?q=%E5%8F%B0%E5%8C%97"],
      ["callbackUrl=%2F%E6%B4%BB%E5%8B%95", "/%E6%B4%BB%E5%8B%95"],
      ["callbackUrl=%2F%0D%0ASet-Cookie%3A%20stolen%3D1", "/"],
      ["callbackUrl=%2Forders&callbackUrl=%2F%2Fevil.example", "/"],
      ["callbackUrl=%2Forders", "/orders"],
    ];
    for (const [query, target] of cases) {
      for (const form of ["sign-in", "sign-up"]) {
        const response = await user.fetch(`/${form}?${query}`);
        expect(response.status, `${form}?${query}`).toBe(307);
        const location = new URL(response.headers.get("location") ?? "", app.baseUrl);
        expect(location.origin).toBe(app.baseUrl);
        expect(`${location.pathname}${location.search}`).toBe(target);
        expect(response.headers.get("set-cookie") ?? "").not.toContain("stolen");
      }
    }
  });
});

describe("sign-in errors carry no database or library text", () => {
  it.each([
    ["a NUL in the login", "atten\u0000dee", attendee.password],
    ["only a NUL", "\u0000", "x"],
    ["CR LF in the login", "attendee\r\nX-Injected: 1", attendee.password],
    ["a lone surrogate", "atten\ud800dee", attendee.password],
    ["a NUL in the password", attendee.login, `${attendee.password}\u0000`],
    ["a very long login", "a".repeat(10_000), attendee.password],
  ])("%s ends as a wrong e-mail or password", async (_, login, password) => {
    const visitor = new SessionClient(app.baseUrl);
    const response = await visitor.signIn(login, password);
    const answer = response.headers.get("location") ?? (await response.text());
    expect(answer).toContain("error=CredentialsSignin");
    expect(answer).not.toMatch(/prisma|invocation|database|22021|code:/i);
    expect(visitor.hasSessionCookie()).toBe(false);
  });
});

describe("behind HTTPS (the public URL is https)", () => {
  it("sends HSTS on plain requests too, and next-auth's cookies are Secure and prefixed", async () => {
    const secureApp = await startAppServer({ env: { NEXTAUTH_URL: "https://tickets.example" } });
    try {
      const page = await fetch(`${secureApp.baseUrl}/`);
      expect(page.headers.get("strict-transport-security")).toContain("max-age=");
      const csrf = await fetch(`${secureApp.baseUrl}/api/auth/csrf`);
      const cookies = csrf.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/^__(Host|Secure)-next-auth\./);
        expect(cookie).toMatch(/;\s*Secure/i);
      }
    } finally {
      await secureApp.stop();
    }
  });
});

async function signInThroughForm(page: Page) {
  await page.getByLabel("Username or e-mail").fill(attendee.login);
  await page.getByLabel("Password").fill(attendee.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Collects policy violations: the browser's console reports and the DOM's violation events. */
async function watchForViolations(context: BrowserContext) {
  const seen: string[] = [];
  context.on("console", (message) => {
    // Also the browser's complaints about the headers themselves (an unknown policy feature).
    if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text())) {
      seen.push(message.text());
    }
  });
  context.on("weberror", (error) => seen.push(`page error: ${error.error().message}`));
  await context.exposeBinding("reportViolation", (_, text: string) => void seen.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
      report(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  return () => seen;
}
