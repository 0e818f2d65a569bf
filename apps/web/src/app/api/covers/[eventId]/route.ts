// An event's cover image: POST the image's bytes (application/octet-stream, at most 8 MB) to
// set or replace it, DELETE to go back to the generated cover. Only the event's organizer and
// admins; anyone else's event answers 404, as the console's procedures do. Refusals come as
// { error: { code, message, details } } with the api's catalogued message, which the page
// translates. The proxy skips this route (src/proxy.ts) so that Next.js does not read a large
// body whole before the limit here can refuse it.
import {
  AppError,
  type CoverCaller,
  coverTooLarge,
  MAX_COVER_BYTES,
  removeEventCover,
  setEventCover,
} from "@openticket/api";
import { withSecurityHeaders } from "~/security/headers-for-request";
import { getSessionUser } from "~/server/auth";
import { limitBody } from "~/server/body-limit";
import { getCoverStorage } from "~/server/cover-storage";
import { getDatabaseClock } from "~/server/database-clock";
import { getDb } from "~/server/db";
import { refuseCrossSiteWrite } from "~/server/same-origin";

type Params = { params: Promise<{ eventId: string }> };
type Work = (caller: CoverCaller, eventId: string) => Promise<unknown>;

export async function POST(request: Request, { params }: Params) {
  const { eventId } = await params;
  return answer(request, eventId, async (caller) => {
    const limited = await limitBody(request, MAX_COVER_BYTES);
    if (limited instanceof Response) throw coverTooLarge();
    const image = new Uint8Array(await limited.arrayBuffer());
    return { cover: await setEventCover(getDb(), { eventId, image }, caller) };
  });
}

export async function DELETE(request: Request, { params }: Params) {
  const { eventId } = await params;
  return answer(request, eventId, (caller) => removeEventCover(getDb(), { eventId }, caller));
}

async function answer(request: Request, eventId: string, work: Work): Promise<Response> {
  const refused = refuseCrossSiteWrite(request, "application/octet-stream");
  if (refused) return withSecurityHeaders(request, refused);
  let response: Response;
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHORIZED", "Please sign in.");
    if (user.role !== "ORGANIZER" && user.role !== "ADMIN") {
      throw new AppError("FORBIDDEN", "Organizers only.");
    }
    const { now } = await getDatabaseClock();
    const result = await work({ user, now, covers: getCoverStorage() }, eventId);
    response = Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    response = refusal(error);
  }
  return withSecurityHeaders(request, response);
}

const STATUS: Partial<Record<AppError["code"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

function refusal(error: unknown): Response {
  const headers = { "Cache-Control": "no-store" };
  if (!(error instanceof AppError)) {
    console.error("Cover upload failed:", error);
    return Response.json(
      { error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side." } },
      { status: 500, headers },
    );
  }
  const status = error.details?.reason === "COVER_TOO_LARGE" ? 413 : (STATUS[error.code] ?? 400);
  return Response.json(
    { error: { code: error.code, message: error.message, details: error.details ?? null } },
    { status, headers },
  );
}
