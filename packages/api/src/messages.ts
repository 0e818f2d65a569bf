// Every sentence the api's validation and refusals can put in front of a person, under a stable
// key. The api speaks English (its clients and logs read these); the web recognises a message by
// its template and shows its own catalogue's translation of the same key
// (apps/web/messages/<locale>/apiMessages.json), falling back to the English. A `{name}` is a
// value filled in at run time and carried over into the translation.
//
// Keep a template's wording stable: changing it changes what the web recognises (the web's
// messages test compares its English catalogue with this one). Keep templates unambiguous: two
// templates must not match the same text.
import type { z } from "zod";

export const apiMessages = {
  // Any field (the defaults for what zod checks itself; see `defaultValidationMessage`).
  required: "Fill this in.",
  tooShort: "Use at least {min} characters.",
  tooLong: "Use at most {max} characters.",
  numberTooSmall: "Enter a number of at least {min}.",
  numberTooBig: "Enter a number of at most {max}.",
  wholeNumber: "Enter a whole number.",
  tooFewItems: "Choose at least {min}.",
  tooManyItems: "Choose at most {max}.",
  invalidValue: "This value is not valid.",
  invalidOption: "Choose one of the options.",
  invalidEmail: "Enter a valid e-mail address.",
  invalidUrl: "Enter a web address starting with http:// or https://.",
  invalidDate: "Enter a valid date and time.",
  unstorableText: "Contains a NUL or an unpaired surrogate character.",
  dateTooEarly: "Choose a date from 1900 on.",
  dateTooLate: "Choose a date before the year 10000.",

  // Sign-up.
  usernameCharacters: "Use letters, digits, dots, dashes and underscores only.",
  invalidPhone: "Enter a valid phone number.",
  passwordPersonal: "The password must not contain your username or e-mail.",
  passwordGuessable: "The password is too easy to guess.",
  usernameTaken: "This username is already taken.",

  // Accounts by e-mail: sign-in, reset and verification links, paying.
  accountSuspended: "This account is suspended.",
  alreadyVerified: "Your e-mail address is already verified.",
  linkInvalid: "This link is not valid.",
  linkUsed: "This link was already used.",
  linkExpired: "This link has expired.",
  linkForOldAddress: "This link is for an address the account no longer has.",
  verifyBeforePaying: "Verify your e-mail address before paying for tickets.",
  wrongPassword: "The password is not right.",
  sameEmail: "This is already your address.",
  emailTakenMeanwhile: "Another account uses this address now.",

  // Admin: the mail outbox.
  mailMessageMissing: "This message does not exist.",
  mailOnlyFailedRetries: "Only a failed message can be retried.",

  // Events.
  currencyChoice: "Choose a currency: {currencies}.",
  endsBeforeStart: "The event must end after it starts.",
  salesEndAfterEvent: "Sales must end by the end of the event.",
  salesOpenAfterClose: "Sales must open before they close (by default, when the event starts).",
  tierNamesRepeat: "Tier names must differ.",
  sectionTwoTiers: "Each section takes one tier.",
  noTierNamed: 'No price tier is named "{tier}".',
  sectionsNotInVenue: "Some sections are not part of this venue.",
  sectionWithoutTier: "Choose a price tier for every section.",
  onlyDraftPublishes: "Only a draft can be published.",
  alreadyStartedMoveDates: "This event has already started; move its dates first.",
  nothingToSell: "An event needs price tiers and seats to sell.",
  cancelledEventFixed: "A cancelled event can no longer be changed.",
  tierNotInEvent: "This price tier is not part of this event.",
  tiersNotInEvent: "Some price tiers are not part of this event.",
  seatsNotInEvent: "Some seats are not part of this event.",
  soldSeatsKeepTier: "Sold or held seats keep their price tier.",
  draftNothingToCancel: "A draft has nothing to cancel; delete it instead.",
  eventTookPlace: "This event has already taken place.",
  eventHasOrders: "This event has orders; cancel it instead of deleting it.",
  currencyFixed: "The currency cannot change once tickets were ordered.",
  currencyWhileHeld: "The currency cannot change while seats are held.",
  currencyReprice: "Give every price tier a price in the new currency.",
  heldSeatsCannotBlock: "Held or sold seats cannot be blocked.",
  noSuchEvent: "This event does not exist.",

  // Event covers.
  coverTooLarge: "The file is larger than {max} MB; choose a smaller image.",
  coverNotImage: "This file is not a JPEG, PNG, WebP, AVIF or GIF image.",
  coverTooSmall: "The image is {width} × {height} pixels; a cover needs at least {min}.",
  coverTooBig: "The image is {width} × {height} pixels; a cover may have at most {max} on a side.",
  coverShape:
    "The image is {width} × {height} pixels; a cover may be at most {wide} times as wide as it is tall, or {tall} times as tall as it is wide.",

  // Venues and their layouts.
  noSuchVenue: "This venue does not exist.",
  noSuchSection: "This section does not exist.",
  unknownTimeZone: "Unknown time zone.",
  rowLetter: "A single letter A-Z.",
  curvedNotOffset: "Curved rows cannot also be offset.",
  rowsSkipIO: "I and O are skipped, so rows cannot start there.",
  sectionMaxSeats: "A section has at most {max} seats.",
  sectionNameTaken: 'This venue already has a section named "{name}".',
  seatsNotInVenue: "Some seats are not part of this venue.",
  layoutSold: "Events at this venue have sold tickets, so its seats can no longer be removed.",
  sectionsOverlap: "This section would overlap {sections}; nothing was added.",
  sectionInUse: 'Section "{name}" has {sold} sold and {held} held seats, so it cannot be removed.',
  layoutOneError: "The layout has 1 error; nothing was imported.",
  layoutErrors: "The layout has {count} errors; nothing was imported.",
  csvHeader: 'The first line must be the header "{header}".',
  csvNoSeats: "The file has no seats.",
  csvTooManySeats: "A layout has at most {max} seats.",
  csvEmptyLine: "The line is empty.",
  csvColumns: "Expected {expected} columns ({header}), found {found}.",
  csvSection: "section must be 1 to 80 characters.",
  csvRow: "row must be 1 to 10 letters or digits.",
  csvNumber: "number must be a positive integer.",
  csvX: "x must be an integer.",
  csvY: "y must be an integer.",
  csvDuplicate: "Duplicate seat: {section} {row}-{number} is already on line {line}.",
  csvSeatExists: "Seat {section} {row}-{number} already exists in this venue.",
  csvIntoStandingZone: '"{section}" is a standing zone: seats cannot be added to it.',
  csvSeatOverlaps: 'Seat {section} {row}-{number} would overlap section "{other}".',
  csvOpenQuote: "A quoted field is not closed.",
  csvTextAfterQuote: "Unexpected text after a quoted field.",
  csvStrayQuote: "A quote inside an unquoted field; quote the whole field.",

  // Any procedure.
  somethingWrong: "Something went wrong on our side.",
  concurrentChange: "This conflicts with a change made at the same time. Please try again.",
  notFound: "Not found.",
  noAccessRule: "This procedure declares no access rule.",

  // Who may do it.
  signIn: "Please sign in.",
  organizersOnly: "Organizers only.",
  adminsOnly: "Platform admins only.",

  // Admin.
  dateRangeInverted: "The end of the date range must be after its start.",
  noSuchUser: "This user does not exist.",
  selfRole: "You cannot change your own role.",
  selfSuspend: "You cannot suspend yourself.",
  selfUnsuspend: "You cannot unsuspend yourself.",

  // Buying: holds, checkout, orders, and the rate limits a buyer meets.
  paymentInProgress: "A payment for these seats is already in progress.",
  salesEnded: "Sales for this event have ended.",
  salesNotStarted: "Sales for this event have not started yet.",
  seatsTaken: "Some of these seats were just taken by someone else.",
  cardDeclined: "The card was declined.",
  paymentServiceDown:
    "The payment service is not answering. Please try again in a moment; you have not been charged.",
  paymentRefused:
    "The payment service refused this payment. Nothing was charged; your seats went back on sale.",
  requestCancelled: "The request was cancelled before it ran.",
  notOnSale: "This event is not on sale.",
  keyReused: "This idempotency key was already used for a different purchase.",
  pastRefundPolicy: "This order can no longer be cancelled under the event's refund policy.",
  onlyPaidCancels: "Only paid orders can be cancelled.",
  noSuchOrder: "This order does not exist.",

  // Discount codes: at checkout, and in the organizer console.
  discountUnknown: "This discount code is not valid for this event.",
  discountNotStarted: "This discount code is not valid yet.",
  discountExpired: "This discount code has expired.",
  discountCurrency: "This discount code is for another currency.",
  discountUsedUp: "This discount code has been used up.",
  discountCodeCharacters: "Use letters, digits, dashes and underscores only.",
  discountWindow: "A discount code must start before it ends.",
  discountCurrencyMissing: "Choose the currency of the amount.",
  discountCurrencyOfEvent: "The amount must be in the event's currency.",
  discountCodeTaken: "You already have this discount code.",
  discountNotForTypes: "This discount code is not valid for the tickets you hold.",
  discountTypesNeedEvent: "Only a code for one event can be limited to some of its ticket types.",
  discountTypesOfEvent: "Choose ticket types of this event.",
  discountBelowUses: "This code was used {uses} times; the limit cannot be lower.",
  discountInUse: "Orders used this discount code; switch it off instead.",

  // Ticket types (issue 15).
  ticketTypeInUse: "Tickets of this type are held or sold; end its sale instead of deleting it.",
  ticketTypeQuotaBelowTaken: "The quota cannot be below the {count} tickets already held or sold.",
  ticketTypeNameTaken: 'This event already has a ticket type named "{name}".',
  ticketTypeWindow: "A ticket type's sale must start before it ends.",
  ticketTypeNotFound: "This ticket type does not exist.",
  noSuchDiscountCode: "This discount code does not exist.",
  attemptEnded: "This purchase attempt ended; start a new one.",
  ticketsUsed: "Tickets of this order were already used.",
  tooManySignIns: "Too many failed sign-ins. Please wait before trying again.",
  tooManyLiveMaps: "Too many live seat maps open at once. Close some tabs.",
  tooManyAccounts: "Too many new accounts from your network. Try again later.",
  tooManyChoosing: "Too many people are choosing seats right now. Please try again in a moment.",
  tooManyRequests: "Too many requests. Please wait a moment.",
  tooManySeatChanges: "Too many seat changes in a short time. Please wait.",
  heldSeatsChanged: "Your held seats changed meanwhile; please try again.",
  holdExpired: "Your seats are no longer held: the hold expired or was released.",
  maxPerOrder: "At most {max} seats per order.",
  maxPerOrderWouldHold: "At most {max} seats per order; you would hold {total}.",
  maxHeld:
    "You would hold {seats} seats; one buyer may hold at most {max} at once. Buy or release some first.",

  // Door scanning (checkin.*).
  noSuchTicket: "This ticket does not exist.",
  ticketChangedWhileScanned: "This ticket changed while it was scanned. Scan it again.",
  noAccountWithEmail: "No account has this e-mail address.",
  alreadyDoorStaff: "This person is already door staff for this event.",
  tooManyScans: "Too many scans from this device. Please wait a moment.",
  codesReissuedTooOften: "This event's ticket codes cannot be re-issued again.",
  // The waiting room.
  admissionRequired: "This event has a waiting room: join the queue first.",
  admissionInvalid: "This admission pass is not valid.",
  admissionOtherEvent: "This admission pass is for another event.",
  admissionOtherAccount: "This admission pass belongs to another account.",
  admissionExpired: "Your admission pass has expired: return to the waiting room.",
  waitingRoomOpeningFixed: "The waiting room is open: its opening time can no longer change.",
} as const;

export type ApiMessageKey = keyof typeof apiMessages;

/** The English sentence for `key`, its `{name}`s filled from `values`. */
export function say(key: ApiMessageKey, values: Record<string, string | number> = {}): string {
  return apiMessages[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

const templates = Object.entries(apiMessages).map(([key, template]) => {
  const names: string[] = [];
  const source = template
    .split(/\{(\w+)\}/)
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(part);
      return "(.+?)";
    })
    .join("");
  return { key: key as ApiMessageKey, names, pattern: new RegExp(`^${source}$`, "s") };
});

/** Which catalogued sentence `message` is, with its values; null for one not in the catalogue. */
export function recognizeApiMessage(
  message: string,
): { key: ApiMessageKey; values: Record<string, string> } | null {
  for (const { key, names, pattern } of templates) {
    const match = pattern.exec(message);
    if (match) {
      return {
        key,
        values: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ""])),
      };
    }
  }
  return null;
}

/**
 * What to say when a schema names no message of its own: zod's defaults ("Too small: expected
 * string to have >=1 characters") are for developers, and no catalogue could match them. Installed
 * with `z.config({ customError })` in trpc.ts; undefined leaves zod's own text.
 */
export function defaultValidationMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? say("required") : say("tooShort", { min });
      if (issue.origin === "number" || issue.origin === "int")
        return say("numberTooSmall", { min });
      if (issue.origin === "array" || issue.origin === "set") return say("tooFewItems", { min });
      if (issue.origin === "date") return say("dateTooEarly");
      return undefined;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return say("tooLong", { max });
      if (issue.origin === "number" || issue.origin === "int") return say("numberTooBig", { max });
      if (issue.origin === "array" || issue.origin === "set") return say("tooManyItems", { max });
      if (issue.origin === "date") return say("dateTooLate");
      return undefined;
    }
    case "invalid_type":
      if (issue.expected === "int") return say("wholeNumber");
      if (issue.expected === "date") return say("invalidDate");
      return say("invalidValue");
    case "invalid_format":
      if (issue.format === "email") return say("invalidEmail");
      if (issue.format === "url") return say("invalidUrl");
      return say("invalidValue");
    case "invalid_value":
      return say("invalidOption");
    case "not_multiple_of":
      return say("wholeNumber");
    default:
      return undefined;
  }
}
