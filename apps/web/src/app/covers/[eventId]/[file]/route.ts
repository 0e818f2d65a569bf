// Serves an event cover's files (/covers/<eventId>/<hash>-<width>.<avif|webp>) from cover
// storage. A name never changes content (a new picture gets a new hash), so browsers and CDNs
// keep each file for a year without asking again.
import { COVER_NAME } from "@openticket/api/event-cover";
import { getCoverStorage } from "~/server/cover-storage";

const TYPES = { avif: "image/avif", webp: "image/webp" } as const;

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ eventId: string; file: string }> },
) {
  const { eventId, file } = await params;
  const name = `${eventId}/${file}`;
  const bytes = COVER_NAME.test(name) ? await getCoverStorage().get(name) : null;
  if (!bytes) {
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const format = file.endsWith(".avif") ? "avif" : "webp";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
