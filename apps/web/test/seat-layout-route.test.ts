// GET /api/events/:id/seat-layout through `next start`: the layout with its version as ETag, a
// 304 for a matching If-None-Match, an immutable Cache-Control only for the current version of
// a published event, 404 JSON for unknown, malformed or hidden events,
// and the body compressed exactly once.
import { get, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { hashPassword } from "@openticket/db/password";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

let app: AppServer;
let publishedId: string;
let draftId: string;
const ORGANIZER_PASSWORD = "layouts-are-cached-2026";

beforeAll(async () => {
  app = await startAppServer();
  const { db } = app.database;
  const organizer = await makeUser(db, {
    role: "ORGANIZER",
    username: "layout_organizer",
    passwordHash: await hashPassword(ORGANIZER_PASSWORD),
  });
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 20, seatsPerRow: 30 });
  publishedId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
  draftId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, status: "DRAFT" }))
    .id;
});
afterAll(async () => {
  await app?.stop();
});

const layoutUrl = (id: string, version?: string) =>
  `${app.baseUrl}/api/events/${id}/seat-layout${version ? `?v=${version}` : ""}`;

describe("the seat layout URL", () => {
  it("answers the layout with its version as ETag, 304 when unchanged, immutable at ?v=", async () => {
    const first = await fetch(layoutUrl(publishedId));
    expect(first.status).toBe(200);
    const layout = (await first.json()) as { version: string; seatCount: number };
    expect(layout.seatCount).toBe(600);
    expect(first.headers.get("etag")).toBe(`"${layout.version}"`);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");

    const again = await fetch(layoutUrl(publishedId), {
      headers: { "if-none-match": `"${layout.version}"` },
    });
    expect(again.status).toBe(304);

    const pinned = await fetch(layoutUrl(publishedId, layout.version));
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const stale = await fetch(layoutUrl(publishedId, "old-version"));
    expect(stale.headers.get("cache-control")).toBe("public, no-cache");
  });

  it("is compressed once: a gzip body that decodes straight to the JSON", async () => {
    // node:http, not fetch: fetch would decode the body; the bytes as sent are what counts.
    const { headers, body } = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        get(layoutUrl(publishedId), { headers: { "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
          );
        }).on("error", reject);
      },
    );
    expect(headers["content-encoding"]).toBe("gzip");
    const json = JSON.parse(gunzipSync(body).toString("utf8")) as { seatCount: number };
    expect(json.seatCount).toBe(600);
  });

  it("shows a draft to its organizer, never cached", async () => {
    const organizer = new SessionClient(app.baseUrl);
    await organizer.signIn("layout_organizer", ORGANIZER_PASSWORD);
    const path = `/api/events/${draftId}/seat-layout`;
    const first = await organizer.fetch(path);
    expect(first.status).toBe(200);
    const { version } = (await first.json()) as { version: string };
    const pinned = await organizer.fetch(`${path}?v=${version}`, {
      headers: { "if-none-match": `"${version}"` },
    });
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get("cache-control")).toBe("private, no-store");
  });

  it("hides a draft (404 JSON) from visitors, and answers 404 for unknown or malformed ids", async () => {
    const hidden = await fetch(layoutUrl(draftId));
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const unknown = await fetch(layoutUrl(id));
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("content-type")).toContain("application/json");
    }
  });
});
