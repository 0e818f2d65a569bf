// Through real HTTP against `next start`: unknown pages, events and orders answer 404 (not a
// "Page not found" with 200), the site icon resolves (and /favicon.ico, which browsers and tools
// ask for by name), and an event's page says when it is sold out or cancelled instead of
// offering seats.
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

let app: AppServer;
let soldOutId: string;
let cancelledId: string;
let onSaleId: string;

beforeAll(async () => {
  app = await startAppServer();
  const { db } = app.database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  const event = (status?: "CANCELLED") =>
    makeEvent(db, { organizerId: organizer.id, venueId: venue.id, status });
  onSaleId = (await event()).id;
  soldOutId = (await event()).id;
  cancelledId = (await event("CANCELLED")).id;
  await db.eventSeat.updateMany({ where: { eventId: soldOutId }, data: { status: "SOLD" } });
});
afterAll(async () => {
  await app?.stop();
});

const page = (path: string, init?: RequestInit) =>
  fetch(`${app.baseUrl}${path}`, { redirect: "manual", ...init });

/** The page's markup without its scripts, which carry every message of the locale. */
const shown = async (path: string, init?: RequestInit) =>
  (await (await page(path, init)).text()).replace(/<script[\s\S]*?<\/script>/g, "");

describe("not found", () => {
  it.each([
    "/no-such-page",
    "/events/00000000-0000-4000-8000-000000000000",
    "/events/not-a-uuid",
    "/events/00000000-0000-4000-8000-000000000000/seats",
    "/events/00000000-0000-4000-8000-000000000000/checkout",
  ])("%s answers 404 with the not-found page", async (path) => {
    const response = await page(path);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("an unknown order answers 404 to a signed-in buyer, and sends a visitor to sign in", async () => {
    const buyer = new SessionClient(app.baseUrl);
    const account = {
      username: "lost_order",
      email: "lost@example.com",
      password: "a-long-pass-1",
    };
    await buyer.trpc("auth.register", account, { method: "POST" });
    await buyer.signIn(account.username, account.password);
    const path = "/orders/00000000-0000-4000-8000-000000000000";
    const unknown = await buyer.fetch(path);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Page not found");
    expect((await buyer.fetch("/orders/not-a-uuid")).status).toBe(404);

    const visitor = await page(path);
    expect(visitor.status).toBe(307);
    expect(visitor.headers.get("location")).toContain("/sign-in?callbackUrl=");
  });

  it("checkout sends a visitor to sign in with a redirect, not a page that says so", async () => {
    const response = await page(`/events/${onSaleId}/checkout`);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/sign-in?callbackUrl=");
  });
});

describe("site icon", () => {
  it("every page links an icon that answers 200 as an SVG", async () => {
    const html = await (await page("/")).text();
    const hrefs = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((match) => match[1]);
    const svg = hrefs.find((href) => href?.startsWith("/icon.svg"));
    expect(svg).toBeDefined();
    const icon = await page(svg ?? "");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
  });

  it("/favicon.ico answers 200 with an icon, for browsers and tools that ask for it by name", async () => {
    const icon = await page("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/x-icon");
    const bytes = new Uint8Array(await icon.arrayBuffer());
    // An ICO file: reserved 0, type 1 (icon), at least one image.
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes[4]).toBeGreaterThan(0);
  });
});

describe("sale state on the event page", () => {
  it("offers seats while any are left", async () => {
    const html = await shown(`/events/${onSaleId}`);
    expect(html).toContain('data-testid="choose-seats"');
    expect(html).toContain("10 of 10 seats left");
  });

  it("a sold-out event says Sold out instead of offering seats, in both languages", async () => {
    const html = await shown(`/events/${soldOutId}`);
    expect(html).not.toContain('data-testid="choose-seats"');
    expect(html).not.toContain("Choose seats");
    expect(html).toMatch(/data-testid="not-on-sale"[^>]*>Sold out</);

    const zh = await shown(`/events/${soldOutId}`, { headers: { cookie: "NEXT_LOCALE=zh-TW" } });
    expect(zh).toMatch(/data-testid="not-on-sale"[^>]*>已售完</);
  });

  it("a cancelled event says Cancelled, not how many seats are left, in both languages", async () => {
    const html = await shown(`/events/${cancelledId}`);
    expect(html).not.toContain("seats left");
    expect(html).not.toContain('data-testid="choose-seats"');
    expect(html).toMatch(/data-testid="not-on-sale"[^>]*>Cancelled</);

    const zh = await shown(`/events/${cancelledId}`, { headers: { cookie: "NEXT_LOCALE=zh-TW" } });
    expect(zh).not.toContain("剩餘");
    expect(zh).toMatch(/data-testid="not-on-sale"[^>]*>已取消</);
  });
});
