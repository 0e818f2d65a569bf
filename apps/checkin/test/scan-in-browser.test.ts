// The check-in app in Chromium against a real OpenTicket (the web app's production build on a
// fresh database, over HTTP): sign in through next-auth, choose the event and a door, check a
// ticket in by typing its code, again (already in), and a code that is none; then through the
// real camera path: Chromium's fake camera plays a video of a ticket's QR code (written here as
// a .y4m file), which the app reads with @zxing/browser and checks in. Then offline: the network
// cut in the browser and at the phone's server, the phone checks signed codes itself (two
// admitted, a repeat, a forgery, the app reopened offline), another door admits one of them
// online meanwhile, and on reconnecting the scans sync: the
// first scan wins and the conflict is shown.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "@openticket/db";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import {
  BarcodeFormat,
  BinaryBitmap,
  EncodeHintType,
  HybridBinarizer,
  QRCodeReader,
  QRCodeWriter,
  RGBLuminanceSource,
} from "@zxing/library";
import { type Browser, chromium } from "playwright-core";
import { build, type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test (not the app) starts OpenTicket the way the web app's own HTTP tests do.
import { type AppServer, startAppServer } from "../../web/test/app-server.ts";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const PASSWORD = "door-test-password-2026";

let app: AppServer;
let checkin: PreviewServer;
/** The same app served for the phone whose network the offline test cuts (see `eastNetwork`). */
let eastCheckin: PreviewServer;
/**
 * Whether the East gate phone has a network. Chromium's offline emulation does not cover every
 * request of a page a service worker controls (a CI run saw a sync reach OpenTicket "offline"),
 * so its server also refuses the phone's api requests while it is cut.
 */
let eastOnline = true;
let browser: Browser;
let codes: string[];
let offlineEvent: { id: string; title: string };
let organizerLogin: string;
let scratch: string;

const FRAME = { width: 640, height: 480, size: 320 };

/** `text` as a QR code on white, in the middle of a 640×480 frame: its luma (Y) plane. */
function qrFrame(text: string) {
  const { width, height, size } = FRAME;
  const hints = new Map([[EncodeHintType.MARGIN, 4]]);
  const matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
  const luma = Buffer.alloc(width * height, 235);
  const left = (width - size) / 2;
  const top = (height - size) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (matrix.get(x, y)) luma[(top + y) * width + left + x] = 16;
    }
  }
  return luma;
}

/**
 * Whether zxing reads `text` back from its frame. About 1 in 30 random codes it cannot, from
 * this exact picture, whatever the attempt (a still, synthetic frame; a real camera's frames
 * differ every time): the fake camera would film such a code forever, unread.
 */
function readsBack(text: string) {
  const source = new RGBLuminanceSource(
    new Uint8ClampedArray(qrFrame(text)),
    FRAME.width,
    FRAME.height,
  );
  try {
    return (
      new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText() === text
    );
  } catch {
    return false;
  }
}

/** A random ticket code that the camera test's still frame can be read back from. */
function readableCode() {
  for (;;) {
    const code = randomUUID().replaceAll("-", "");
    if (readsBack(code)) return code;
  }
}

/**
 * A still video (YUV4MPEG2, 4:2:0) of `text` as a QR code (qrFrame), as Chromium's
 * --use-file-for-fake-video-capture plays it (in a loop).
 */
function qrVideo(text: string, path: string) {
  const { width, height } = FRAME;
  const luma = qrFrame(text);
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, frame, frame]));
}

/** A paid order of one ticket per seat of the event, written as a checkout leaves it. */
async function sellAll(db: Db, eventId: string, buyerId: string) {
  const seats = await db.eventSeat.findMany({
    where: { eventId },
    select: { id: true, tier: { select: { price: true } } },
  });
  const order = await db.order.create({
    data: {
      userId: buyerId,
      eventId,
      status: "PAID",
      total: seats.reduce((sum, seat) => sum + seat.tier.price, 0),
      idempotencyKey: randomUUID(),
      tickets: {
        create: seats.map((seat) => ({
          eventSeatId: seat.id,
          pricePaid: seat.tier.price,
          code: readableCode(),
        })),
      },
    },
    select: { tickets: { select: { code: true }, orderBy: { code: "asc" } } },
  });
  await db.eventSeat.updateMany({ where: { eventId }, data: { status: "SOLD" } });
  return order.tickets.map((ticket) => ticket.code);
}

beforeAll(async () => {
  app = await startAppServer();
  const { db } = app.database;
  const organizer = await makeUser(db, {
    role: "ORGANIZER",
    passwordHash: await hashPassword(PASSWORD),
  });
  organizerLogin = organizer.username;
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 3 });
  const event = await makeEvent(db, {
    organizerId: organizer.id,
    venueId: venue.id,
    title: "Door Test Night",
    status: "PUBLISHED",
  });
  const buyer = await makeUser(db);
  codes = await sellAll(db, event.id, buyer.id);
  const offlineVenue = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 3 });
  offlineEvent = await makeEvent(db, {
    organizerId: organizer.id,
    venueId: offlineVenue.id,
    title: "Offline Night",
    status: "PUBLISHED",
  });
  await sellAll(db, offlineEvent.id, buyer.id);

  await build({ root: appDir, logLevel: "warn" });
  process.env.OPENTICKET_URL = app.baseUrl;
  checkin = await preview({
    root: appDir,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  eastCheckin = await preview({
    root: appDir,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
    plugins: [
      {
        name: "east-gate-network",
        // Runs before the /api proxy: no network, no answer.
        configurePreviewServer(server) {
          server.middlewares.use((request, _response, next) => {
            if (!eastOnline && request.url?.startsWith("/api/")) request.socket.destroy();
            else next();
          });
        },
      },
    ],
  });
  scratch = mkdtempSync(join(tmpdir(), "openticket-camera-"));
  const video = join(scratch, "ticket.y4m");
  qrVideo(codes[1] ?? "", video);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      // A camera that films the ticket's QR code, allowed without asking.
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await checkin?.close();
  await eastCheckin?.close();
  await app?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the check-in app in a browser", () => {
  it("signs in through the proxy, checks a typed code in, says so again, calls garbage unknown, and checks a ticket in through the camera", async () => {
    const url = checkin.resolvedUrls?.local[0];
    if (!url) throw new Error("no preview URL");
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel("Username or e-mail").fill(organizerLogin);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByLabel("Door").fill("North gate");
    await page.getByRole("button", { name: /Door Test Night/ }).click();
    const answer = page.locator("output.answer");
    await expect.poll(() => answer.textContent()).toContain("Ready");

    const code = page.getByLabel("Type a ticket code");
    await code.fill(codes[0] ?? "");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("ADMITTED");
    expect(await answer.textContent()).toContain("Valid: let in");

    await code.fill(codes[0] ?? "");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("ALREADY_CHECKED_IN");
    expect(await answer.textContent()).toContain("North gate");

    await code.fill("not-a-ticket");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("UNKNOWN");

    const admitted = await app.database.db.ticket.findMany({
      where: { code: { in: codes } },
      select: { code: true, status: true },
    });
    expect(Object.fromEntries(admitted.map((ticket) => [ticket.code, ticket.status]))).toEqual({
      [codes[0] ?? ""]: "CHECKED_IN",
      [codes[1] ?? ""]: "VALID",
      [codes[2] ?? ""]: "VALID",
    });

    // The camera: it films ticket 2's QR code; the app reads it and checks the ticket in.
    await page.getByRole("button", { name: "Scan with camera" }).click();
    // Starting the fake camera and decoding its frames is slow on a loaded machine.
    const cameraAnswer = () =>
      Promise.all([
        answer.getAttribute("data-outcome"),
        page.getByRole("alert").allTextContents(),
        page.locator("video.camera").count(),
      ]).then(([outcome, alerts, videos]) => ({ outcome, alerts, videos }));
    await expect
      .poll(cameraAnswer, { timeout: 60_000 })
      .toEqual({ outcome: "ADMITTED", alerts: [], videos: 1 });
    expect(
      await app.database.db.ticket.findUnique({
        where: { code: codes[1] },
        select: { status: true },
      }),
    ).toEqual({ status: "CHECKED_IN" });

    // Switched off, the camera is off; switched off while the phone is still asking for it, it
    // goes off as soon as it comes (the camera answers half a second late here).
    await page.evaluate(() => {
      const media = navigator.mediaDevices;
      const getUserMedia = media.getUserMedia.bind(media);
      const streams: MediaStream[] = [];
      Object.assign(window, { cameraStreams: streams });
      media.getUserMedia = async (constraints) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const stream = await getUserMedia(constraints);
        streams.push(stream);
        return stream;
      };
    });
    await page.getByRole("button", { name: "Stop camera" }).click();
    expect(await page.locator("video.camera").count()).toBe(0);
    await page.getByRole("button", { name: "Scan with camera" }).click();
    await page.getByRole("button", { name: "Stop camera" }).click();
    const liveTracks = () =>
      page.evaluate(() =>
        (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams.flatMap((stream) =>
          stream.getTracks().map((track) => track.readyState),
        ),
      );
    await expect
      .poll(async () => {
        const states = await liveTracks();
        return states.length > 0 && states.every((state) => state === "ended");
      })
      .toBe(true);
    await context.close();
  });

  it("scans offline with the event's key, refuses a forgery, and syncs on reconnecting: the first scan wins, the conflict is shown", async () => {
    const url = checkin.resolvedUrls?.local[0];
    const eastUrl = eastCheckin.resolvedUrls?.local[0];
    if (!url || !eastUrl) throw new Error("no preview URL");
    const { db } = app.database;
    const openStation = async (door: string, at = url) => {
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      await page.goto(at);
      await page.getByLabel("Username or e-mail").fill(organizerLogin);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByLabel("Door").fill(door);
      return { context, page };
    };
    const { context, page } = await openStation("East gate", eastUrl);
    const eastNetwork = async (online: boolean) => {
      eastOnline = online;
      await context.setOffline(!online);
    };
    // The tickets were sold before codes were signed: the organizer re-issues them (rotating the
    // event's key, over HTTP as the organizer), then the station takes the event's offline kit.
    const rotated = await page.evaluate(async (eventId) => {
      const response = await fetch("/api/trpc/checkin.rotateKey", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { eventId } }),
      });
      return response.status;
    }, offlineEvent.id);
    expect(rotated).toBe(200);
    const tickets = await db.ticket.findMany({
      where: { order: { eventId: offlineEvent.id } },
      select: { id: true, code: true },
      orderBy: { id: "asc" },
    });
    const [a, b] = tickets;
    if (!a || !b) throw new Error("tickets");
    expect(a.code).toHaveLength(132);

    // The station's first kit arrives only after the phone has lost its network: the late
    // answer must not mark the phone online again.
    let kitFetched = () => {};
    const fetched = new Promise<void>((resolve) => {
      kitFetched = resolve;
    });
    let releaseKit = () => {};
    const released = new Promise<void>((resolve) => {
      releaseKit = resolve;
    });
    const isKit = (address: URL) => address.pathname.includes("checkin.offlineKit");
    await page.route(isKit, async (route) => {
      const response = await route.fetch();
      kitFetched();
      await released;
      await route.fulfill({ response });
    });
    await page.getByRole("button", { name: /Offline Night/ }).click();
    const status = page.locator(".connection");
    await expect.poll(() => status.textContent()).toContain("Online");
    // The app keeps itself for offline use once its service worker is in.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await fetched;
    await eastNetwork(false);
    await expect.poll(() => status.textContent()).toContain("Offline");
    releaseKit();
    await page.waitForFunction(
      (eventId) => localStorage.getItem(`openticket.checkin.kit.${eventId}`) !== null,
      offlineEvent.id,
    );
    await page.unroute(isKit);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await status.textContent()).toContain("Offline");
    await eastNetwork(true);
    await expect.poll(() => status.textContent()).toContain("Online");
    const answer = page.locator("output.answer");
    const check = async (code: string) => {
      await page.getByLabel("Type a ticket code").fill(code);
      await page.getByRole("button", { name: "Check", exact: true }).click();
    };

    await eastNetwork(false);
    await expect.poll(() => status.textContent()).toContain("Offline");
    await check(a.code);
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("ADMITTED");
    expect(await answer.getAttribute("data-offline")).toBe("true");
    await check(b.code);
    await expect.poll(() => status.textContent()).toContain("2 scans waiting to sync");
    await check(a.code);
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("ALREADY_CHECKED_IN");
    // A forgery: ticket B's claims with one signature character changed.
    const forged = b.code.slice(0, 100) + (b.code[100] === "A" ? "B" : "A") + b.code.slice(101);
    await check(forged);
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("UNKNOWN");
    if (process.env.CHECKIN_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.CHECKIN_SCREENSHOTS, "offline.png") });
    }
    // The phone reopens the app without the network: the station and its scans are still there.
    await page.reload();
    await expect.poll(() => status.textContent()).toContain("2 scans waiting to sync");
    // (Its first sync attempt is what tells it the network is gone.)
    await expect.poll(() => status.textContent()).toContain("Offline");
    await check(b.code);
    await expect.poll(() => answer.getAttribute("data-outcome")).toBe("ALREADY_CHECKED_IN");
    // Nothing reached OpenTicket yet.
    expect(await db.checkIn.count({ where: { eventId: offlineEvent.id } })).toBe(0);

    // Meanwhile the North gate, online, lets ticket B in (after this phone did).
    const north = await openStation("North gate");
    await north.page.getByRole("button", { name: /Offline Night/ }).click();
    await north.page.getByLabel("Type a ticket code").fill(b.code);
    await north.page.getByRole("button", { name: "Check", exact: true }).click();
    await expect
      .poll(() => north.page.locator("output.answer").getAttribute("data-outcome"))
      .toBe("ADMITTED");
    await north.context.close();

    await eastNetwork(true);
    await expect.poll(() => status.textContent()).toContain("2 offline scans synced");
    const conflicts = page.getByRole("region", { name: "Conflicts from offline scans" });
    await expect.poll(() => conflicts.textContent()).toContain("this door let it in first");
    expect(await conflicts.textContent()).toContain("North gate");
    if (process.env.CHECKIN_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.CHECKIN_SCREENSHOTS, "synced.png") });
    }
    const admissions = await db.checkIn.findMany({
      where: { eventId: offlineEvent.id, undoneAt: null, supersededAt: null },
      select: { ticketId: true, door: true },
      orderBy: { ticketId: "asc" },
    });
    expect(admissions).toEqual([
      { ticketId: a.id, door: "East gate" },
      { ticketId: b.id, door: "East gate" },
    ]);
    expect(
      await db.checkIn.count({
        where: { ticketId: b.id, door: "North gate", supersededAt: { not: null } },
      }),
    ).toBe(1);
    await context.close();
  });
});
