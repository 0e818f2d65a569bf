// Event covers over real HTTP against the app server: the organizer uploads a picture (stored on
// disk in AVIF and WebP widths, served with year-long cache headers); a PDF, a file over 8 MB,
// another organizer's upload, a cross-site one and an attendee's are refused with clear
// messages and store nothing; removing the cover deletes its files.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

const PASSWORD = "cover-upload-2026";
let app: AppServer;
let coverDir: string;
let eventId: string;

beforeAll(async () => {
  coverDir = await mkdtemp(join(tmpdir(), "covers-http-"));
  app = await startAppServer({
    env: { COVER_DIR: coverDir },
    prepare: async ({ db }) => {
      const passwordHash = await hashPassword(PASSWORD);
      const owner = await makeUser(db, {
        role: "ORGANIZER",
        username: "cover_owner",
        passwordHash,
      });
      await makeUser(db, { role: "ORGANIZER", username: "cover_other", passwordHash });
      await makeUser(db, { username: "cover_fan", passwordHash });
      const venue = await makeVenue(db, { ownerId: owner.id });
      eventId = (await makeEvent(db, { organizerId: owner.id, venueId: venue.id })).id;
    },
  });
});
afterAll(async () => {
  await app?.stop();
  await rm(coverDir, { recursive: true, force: true });
});

async function signedIn(username: string) {
  const client = new SessionClient(app.baseUrl);
  await client.signIn(username, PASSWORD);
  expect(client.hasSessionCookie()).toBe(true);
  return client;
}

function upload(
  client: SessionClient,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
) {
  return client.fetch(`/api/covers/${eventId}`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/octet-stream",
      origin: app.baseUrl,
      ...headers,
    },
  });
}

async function storedFiles() {
  const entries = await readdir(coverDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const coverOf = () =>
  app.database.db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { coverKey: true, coverWidth: true, coverHeight: true },
  });

describe("uploading an event cover", () => {
  it("refuses a non-image, an oversized file and other people, storing nothing", async () => {
    const owner = await signedIn("cover_owner");
    const pdf = await upload(owner, new TextEncoder().encode("%PDF-1.7\n1 0 obj\n"));
    expect(pdf.status).toBe(400);
    expect(await pdf.json()).toEqual({
      error: {
        code: "BAD_REQUEST",
        message: "This file is not a JPEG, PNG, WebP, AVIF or GIF image.",
        details: { reason: "COVER_NOT_IMAGE" },
      },
    });

    const huge = await upload(owner, new Uint8Array(8 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatchObject({
      message: "The file is larger than 8 MB; choose a smaller image.",
      details: { reason: "COVER_TOO_LARGE" },
    });

    const picture = await sharp({
      create: { width: 1280, height: 720, channels: 3, background: "#3355aa" },
    })
      .jpeg()
      .toBuffer();
    const other = await upload(await signedIn("cover_other"), picture);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe("NOT_FOUND");
    expect((await upload(await signedIn("cover_fan"), picture)).status).toBe(403);
    expect((await upload(new SessionClient(app.baseUrl), picture)).status).toBe(401);
    // A form on another site can send neither this type nor this Origin.
    expect((await upload(owner, picture, { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(owner, picture, { "content-type": "text/plain" })).status).toBe(403);

    expect(await storedFiles()).toEqual([]);
    expect(await coverOf()).toEqual({ coverKey: null, coverWidth: null, coverHeight: null });
  });

  it("stores the owner's picture, serves it cacheable for a year, and removes it", async () => {
    const owner = await signedIn("cover_owner");
    const picture = await sharp({
      create: { width: 1280, height: 720, channels: 3, background: "#3355aa" },
    })
      .png()
      .toBuffer();
    const response = await upload(owner, picture);
    expect(response.status).toBe(200);
    const { cover } = await response.json();
    expect(cover).toMatchObject({ coverWidth: 1280, coverHeight: 720 });
    expect(await coverOf()).toEqual(cover);
    expect((await storedFiles()).length).toBe(6);

    const served = await fetch(`${app.baseUrl}/covers/${cover.coverKey}-960.webp`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({
      format: "webp",
      width: 960,
      height: 540,
    });
    expect((await fetch(`${app.baseUrl}/covers/${cover.coverKey}-961.webp`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/covers/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);

    // The public page shows it, with its size set.
    const page = await (await fetch(`${app.baseUrl}/events/${eventId}`)).text();
    expect(page).toContain(`/covers/${cover.coverKey}-1280.avif 1280w`);
    expect(page).toMatch(/<img[^>]*width="1280"[^>]*height="720"/);

    const removed = await owner.fetch(`/api/covers/${eventId}`, {
      method: "DELETE",
      headers: { origin: app.baseUrl },
    });
    expect(await removed.json()).toEqual({ removed: true });
    expect(await storedFiles()).toEqual([]);
    expect((await fetch(`${app.baseUrl}/covers/${cover.coverKey}-960.webp`)).status).toBe(404);
  });

  it("keeps the connection usable after refusing an upload it did not read", async () => {
    // One kept-alive connection, as a browser's or fetch's: the refused upload's unread rest
    // must not hold up the next request behind it (the API server relays /api/covers to
    // Next.js, which answers before reading the body).
    const owner = await signedIn("cover_owner");
    const { hostname, port, host } = new URL(app.baseUrl);
    const socket = connect(Number(port), hostname);
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (received += chunk));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    const receivedUntil = (pattern: RegExp) =>
      Promise.race([
        vi.waitFor(() => expect(received).toMatch(pattern), { timeout: 10_000 }),
        closed.then(() => expect(received).toMatch(pattern)),
      ]);
    try {
      const size = 8 * 1024 * 1024 + 1;
      socket.write(
        `POST /api/covers/${eventId} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${app.baseUrl}\r\n` +
          `Cookie: ${owner.cookieHeader()}\r\nContent-Type: application/octet-stream\r\n` +
          `Content-Length: ${size}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(size));
      await receivedUntil(/^HTTP\/1\.1 413 .*COVER_TOO_LARGE/s);
      socket.write(`GET /api/health/live HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      await receivedUntil(/COVER_TOO_LARGE.*HTTP\/1\.1 200 .*\{"status":"alive"\}/s);
    } finally {
      socket.destroy();
    }
  });
});
