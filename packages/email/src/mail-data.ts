// What each message needs, fully resolved: the sender (packages/api/src/services/mail) loads it
// from the database at send time; the templates only format it. Times are ISO 8601 instants,
// shown in the event's own time zone; money is an integer in minor units with its currency.

export type Locale = "en" | "zh-TW";

export type Money = { amount: number; currency: string };

export type MailEvent = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  address: string;
  city: string;
  /** The event's page on this OpenTicket. */
  url: string;
};

/** The row of a standing zone's places: they have an entry number, no row or seat. */
export const STANDING_ROW = "#";

export type MailTicket = {
  /** The ticket's unguessable code: what its QR code carries. */
  code: string;
  section: string;
  row: string;
  seat: string;
  tier: string;
  /** The ticket type it was bought as (Student, Early bird…); null: at its tier's own price. */
  ticketType: string | null;
  price: Money;
};

/** An event's date and place, before or after an organizer changed it. */
export type WhenWhere = {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  address: string;
  city: string;
};

export type MailData =
  | {
      kind: "order-confirmation";
      recipientName: string;
      orderId: string;
      orderUrl: string;
      event: MailEvent;
      tickets: MailTicket[];
      total: Money;
    }
  | {
      kind: "refund-receipt";
      recipientName: string;
      orderId: string;
      orderUrl: string;
      event: MailEvent;
      amount: Money;
      /** How the money goes back, e.g. "Visa •••• 4242" or "Demo payment". */
      method: string;
      refundedAt: string;
    }
  | {
      kind: "event-changed";
      recipientName: string;
      event: MailEvent;
      before: WhenWhere;
      after: WhenWhere;
      ordersUrl: string;
      /** Until when the holder may still cancel for a refund; null: the event is not refundable. */
      refundableUntil: string | null;
      refundPercent: number;
    }
  | {
      kind: "event-cancelled";
      recipientName: string;
      event: MailEvent;
      /** What this holder gets back, over all their orders for the event. */
      refund: Money;
      ordersUrl: string;
    }
  | {
      kind: "event-reminder";
      recipientName: string;
      event: MailEvent;
      tickets: MailTicket[];
      orderUrl: string;
    }
  | {
      kind: "password-reset";
      recipientName: string;
      resetUrl: string;
      expiresAt: string;
      /** The IANA zone to show expiresAt in; Asia/Taipei when not given. */
      timeZone?: string;
    }
  | {
      kind: "verify-email";
      recipientName: string;
      verifyUrl: string;
      expiresAt: string;
      /** The IANA zone to show expiresAt in; Asia/Taipei when not given. */
      timeZone?: string;
    }
  | {
      /** Someone tried to sign up with this address, which already has an account. */
      kind: "sign-up-attempt";
      recipientName: string;
      signInUrl: string;
      resetUrl: string;
    }
  | {
      /** To the new address of an account: the change happens when its reader opens the link. */
      kind: "confirm-email-change";
      recipientName: string;
      newEmail: string;
      confirmUrl: string;
      expiresAt: string;
      /** The IANA zone to show expiresAt in; Asia/Taipei when not given. */
      timeZone?: string;
    }
  | {
      /** To the address an account had: it now uses `newEmail`. */
      kind: "email-changed";
      recipientName: string;
      newEmail: string;
      changedAt: string;
      /** The IANA zone to show changedAt in; Asia/Taipei when not given. */
      timeZone?: string;
    }
  | {
      /** Someone asked to move their account to this address, which already has an account. */
      kind: "email-change-attempt";
      recipientName: string;
      signInUrl: string;
    };

export type MailAttachment = {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Set for an inline image the HTML shows as `cid:<cid>`. */
  cid?: string;
};

export type RenderedMail = {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
};
