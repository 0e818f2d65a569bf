// Through real HTTP against `pnpm start`'s servers (scripts/cluster.ts): the API server answers
// /api/trpc/* itself and passes pages to Next.js behind it, keeping connections open; a large
// tRPC answer goes out brotli-compressed when the client accepts br, compressed once (Next.js's
// own gzip is off), gzip-only clients get gzip, and small answers are sent as they are. Raw bytes
// are read with node:http, which, unlike fetch, does not decode them.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";

let app: AppServer;
let eventId: string;

beforeAll(async () => {
  app = await startAppServer({ env: { RATE_LIMITS: "off" } });
  const { db } = app.database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 20, seatsPerRow: 50 });
  eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
});
afterAll(async () => {
  await app?.stop();
});

function get(path: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${app.baseUrl}${path}`, {
        headers: { "accept-encoding": acceptEncoding },
      });
      req.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    },
  );
}

const seatMap = () =>
  `/api/trpc/event.seatMap?input=${encodeURIComponent(JSON.stringify({ json: { eventId } }))}`;

it("sends a large answer brotli-compressed, once, to a client that accepts br", async () => {
  const plain = await get(seatMap(), "identity");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.byteLength).toBeGreaterThan(10_000);

  const compressed = await get(seatMap(), "gzip, deflate, br");
  expect(compressed.headers["content-encoding"]).toBe("br");
  expect(String(compressed.headers.vary)).toMatch(/accept-encoding/i);
  expect(compressed.body.byteLength).toBeLessThan(plain.body.byteLength / 4);
  expect(JSON.parse(brotliDecompressSync(compressed.body).toString())).toEqual(
    JSON.parse(plain.body.toString()),
  );
});

it("gzip-only clients get gzip", async () => {
  const gzipped = await get(seatMap(), "gzip");
  expect(gzipped.headers["content-encoding"]).toBe("gzip");
  expect(JSON.parse(gunzipSync(gzipped.body).toString())).toHaveProperty("result");
});

it("sends a small answer as it is", async () => {
  const unknown = JSON.stringify({ json: { eventId: "00000000-0000-4000-8000-000000000000" } });
  const small = await get(`/api/trpc/event.seatMap?input=${encodeURIComponent(unknown)}`, "br");
  expect(small.headers["content-encoding"]).toBeUndefined();
  expect(JSON.parse(small.body.toString()).error.json.data.code).toBe("NOT_FOUND");
});

it("refuses a path with a malformed %-escape with 400, not a server error", async () => {
  const garbled = await get("/api/trpc/event.%E0%A4%A", "identity");
  expect(JSON.parse(garbled.body.toString()).error.json.data.httpStatus).toBe(400);
});

it("answers the API itself, passes pages to Next.js, and keeps idle connections open for 65 s", async () => {
  const api = await get(seatMap(), "identity");
  expect(api.headers["keep-alive"]).toBe("timeout=65");
  const page = await get("/", "identity");
  expect(String(page.headers["content-type"])).toContain("text/html");
  expect(page.body.toString()).toContain("<html");
  expect(page.headers["keep-alive"]).toBe("timeout=65");
  // Each was answered, and logged, by a process of its own: the API server, then Next.js.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const lines = app
    .output()
    .split("\n")
    .filter((line) => line.includes('"msg":"request"'));
  const byPath = (path: string) =>
    new Set(
      lines
        .filter((line) => line.includes(`"path":"${path}"`))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
  const apiPids = byPath("/api/trpc/event.seatMap");
  const pagePids = byPath("/");
  expect(apiPids.size).toBe(1);
  expect(pagePids.size).toBe(1);
  expect([...apiPids][0]).not.toBe([...pagePids][0]);
});
