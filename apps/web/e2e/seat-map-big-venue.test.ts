// A big venue's seat map in a real browser (issues 13 and 16): it opens on its sections (name,
// free seats, prices) rather than thousands of dots; a click, a tap or Enter on a section zooms
// to its seats; only the seats in view are in the page; row labels and seat numbers appear when
// zoomed in, and the section's name stays in view; the legend and the map tell states apart by
// shape, not only colour; a phone lists the sections first, draws one section's seats at a size
// that can be tapped and keeps the selection with its Hold button in view; a buyer takes the best
// 4 seats of a section at one click and holds 4 side by side (issue 15); axe-core finds nothing.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { makeEvent, makeUser } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signUpInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";

const SECTIONS = ["North", "East", "South", "West"];
const ROWS = 20;
const PER_ROW = 25;
const TOTAL = SECTIONS.length * ROWS * PER_ROW;

let app: AppServer;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startAppServer({
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, { role: "ORGANIZER" });
        const venue = await db.venue.create({
          data: {
            ownerId: organizer.id,
            name: "Big Test Dome",
            city: "Taipei",
            address: "1 Dome Road",
            sections: {
              create: SECTIONS.map((name, ordering) => ({ name, ordering })),
            },
          },
          include: { sections: { orderBy: { ordering: "asc" } } },
        });
        await db.seat.createMany({
          data: venue.sections.flatMap((section, s) =>
            Array.from({ length: ROWS * PER_ROW }, (_, i) => {
              const row = `R${Math.floor(i / PER_ROW) + 1}`;
              const number = (i % PER_ROW) + 1;
              return {
                venueId: venue.id,
                sectionId: section.id,
                rowLabel: row,
                number,
                label: `${row}-${number}`,
                x: (s % 2) * 320 + number * 10,
                y: 100 + Math.floor(s / 2) * 260 + Math.floor(i / PER_ROW) * 10,
              };
            }),
          ),
        });
        const event = await makeEvent(db, {
          organizerId: organizer.id,
          venueId: venue.id,
          title: "Dome Night",
        });
        eventId = event.id;
        // In North's front row: seats 1–3 sold, 4 held by someone, 5 blocked.
        const front = (numbers: number[]) => ({
          eventId,
          seat: { sectionId: venue.sections[0]?.id, rowLabel: "R1", number: { in: numbers } },
        });
        await db.eventSeat.updateMany({ where: front([1, 2, 3]), data: { status: "SOLD" } });
        await db.eventSeat.updateMany({ where: front([5]), data: { status: "BLOCKED" } });
        const holder = await makeUser(db);
        const held = await db.eventSeat.findFirstOrThrow({ where: front([4]) });
        await db.eventSeat.update({ where: { id: held.id }, data: { status: "RESERVED" } });
        await db.seatHold.create({
          data: {
            eventSeatId: held.id,
            eventId,
            userId: holder.id,
            price: 1000,
            expiresAt: new Date(Date.now() + 3600_000),
          },
        });
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The free seat drawn nearest the middle of the map (the page also holds seats just outside). */
async function freeSeatInView(page: Page) {
  const id = await page.evaluate(() => {
    const map = document.querySelector("[data-testid=seat-map]")?.getBoundingClientRect();
    let best: { id: string | null; d: number } = { id: null, d: Number.POSITIVE_INFINITY };
    for (const mark of document.querySelectorAll("[data-status=AVAILABLE]")) {
      const r = mark.getBoundingClientRect();
      const d = Math.hypot(
        r.left + r.width / 2 - ((map?.left ?? 0) + (map?.width ?? 0) / 2),
        r.top + r.height / 2 - ((map?.top ?? 0) + (map?.height ?? 0) / 2),
      );
      if (d < best.d) best = { id: mark.getAttribute("data-seat-id"), d };
    }
    return best.id;
  });
  return page.locator(`[data-seat-id="${id}"]`);
}

async function openMap(page: Page) {
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  return page.getByTestId("seat-map");
}

it("opens on sections, zooms into one, labels rows and selects a seat", async () => {
  const page = await browser.newPage({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  const map = await openMap(page);
  expect(await map.getAttribute("data-mode")).toBe("sections");
  // No seat is drawn at the overview: the sections are, with what is left in them.
  expect(await page.locator("[data-seat-id]").count()).toBe(0);
  const north = page.getByRole("button", { name: /^North, / });
  expect(await north.getAttribute("aria-label")).toMatch(/^North, 495 seats free · NT\$1,000$/);
  await screenshot(page, "seat-map-big-overview");

  await north.click();
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  // Only the seats around the section in view are in the page, not the whole venue.
  const drawn = await page.locator("[data-seat-id]").count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(TOTAL);
  expect(await page.getByTestId("section-names").textContent()).toContain("North");
  // The states of the front row are told apart by shape: held is a ring, sold a dot, blocked
  // a cross (not only shades of grey).
  const shapeOf = (status: string) =>
    page
      .locator(`[data-status=${status}]`)
      .first()
      .evaluate((mark) => `${mark.tagName}:${mark.getAttribute("fill")}:${mark.getAttribute("r")}`);
  const shapes = await Promise.all(["HELD", "SOLD", "BLOCKED"].map(shapeOf));
  expect(new Set(shapes).size).toBe(3);

  // Row labels are drawn once zoomed in far enough to read them (not at the overview).
  for (let i = 0; i < 3 && (await page.getByTestId("row-labels").count()) === 0; i++) {
    await page.getByRole("button", { name: "Zoom in" }).click();
  }
  await expect.poll(() => page.getByTestId("row-labels").count()).toBe(1);
  expect(await page.getByTestId("row-labels").textContent()).toContain("R1");
  await screenshot(page, "seat-map-big-section");

  const free = await freeSeatInView(page);
  const id = await free.getAttribute("data-seat-id");
  await free.click();
  await expect
    .poll(() => page.locator(`[data-seat-id="${id}"]`).getAttribute("data-status"))
    .toBe("SELECTED");
  await expect.poll(() => page.getByTestId("selected-seats").locator("li").count()).toBe(1);

  // The legend shows each state with the map's own mark.
  const legend = page.getByTestId("seat-legend");
  for (const kind of ["SELECTED", "MINE", "HELD", "SOLD", "BLOCKED"]) {
    expect(await legend.locator(`[data-kind=${kind}] svg > *`).count()).toBe(1);
  }
  await screenshot(page, "seat-map-big-selected");

  // Back to the overview, and into a section from the keyboard.
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect.poll(() => map.getAttribute("data-mode")).toBe("sections");
  await page.getByRole("button", { name: /^South, / }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  // From the overview, an arrow key moves on from the seat focused last, opening its section.
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect.poll(() => map.getAttribute("data-mode")).toBe("sections");
  await map.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  const focused = await map.getAttribute("aria-activedescendant");
  expect(await page.locator(`[id="${focused}"]`).getAttribute("aria-label")).toMatch(
    /^Seat R\d+-\d+, North, .*available$/,
  );
  await page.close();
});

it("zoomed in, numbers the seats, labels the rows and keeps the section's name in view", async () => {
  const page = await browser.newPage({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
  });
  const map = await openMap(page);
  await page.getByRole("button", { name: /^West, / }).click();
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  const zoomIn = page.getByRole("button", { name: "Zoom in" });
  for (let i = 0; i < 5 && (await page.locator("[data-seat-number]").count()) === 0; i++) {
    await zoomIn.click();
  }
  // Seat numbers are drawn inside the seats, big enough to read.
  const number = page.locator("[data-seat-number]").first();
  expect(Number(await number.textContent())).toBeGreaterThan(0);
  expect((await number.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(7);
  // Row labels at a fixed screen size (11 px), whatever the zoom.
  const rowLabel = page.getByTestId("row-labels").locator("text").first();
  expect((await rowLabel.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(10);
  // Deep into the section, its top out of view: its name is pinned inside the map.
  for (let i = 0; i < 4; i++) await zoomIn.click();
  const area = await map.boundingBox();
  const name = page.getByTestId("section-names").getByText("West", { exact: true });
  const at = await name.boundingBox();
  if (!area || !at) throw new Error("no map or no section name");
  expect(at.y).toBeGreaterThanOrEqual(area.y);
  expect(at.y + at.height).toBeLessThanOrEqual(area.y + area.height);
  expect(at.height).toBeGreaterThanOrEqual(12);
  await screenshot(page, "seat-map-big-numbers");
  await page.close();
});

it("draws every seat state in the legend as a shape of its own, told apart without colour", async () => {
  const page = await browser.newPage({ baseURL: app.baseUrl, locale: "en-US" });
  await openMap(page);
  // Each swatch drawn in black on a canvas: what is left is its shape alone.
  const masks = await page.getByTestId("seat-legend").evaluate(async (legend) => {
    const size = 32;
    const result: Record<string, boolean[]> = {};
    for (const item of legend.querySelectorAll("[data-kind]")) {
      const svg = item.querySelector("svg")?.cloneNode(true) as SVGSVGElement;
      svg.setAttribute("width", String(size));
      svg.setAttribute("height", String(size));
      const image = new Image();
      image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no canvas");
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, size, size);
      const ink: boolean[] = [];
      for (let i = 0; i < data.length; i += 4) {
        const light = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
        ink.push((data[i + 3] ?? 0) > 128 && light < 200);
      }
      const kind = item.getAttribute("data-kind") ?? "";
      // The first tier stands for every free seat.
      result[kind] ??= ink;
    }
    return result;
  });
  const kinds = ["AVAILABLE", "SELECTED", "MINE", "HELD", "SOLD", "BLOCKED"];
  expect(Object.keys(masks).sort()).toEqual([...kinds].sort());
  for (const [i, a] of kinds.entries()) {
    for (const b of kinds.slice(i + 1)) {
      const first = masks[a] ?? [];
      const second = masks[b] ?? [];
      const differing = first.filter((inked, pixel) => inked !== second[pixel]).length;
      // At least 8% of the swatch differs in shape between any two states.
      expect(differing / first.length, `${a} vs ${b}`).toBeGreaterThan(0.08);
    }
  }
  await page.close();
});

it("on a phone, lists the sections, opens one at a tappable size and keeps Hold in view, in zh-TW", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "zh-TW",
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  // Sections first, each with its prices and seats left; no seat drawn yet.
  const list = page.getByTestId("section-list");
  expect(await list.locator("[data-section]").count()).toBe(SECTIONS.length);
  // Each with its best seats at one tap.
  expect(await list.locator("[data-best-section]").count()).toBe(SECTIONS.length);
  expect(await page.getByTestId("seat-map").count()).toBe(0);
  const north = list.locator("[data-section]", { hasText: "North" });
  expect(await north.textContent()).toMatch(/North.*尚有 495 個空位.*NT\$1,000/);
  const east = list.locator("[data-section]", { hasText: "East" });
  expect(await east.textContent()).toMatch(/尚有 500 個空位/);
  await screenshot(page, "seat-map-big-sections-phone-zh");

  await east.tap();
  const map = page.getByTestId("seat-map");
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  expect(await page.getByTestId("open-section").textContent()).toMatch(/East.*尚有 500 個空位/);
  // Only that section's seats are drawn, big enough to tap, rows labelled.
  const drawn = await page.locator("[data-seat-id]").count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThanOrEqual(ROWS * PER_ROW);
  const seat = await freeSeatInView(page);
  expect((await seat.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(12);
  expect(await page.getByTestId("row-labels").count()).toBe(1);

  await seat.tap();
  const bar = page.getByTestId("selection-bar");
  await expect.poll(() => bar.count()).toBe(1);
  expect(await bar.textContent()).toContain("已選 1 個座位");
  // The summary and its button are on screen without scrolling.
  const hold = bar.getByRole("button", { name: "登入以保留座位" });
  expect(await hold.isEnabled()).toBe(true);
  for (const box of [await bar.boundingBox(), await hold.boundingBox()]) {
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
  }
  await screenshot(page, "seat-map-big-section-phone-zh");

  // Two fingers spread apart zoom in until the seats carry their numbers.
  const area = await map.boundingBox();
  if (!area) throw new Error("no map");
  const mid = { x: area.x + area.width / 2, y: area.y + area.height / 2 };
  const touch = await context.newCDPSession(page);
  const fingers = (spread: number) => [
    { x: mid.x - spread, y: mid.y, id: 0 },
    { x: mid.x + spread, y: mid.y, id: 1 },
  ];
  await touch.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(20) });
  for (let spread = 30; spread <= 60; spread += 10) {
    await touch.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: fingers(spread),
    });
  }
  await touch.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect.poll(() => page.locator("[data-seat-number]").count()).toBeGreaterThan(0);
  const pinched = await page.locator("[data-seat-id]").first().boundingBox();
  expect(pinched?.width ?? 0).toBeGreaterThanOrEqual(20);
  await screenshot(page, "seat-map-big-pinched-phone-zh");

  // Back to the list, focus on the section left; the selection stays.
  await page.getByTestId("all-sections").tap();
  await expect.poll(() => list.count()).toBe(1);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
    .toContain("East");
  expect(await bar.textContent()).toContain("已選 1 個座位");
  await context.close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core"), "utf8");

/** axe-core's findings on the page as it is now, one line each. */
async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run(document, { resultTypes: ["violations"] }),
  );
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

it("has no axe-core violations: overview, a section, a focused seat, the phone's list", async () => {
  for (const locale of ["en-US", "zh-TW"]) {
    const page = await browser.newPage({
      baseURL: app.baseUrl,
      locale,
      viewport: { width: 1280, height: 800 },
    });
    const map = await openMap(page);
    expect(await axeViolations(page), `${locale} overview`).toEqual([]);
    await page.locator("[data-section-index]").first().click();
    await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
    await map.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => map.getAttribute("aria-activedescendant")).toBeTruthy();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("selected-seats").count()).toBe(1);
    expect(await axeViolations(page), `${locale} seats`).toEqual([]);
    await page.close();

    const phone = await browser.newPage({
      baseURL: app.baseUrl,
      locale,
      viewport: { width: 390, height: 844 },
    });
    await phone.goto(`/events/${eventId}/seats`);
    await expect.poll(() => phone.getByTestId("live-indicator").count()).toBe(1);
    expect(await axeViolations(phone), `${locale} phone list`).toEqual([]);
    await phone.getByTestId("section-list").getByRole("button").first().click();
    await expect.poll(() => phone.getByTestId("seat-map").count()).toBe(1);
    expect(await axeViolations(phone), `${locale} phone section`).toEqual([]);
    await phone.close();
  }
});

it("holds the best 4 seats of a section, side by side, at one click, and zooms to them", async () => {
  const page = await browser.newPage({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  await signUpInBrowser(
    page,
    app.mail,
    { username: "best_four", password: "best-seats-2026" },
    { callbackUrl: `/events/${eventId}/seats` },
  );
  const map = await openMap(page);
  const panel = page.getByTestId("best-available");
  await panel.getByLabel("Seats", { exact: true }).selectOption("4");
  await panel.getByRole("button", { name: "Best 4 seats available in North" }).click();

  // North's front row has seats 1–5 taken: the 4 nearest its centre are 11–14.
  const held = page.getByTestId("held-seats");
  await expect.poll(() => held.locator("li").count(), { timeout: 15_000 }).toBe(4);
  expect(await held.locator("li").allTextContents()).toEqual(
    [11, 12, 13, 14].map((number) => expect.stringContaining(`R1-${number} · North`)),
  );
  expect(await page.getByTestId("best-notice").textContent()).toBe(
    "Held for you in North: R1-11, R1-12, R1-13, R1-14.",
  );
  // The database agrees: this buyer holds 4 seats of one row, numbered one after another.
  const holds = await app.database.db.seatHold.findMany({
    where: { eventId, user: { username: "best_four" } },
    select: { eventSeat: { select: { seat: { select: { rowLabel: true, number: true } } } } },
  });
  const seats = holds.map((hold) => hold.eventSeat.seat).sort((a, b) => a.number - b.number);
  expect(new Set(seats.map((seat) => seat.rowLabel))).toEqual(new Set(["R1"]));
  expect(seats.map((seat) => seat.number)).toEqual([11, 12, 13, 14]);

  // The map has zoomed to their section by itself: there they are the buyer's own.
  await expect.poll(() => map.getAttribute("data-mode")).toBe("seats");
  expect(await page.getByTestId("section-names").textContent()).toContain("North");
  await expect.poll(() => page.locator("[data-status=MINE]").count()).toBe(4);
  await screenshot(page, "seat-map-big-best-available");
  await page.close();
});

it("on a phone, takes the best seats from the section list and opens their section", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await signUpInBrowser(
    page,
    app.mail,
    { username: "best_pair", password: "best-seats-2026" },
    { callbackUrl: `/events/${eventId}/seats` },
  );
  await page.goto(`/events/${eventId}/seats`);
  await expect.poll(() => page.getByTestId("live-indicator").count(), { timeout: 15_000 }).toBe(1);
  await page.getByRole("button", { name: "Best 2 seats available in East" }).tap();
  // The section opens on its seats, the two held ones the buyer's own, side by side.
  await expect.poll(() => page.getByTestId("open-section").count(), { timeout: 15_000 }).toBe(1);
  expect(await page.getByTestId("open-section").textContent()).toContain("East");
  await expect.poll(() => page.locator("[data-status=MINE]").count()).toBe(2);
  const held = await page.getByTestId("held-seats").locator("li").allTextContents();
  expect(held).toEqual([
    expect.stringContaining("R1-12 · East"),
    expect.stringContaining("R1-13 · East"),
  ]);
  await screenshot(page, "seat-map-big-best-available-phone");
  await context.close();
});
