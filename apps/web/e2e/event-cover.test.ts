// An organizer gives an event a cover image in a real browser: uploaded from the event's console
// page, it replaces the generated cover there, on the public event page (with its size set, so
// nothing shifts) and on the event's card; the page links the venue's address to OpenStreetMap.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../test/app-server";
import { signInInBrowser } from "./accounts";
import { launchBrowser, screenshot } from "./browser";

const ORGANIZER = { username: "cover_artist", password: "cover-artist-2026" };
const TITLE = "Lanterns over the Harbour";
let app: AppServer;
let browser: Browser;
let coverDir: string;
let eventId: string;

beforeAll(async () => {
  coverDir = await mkdtemp(join(tmpdir(), "covers-browser-"));
  [app, browser] = await Promise.all([
    startAppServer({
      env: { COVER_DIR: coverDir },
      prepare: async ({ db }) => {
        const organizer = await makeUser(db, {
          role: "ORGANIZER",
          username: ORGANIZER.username,
          passwordHash: await hashPassword(ORGANIZER.password),
        });
        const venue = await makeVenue(db, { ownerId: organizer.id });
        await db.venue.update({ where: { id: venue.id }, data: { address: "1 Pier Road" } });
        eventId = (
          await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, title: TITLE })
        ).id;
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await rm(coverDir, { recursive: true, force: true });
});

/** The cover image on the page, once it has loaded: which file and at what size. */
async function loadedCover(page: Page) {
  const image = page.getByTestId("event-cover-image").first();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
  return image.evaluate((img: HTMLImageElement) => ({
    src: img.currentSrc,
    natural: img.naturalWidth,
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
  }));
}

it("uploads a cover that the public page and card then show", async () => {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await signInInBrowser(
    page,
    ORGANIZER.username,
    ORGANIZER.password,
    `/organizer/events/${eventId}`,
  );
  await page.waitForURL(`${app.baseUrl}/organizer/events/${eventId}`);
  await expect.poll(() => page.getByTestId("event-cover-generated").count()).toBeGreaterThan(0);

  // A text file renamed .jpg is refused with the reason; nothing changes.
  await page.getByTestId("cover-file").setInputFiles({
    name: "cover.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("not really a picture"),
  });
  await expect
    .poll(() => page.getByRole("alert").first().textContent())
    .toContain("not a JPEG, PNG, WebP, AVIF or GIF image");

  const picture = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: 230, g: 120, b: 20 } },
  })
    .jpeg()
    .toBuffer();
  await page.getByTestId("cover-file").setInputFiles({
    name: "lanterns.jpg",
    mimeType: "image/jpeg",
    buffer: picture,
  });
  await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Cover saved.");
  await expect.poll(() => page.getByTestId("event-cover-image").count()).toBe(1);
  await screenshot(page, "90-organizer-event-cover");

  // The public page: the uploaded cover, decoded, with its size; the address on a map.
  const visitor = await browser.newContext({
    baseURL: app.baseUrl,
    locale: "en-US",
    viewport: { width: 390, height: 844 },
  });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/events/${eventId}`);
  const cover = await loadedCover(publicPage);
  expect(cover.src).toMatch(new RegExp(`/covers/${eventId}/[0-9a-f]{16}-\\d+\\.avif$`));
  expect(cover.natural).toBeGreaterThan(0);
  expect({ width: cover.width, height: cover.height }).toEqual({ width: "1600", height: "900" });
  expect(await publicPage.getByTestId("event-cover-generated").count()).toBe(0);
  const mapLink = publicPage.getByTestId("venue-map-link");
  expect(await mapLink.getAttribute("href")).toBe(
    "https://www.openstreetmap.org/search?query=1%20Pier%20Road%2C%20Taipei",
  );
  await screenshot(publicPage, "91-event-page-cover-phone");

  // The event's card on the home page.
  await publicPage.goto("/");
  const card = publicPage.getByRole("listitem").filter({ hasText: TITLE });
  await card.scrollIntoViewIfNeeded();
  const cardCover = card.getByTestId("event-cover-image");
  await expect
    .poll(() => cardCover.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  expect(await cardCover.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(
    `/covers/${eventId}/`,
  );
  await context.close();
  await visitor.close();
});
