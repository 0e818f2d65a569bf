// Every text the messages show, in English. zh-TW.ts must have the same shape (the type
// checker and test/catalogue.test.ts both say so); values with blanks to fill are functions.
import { STANDING_ROW } from "../mail-data.ts";

export const en = {
  common: {
    brand: "OpenTicket",
    greeting: (name: string) => (name ? `Hi ${name},` : "Hello,"),
    when: "When",
    where: "Where",
    eventPage: "Event page",
    order: "Order",
    linkFallback: "If the button does not work, copy this link into your browser:",
    footer: "You get this e-mail because of your account on OpenTicket.",
    automated: "This message was sent automatically; replies are not read.",
  },
  tickets: {
    heading: "Your tickets",
    section: "Section",
    row: "Row",
    seat: "Seat",
    tier: "Ticket type",
    price: "Price",
    code: "Ticket code",
    entryNumber: "Entry no.",
    /** A standing zone's place has no row: its number is the order people enter in. */
    place: (section: string, row: string, seat: string) =>
      row === STANDING_ROW
        ? `${section} · Standing · Entry no. ${seat}`
        : `Section ${section} · Row ${row} · Seat ${seat}`,
    total: (amount: string) => `Total: ${amount}`,
    showQr: "Show the QR code of each ticket at the entrance.",
    qrAlt: (code: string) => `QR code of ticket ${code}`,
    calendar: "Open the attached event.ics to add the event to your calendar.",
    viewOrder: "View your order",
  },
  pdf: {
    title: (event: string) => `Tickets: ${event}`,
    ticketOf: (n: number, total: number) => `Ticket ${n} of ${total}`,
    venue: "Venue",
    scan: "Show this code at the entrance. Each ticket lets one person in, once.",
  },
  orderConfirmation: {
    subject: (event: string) => `Your tickets for ${event}`,
    preview: (count: number, event: string) =>
      count === 1 ? `1 ticket for ${event}` : `${count} tickets for ${event}`,
    heading: "Thank you for your order",
    intro: (event: string) =>
      `Your order is paid. Your tickets for ${event} are below, and in the attached PDF.`,
    pdfNote: "The PDF has one page per ticket: print it or keep it on your phone.",
  },
  eventReminder: {
    subject: (event: string, date: string) => `Reminder: ${event} is on ${date}`,
    heading: "See you soon",
    intro: (event: string) =>
      `${event} is coming up. Here are your tickets: have the QR codes ready at the entrance.`,
  },
  refundReceipt: {
    subject: (amount: string, event: string) => `Refund of ${amount} for ${event}`,
    heading: "Your refund",
    intro: (amount: string, event: string) =>
      `We have refunded ${amount} for your order for ${event}.`,
    amount: "Amount",
    method: "Refunded to",
    when: "Refunded on",
    note: "Depending on your bank, it can take a few days before you see the money.",
  },
  eventChanged: {
    subjectDate: (event: string, date: string) => `${event} has moved to ${date}`,
    subjectVenue: (event: string, venue: string) => `${event} has moved to ${venue}`,
    subjectDateVenue: (event: string, date: string, venue: string) =>
      `${event} has moved to ${date} at ${venue}`,
    subjectOther: (event: string) => `The details of ${event} have changed`,
    heading: "The event has changed",
    intro: (event: string) =>
      `The organizer has changed ${event}. What changed is highlighted below. Your tickets stay valid for the new date and place.`,
    before: "Before",
    after: "Now",
    changed: "Changed",
    beforeLine: (value: string) => `Before: ${value}`,
    afterLine: (value: string) => `Now: ${value}`,
    time: "Date and time",
    venue: "Venue",
    address: "Address",
    rightsHeading: "Your cancel rights",
    refundable: (percent: number, until: string) =>
      `If the new date or place does not suit you, you may cancel your tickets for a refund of ${percent}% of the price until ${until}.`,
    notRefundable:
      "This event is not refundable: its tickets cannot be cancelled for a refund, also after this change.",
    manage: "Manage your tickets",
  },
  eventCancelled: {
    subject: (event: string) => `${event} is cancelled`,
    heading: "The event is cancelled",
    intro: (event: string) =>
      `We are sorry: the organizer has cancelled ${event}. Your tickets for it are no longer valid.`,
    refund: (amount: string) =>
      `You get ${amount} back, to the payment method you paid with. You do not need to do anything.`,
    noRefund: "There is no money to refund for your tickets.",
    viewOrders: "View your orders",
  },
  passwordReset: {
    subject: "Reset your OpenTicket password",
    heading: "Reset your password",
    intro:
      "Someone, hopefully you, asked to reset the password of your OpenTicket account. Choose a new one with the button below.",
    button: "Choose a new password",
    expires: (at: string) => `The link works once, until ${at}.`,
    ifNotYou: "If this wasn't you, ignore this e-mail: your password stays as it is.",
  },
  verifyEmail: {
    subject: "Confirm your e-mail address for OpenTicket",
    heading: "Confirm your e-mail address",
    intro:
      "Please confirm that this e-mail address is yours, so that your OpenTicket account can use it.",
    button: "Confirm my e-mail address",
    expires: (at: string) => `The link works until ${at}.`,
    ifNotYou:
      "If this wasn't you, ignore this e-mail: no OpenTicket account will use this address.",
  },
  signUpAttempt: {
    subject: "Someone tried to sign up with your e-mail address",
    heading: "You already have an account",
    intro:
      "Someone just tried to create a new OpenTicket account with this e-mail address. It already belongs to your account, so no new account was made.",
    signIn: "Sign in",
    forgot: "Forgotten your password? Choose a new one:",
    reset: "Reset my password",
    ifNotYou: "If this wasn't you, you do not need to do anything: your account has not changed.",
  },
  confirmEmailChange: {
    subject: "Confirm your new e-mail address for OpenTicket",
    heading: "Confirm your new address",
    intro: (email: string) =>
      `You asked to use ${email} for your OpenTicket account. Confirm it with the button below: until you do, your account keeps its current address.`,
    button: "Use this address",
    expires: (at: string) => `The link works once, until ${at}.`,
    signOut: "Once the address changes, you are signed out everywhere: sign in again with it.",
    ifNotYou: "If this wasn't you, ignore this e-mail: no account will use this address.",
  },
  emailChanged: {
    subject: "The e-mail address of your OpenTicket account was changed",
    heading: "Your address was changed",
    intro: (email: string, at: string) =>
      `The e-mail address of your OpenTicket account was changed to ${email} on ${at}. Messages about your tickets now go there, and this address no longer signs in.`,
    ifNotYou:
      "If this wasn't you, someone knows your password: contact the OpenTicket team at once.",
  },
  emailChangeAttempt: {
    subject: "Someone tried to use your e-mail address on OpenTicket",
    heading: "Your address is already in use",
    intro:
      "Someone just asked to move another OpenTicket account to this e-mail address. It already belongs to your account, so nothing was changed.",
    signIn: "Sign in",
    ifNotYou: "If this wasn't you, you do not need to do anything: your account has not changed.",
  },
};

export type Catalogue = typeof en;
