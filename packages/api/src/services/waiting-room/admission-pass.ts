// The admission pass a buyer gets once the waiting room admits them: an HMAC-signed, short-lived
// token bound to the event and the account. Hold and checkout of a high-demand event require it
// (assertAdmitted); checking it reads no database, so the hot path pays one HMAC.
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../../errors.ts";

type PassClaims = { eventId: string; userId: string; expiresAt: Date };

export function signAdmissionPass(claims: PassClaims, secret: string): string {
  const body = `${claims.eventId}.${claims.userId}.${claims.expiresAt.getTime()}`;
  return `${body}.${signature(body, secret)}`;
}

/**
 * Refuses (FORBIDDEN, with the reason) a caller without a valid pass for this event, when the
 * event has a waiting room; does nothing otherwise.
 */
export function assertAdmitted(
  event: { id: string; waitingRoomOpensAt: Date | null },
  userId: string,
  pass: string | undefined,
  now: Date,
  secret: string,
): void {
  if (!event.waitingRoomOpensAt) return;
  if (!pass)
    throw refusal("ADMISSION_REQUIRED", "This event has a waiting room: join the queue first.");
  const parts = pass.split(".");
  const [eventId, userId_, expires, sent] = parts;
  if (parts.length !== 4 || !eventId || !userId_ || !expires || !sent) throw forged();
  const expected = Buffer.from(signature(`${eventId}.${userId_}.${expires}`, secret));
  const given = Buffer.from(sent);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged();
  if (eventId !== event.id) {
    throw refusal("ADMISSION_OTHER_EVENT", "This admission pass is for another event.");
  }
  if (userId_ !== userId) {
    throw refusal("ADMISSION_OTHER_ACCOUNT", "This admission pass belongs to another account.");
  }
  if (Number(expires) <= now.getTime()) {
    throw refusal(
      "ADMISSION_EXPIRED",
      "Your admission pass has expired: return to the waiting room.",
    );
  }
}

function signature(body: string, secret: string) {
  return createHmac("sha256", secret).update(`admission:${body}`).digest("base64url");
}

function forged() {
  return refusal("ADMISSION_INVALID", "This admission pass is not valid.");
}

function refusal(
  reason:
    | "ADMISSION_REQUIRED"
    | "ADMISSION_INVALID"
    | "ADMISSION_OTHER_EVENT"
    | "ADMISSION_OTHER_ACCOUNT"
    | "ADMISSION_EXPIRED",
  message: string,
) {
  return new AppError("FORBIDDEN", message, { reason });
}
