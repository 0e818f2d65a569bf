// One domain error type for the services, and the one place that turns errors into tRPC codes.
// Services throw AppError (or let the database refuse); procedures never build TRPCErrors.
import { isSerializationFailure, Prisma } from "@openticket/db";
import { TRPCError } from "@trpc/server";

/** The tRPC code a refusal travels as; the message says what happened, in a sentence. */
export type AppErrorCode =
  /** The input is wrong for the current state (sales closed, a draft's action on a live event): fix it, don't retry. */
  | "BAD_REQUEST"
  /** Nobody is signed in (or the session ended): sign in, then retry. */
  | "UNAUTHORIZED"
  /** The payment provider refused: another payment method may succeed. */
  | "PAYMENT_REQUIRED"
  /** Signed in, but this role may not do this. */
  | "FORBIDDEN"
  /** It does not exist, or it is not the caller's to see (the same answer on purpose). */
  | "NOT_FOUND"
  /** Someone else changed the same thing first (a seat taken, a race lost): reload and try again. */
  | "CONFLICT"
  /** The request repeats an idempotency key with a different body: nothing was done. */
  | "UNPROCESSABLE_CONTENT"
  /** A service OpenTicket depends on (the payment provider) is down: retry shortly. */
  | "SERVICE_UNAVAILABLE"
  /**
   * Too many requests: a rate limit (rate-limits/; wait `details.retryAfterSeconds`), or the
   * reservation queue is full (reservation.hold/release): retry in a moment.
   */
  | "TOO_MANY_REQUESTS"
  /** The caller cancelled the request before it ran; nothing was done. Nobody is listening. */
  | "CLIENT_CLOSED_REQUEST";

/**
 * Why a request was refused, where the code alone does not say; and how a client reacts.
 */
export type AppErrorReason =
  /** admin.users.*: FORBIDDEN — an admin tried to demote or suspend themselves. Say so. */
  | "SELF"
  /** order.checkout: CONFLICT — the holds expired or were released (before or while paying; nothing was charged or the charge was refunded). Send the buyer back to the seat map. */
  | "HOLD_EXPIRED"
  /** order.checkout: CONFLICT — this idempotency key's attempt failed. Start over with a new key. */
  | "FAILED"
  /** organizer.events.publish: BAD_REQUEST — no price tiers or no seats. Send the organizer to set them up. */
  | "NOTHING_TO_SELL"
  /** organizer.events.delete: CONFLICT — the event has orders. Offer to cancel it instead. */
  | "HAS_ORDERS"
  /** organizer.venues.removeSeats: CONFLICT — tickets for this venue were sold, so its layout is fixed. */
  | "LAYOUT_IN_USE"
  /** organizer.venues.removeSection: CONFLICT — seats of the section are sold (`soldSeats`) or held (`heldSeats`); nothing was removed. Say so; blocking its seats is what is left. */
  | "SECTION_IN_USE"
  /** organizer.venues.addSection (CONFLICT), importLayout (BAD_REQUEST): seats would sit on or against another section's (`sections`); nothing was added. Move the section. */
  | "SECTIONS_OVERLAP"
  /** order.checkout: CONFLICT — a payment for the caller's seats of this event is in flight (orderId). Send the buyer to that order. */
  | "PAYMENT_IN_PROGRESS"
  /** order.checkout: SERVICE_UNAVAILABLE — the payment provider did not answer; nothing was charged. Retry with the same key. */
  | "PROVIDER_UNAVAILABLE"
  /** order.checkout: UNPROCESSABLE_CONTENT — the payment provider refused to open this payment (e.g. an amount below its minimum): the order ended unpaid (orderId), its seats went back on sale, nothing was charged. */
  | "PROVIDER_REFUSED"
  /** order.checkout: UNPROCESSABLE_CONTENT — the idempotency key belongs to another purchase. Use a new key. */
  | "KEY_REUSED"
  /** reservation.holdBestAvailable: CONFLICT — fewer seats are free (in the section or tier asked for) than the quantity (`seatsLeft`); nothing was held. Offer fewer, or another section. */
  | "NOT_ENOUGH_SEATS"
  /** reservation.holdBestAvailable: CONFLICT — other buyers took every choice in turn, several times over; nothing was held. Try again. */
  | "SEATS_CONTENDED"
  /** reservation.holdBestAvailable: CONFLICT — this requestKey's request was done before and none of its seats is held any more (released, expired, sold); nothing was held. Ask again with a new key. */
  | "REQUEST_ENDED"
  /** reservation.hold: BAD_REQUEST — some seats are a standing zone's places, which are given by quantity (reservation.holdBestAvailable with the zone's sectionId); nothing was held. */
  | "STANDING_BY_QUANTITY"
  /** reservation.hold, holdBestAvailable: BAD_REQUEST — the ticket type's sale window is not open now; nothing was held. */
  | "TYPE_NOT_ON_SALE"
  /** reservation.hold: BAD_REQUEST — the ticket type is only sold for another tier's seats; nothing was held. Offer the seats' own types. */
  | "TYPE_NOT_FOR_SEATS"
  /** reservation.hold, holdBestAvailable: CONFLICT — the ticket type's quota has fewer left (`ticketsLeft`) than asked; nothing was held. Offer another type or fewer. */
  | "TYPE_SOLD_OUT"
  /** reservation.hold/release by position: CONFLICT — the layout version sent is not the current one; nothing was done. Reload the seat map. */
  | "LAYOUT_CHANGED"
  /** auth.resetPassword, auth.verifyEmail: BAD_REQUEST — no such link (mistyped or forged); nothing changed. Offer to ask for a new one. */
  | "TOKEN_INVALID"
  /** auth.resetPassword, auth.verifyEmail: BAD_REQUEST — the link was used already; nothing changed. Sign in, or ask for a new one. */
  | "TOKEN_USED"
  /** auth.resetPassword, auth.verifyEmail: BAD_REQUEST — the link expired; nothing changed. Ask for a new one. */
  | "TOKEN_EXPIRED"
  /** order.checkout: FORBIDDEN — the buyer's e-mail address is not verified yet; nothing was charged. Show the banner with "resend". */
  | "EMAIL_NOT_VERIFIED"
  /** auth.resendVerification: BAD_REQUEST — the address is verified already. Nothing to do. */
  | "ALREADY_VERIFIED"
  /** auth.changeEmail: BAD_REQUEST — the current password is not right; nothing changed, nothing mailed. Highlight the password. */
  | "WRONG_PASSWORD"
  /** auth.changeEmail: BAD_REQUEST — the new address is the account's own already. Nothing to do. */
  | "SAME_EMAIL"
  /** auth.verifyEmail (an address-change link): CONFLICT — another account took the address after the link was sent; nothing changed. Keep the old address. */
  | "EMAIL_TAKEN"
  /** event cover upload: BAD_REQUEST — the file is over 8 MB (also HTTP 413); nothing was stored. Choose a smaller image. */
  | "COVER_TOO_LARGE"
  /** event cover upload: BAD_REQUEST — the file is not a JPEG, PNG, WebP, AVIF or GIF image; nothing was stored. */
  | "COVER_NOT_IMAGE"
  /** event cover upload: BAD_REQUEST — too small, too large or oddly proportioned (the message says which); nothing was stored. */
  | "COVER_DIMENSIONS"
  /** sign-in: FORBIDDEN — the password was right but an admin suspended the account. Say so (never after a wrong password). */
  | "SUSPENDED"
  /** reservation.hold, order.checkout of an event with a waiting room: FORBIDDEN — no admission pass sent. Send the buyer to the waiting room. */
  | "ADMISSION_REQUIRED"
  /** The same: the pass is not one OpenTicket signed (forged or mangled). Send the buyer to the waiting room. */
  | "ADMISSION_INVALID"
  /** The same: the pass is for another event. Send the buyer to this event's waiting room. */
  | "ADMISSION_OTHER_EVENT"
  /** The same: the pass was issued to another account. Send the buyer to the waiting room. */
  | "ADMISSION_OTHER_ACCOUNT"
  /** The same: the pass expired. Ask the waiting room for a fresh one (waitingRoom.place): an admitted buyer keeps their place. */
  | "ADMISSION_EXPIRED"
  /** order.checkout, order.previewDiscount: BAD_REQUEST on field discountCode — no such code for this event (unknown, switched off, another event's or organizer's); nothing was held or charged. */
  | "DISCOUNT_UNKNOWN"
  /** The same: the code's validity window has not opened yet. */
  | "DISCOUNT_NOT_STARTED"
  /** The same: the code's validity window has closed. */
  | "DISCOUNT_EXPIRED"
  /** The same: an amount code of another currency than the event's. */
  | "DISCOUNT_CURRENCY"
  /** The same: a code for some ticket types, and none of the held tickets is of them. */
  | "DISCOUNT_NOT_FOR_TYPES"
  /** order.checkout, order.previewDiscount: CONFLICT on field discountCode — every use of the code is taken; nothing was held or charged. Offer to pay without it. */
  | "DISCOUNT_EXHAUSTED"
  /** organizer.discountCodes.create: CONFLICT on field code — the organizer already has this code (in any case). */
  | "DISCOUNT_CODE_TAKEN"
  /** organizer.discountCodes.update: BAD_REQUEST on field maxUses — below the uses already taken (`uses`). */
  | "DISCOUNT_BELOW_USES"
  /** organizer.discountCodes.delete: CONFLICT — orders used the code; switch it off instead. */
  | "DISCOUNT_IN_USE"
  /** organizer.ticketTypes.delete: CONFLICT — seats are held or tickets sold as this type; nothing was deleted. End its sale window instead. */
  | "TICKET_TYPE_IN_USE";

/** A seat the organizer console refused to change: someone holds or bought it. */
export type RefusedSeat = { id: string; state: "HELD" | "SOLD" };

/**
 * Machine-readable details of a refusal, declared once. The error formatter sends them to
 * clients as `error.data.details`, typed, so a client reads them without casts.
 */
export type AppErrorDetails = {
  reason?: AppErrorReason;
  /** A service-level check on one input field failed (e.g. "email", "endsAt"): highlight it. */
  field?: string;
  /** reservation.hold: CONFLICT — someone else holds or bought these seats; nothing was held. Mark them taken. */
  unavailableSeatIds?: string[];
  /** reservation.hold by position: the same seats, by their position in the layout. */
  unavailablePositions?: number[];
  /** organizer.seats.block, organizer.events.setSeatTiers: CONFLICT — these seats are held or sold; nothing changed. */
  unavailableSeats?: RefusedSeat[];
  /** BAD_REQUEST — these seat ids are not part of the event or venue: the request is stale. */
  seatIds?: string[];
  /** organizer.events.update: BAD_REQUEST — these price tier ids are not the event's: the form is stale. */
  tierIds?: string[];
  /** reservation.hold, holdBestAvailable: TYPE_SOLD_OUT — how many of the ticket type are left. */
  ticketsLeft?: number;
  /** reservation.holdBestAvailable: NOT_ENOUGH_SEATS — how many seats are free where the buyer asked. */
  seatsLeft?: number;
  /** reservation.hold: BAD_REQUEST — the hold would exceed the per-order maximum; choose fewer seats. */
  maxSeatsPerOrder?: number;
  /** reservation.hold: BAD_REQUEST — the caller would hold more seats across events than one buyer may at once; buy or release some first. */
  maxHeldSeats?: number;
  /** organizer.events.create: BAD_REQUEST — sections not of this venue, or without a price tier. */
  sectionIds?: string[];
  /** organizer.venues.addSection, importLayout: SECTIONS_OVERLAP — the sections the new seats would overlap, by name. */
  sections?: string[];
  /** organizer.venues.removeSection: SECTION_IN_USE — how many of its seats are sold, and held. */
  soldSeats?: number;
  heldSeats?: number;
  /** reservation.hold, order.checkout: BAD_REQUEST — sales open at this instant (ISO 8601). */
  salesStartAt?: string;
  /** organizer.discountCodes.update: DISCOUNT_BELOW_USES — uses already taken. */
  uses?: number;
  /** order.checkout: the order this attempt created (declined, in progress, failed, expired). */
  orderId?: string;
  /** organizer.events.publish: BAD_REQUEST — the event's status, when it is not a draft. */
  status?: string;
  /** organizer.venues.importLayout: BAD_REQUEST — the first 100 line errors, and how many in all. */
  errors?: { line: number; message: string }[];
  errorCount?: number;
  /** TOO_MANY_REQUESTS — whole seconds until a retry can succeed (also the HTTP Retry-After). */
  retryAfterSeconds?: number;
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: AppErrorDetails,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Maps anything a service threw to a TRPCError; unknown errors become INTERNAL_SERVER_ERROR. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  }
  // A race lost after every retry, or a constraint the service did not anticipate: the database
  // is the last line of defence, and losing to it is a conflict, not a crash.
  if (isSerializationFailure(error) || isConstraintViolation(error)) {
    return new TRPCError({
      code: "CONFLICT",
      message: "This conflicts with a change made at the same time. Please try again.",
      cause: error,
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return new TRPCError({ code: "NOT_FOUND", message: "Not found.", cause: error });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "Something went wrong on our side.",
    cause: error,
  });
}

/** The unique constraint's fields when `error` is a unique violation, else null. */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
    return null;
  }
  const meta = error.meta as
    | {
        target?: string[] | string;
        driverAdapterError?: {
          cause?: { constraint?: { fields?: string[]; index?: string }; table?: string };
        };
      }
    | undefined;
  const cause = meta?.driverAdapterError?.cause;
  const fields =
    cause?.constraint?.fields ??
    meta?.target ??
    columnsOfIndex(cause?.constraint?.index, cause?.table);
  return (Array.isArray(fields) ? fields : [fields]).map((field) => field.replaceAll('"', ""));
}

/**
 * The pg adapter may name only the index ("users_email_key"); Prisma names a unique index
 * `<table>_<columns>_key`, so what is between is the column ("email"; several columns stay one
 * string). Without it a lost sign-up race for an address was answered "username taken".
 */
function columnsOfIndex(index: string | undefined, table: string | undefined): string[] {
  if (!index || !table || !index.startsWith(`${table}_`) || !index.endsWith("_key")) return [];
  return [index.slice(table.length + 1, -"_key".length)];
}

/** Unique, foreign-key or check violations, from the query builder (P2002/P2003) or raw SQL. */
function isConstraintViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002" || error.code === "P2003") return true;
  const cause = (
    error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined
  )?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" && cause.originalCode.startsWith("23");
}
