// One believable message of every kind: what the preview script renders and the tests check.
// Prices in TWD (whole dollars), the event in Asia/Taipei, a Chinese title beside an English one.
import type { MailData, MailEvent, MailTicket } from "../src/mail-data.ts";

const base = "http://localhost:3000";

export function sampleEvent(title = "Mayday 五月天 Live in Taipei"): MailEvent {
  return {
    id: "9b0c6f1e-52a4-4f0e-9d8e-0c1f7f3b2a11",
    title,
    startsAt: "2026-12-12T11:30:00.000Z",
    endsAt: "2026-12-12T14:00:00.000Z",
    timeZone: "Asia/Taipei",
    venueName: "台北小巨蛋 Taipei Arena",
    address: "No. 2, Sec. 4, Nanjing E. Rd., Songshan Dist.",
    city: "Taipei",
    url: `${base}/events/9b0c6f1e-52a4-4f0e-9d8e-0c1f7f3b2a11`,
  };
}

export const sampleTickets: MailTicket[] = [
  {
    code: "OT-7K2M-9QXA-4D1F",
    section: "A",
    row: "3",
    seat: "12",
    tier: "VIP",
    ticketType: null,
    price: { amount: 4800, currency: "TWD" },
  },
  {
    code: "OT-3HNP-6WRZ-8C5B",
    section: "A",
    row: "3",
    seat: "13",
    tier: "VIP",
    ticketType: "Student",
    price: { amount: 4800, currency: "TWD" },
  },
];

const orderId = "5d7e2a90-1c3b-4e8f-a6d2-7f9b0c1e2d34";

export function sampleMails(event: MailEvent = sampleEvent()): MailData[] {
  return [
    {
      kind: "order-confirmation",
      recipientName: "Ada Lin",
      orderId,
      orderUrl: `${base}/orders/${orderId}`,
      event,
      tickets: sampleTickets,
      total: { amount: 9600, currency: "TWD" },
    },
    {
      kind: "event-reminder",
      recipientName: "Ada Lin",
      event,
      tickets: sampleTickets,
      orderUrl: `${base}/orders/${orderId}`,
    },
    {
      kind: "refund-receipt",
      recipientName: "Ada Lin",
      orderId,
      orderUrl: `${base}/orders/${orderId}`,
      event,
      amount: { amount: 4800, currency: "TWD" },
      method: "Visa •••• 4242",
      refundedAt: "2026-11-20T02:15:00.000Z",
    },
    {
      kind: "event-changed",
      recipientName: "Ada Lin",
      event,
      before: {
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timeZone: event.timeZone,
        venueName: event.venueName,
        address: event.address,
        city: event.city,
      },
      after: {
        startsAt: "2026-12-19T11:30:00.000Z",
        endsAt: "2026-12-19T14:00:00.000Z",
        timeZone: event.timeZone,
        venueName: "高雄巨蛋 Kaohsiung Arena",
        address: "No. 757, Bo'ai 2nd Rd., Zuoying Dist.",
        city: "Kaohsiung",
      },
      ordersUrl: `${base}/orders`,
      refundableUntil: "2026-12-05T15:59:00.000Z",
      refundPercent: 100,
    },
    {
      kind: "event-cancelled",
      recipientName: "Ada Lin",
      event,
      refund: { amount: 9600, currency: "TWD" },
      ordersUrl: `${base}/orders`,
    },
    {
      kind: "password-reset",
      recipientName: "Ada Lin",
      resetUrl: `${base}/reset-password?token=Zm9vYmFyYmF6cXV4`,
      expiresAt: "2026-11-20T03:00:00.000Z",
    },
    {
      kind: "verify-email",
      recipientName: "Ada Lin",
      verifyUrl: `${base}/verify-email?token=dmVyaWZ5bWVwbGVhc2U`,
      expiresAt: "2026-11-21T02:00:00.000Z",
    },
    {
      kind: "sign-up-attempt",
      recipientName: "Ada Lin",
      signInUrl: `${base}/sign-in`,
      resetUrl: `${base}/forgot-password`,
    },
    {
      kind: "confirm-email-change",
      recipientName: "Ada Lin",
      newEmail: "ada.lin@example.org",
      confirmUrl: `${base}/verify-email?token=Y2hhbmdlbXlhZGRyZXNz`,
      expiresAt: "2026-11-21T02:00:00.000Z",
    },
    {
      kind: "email-changed",
      recipientName: "Ada Lin",
      newEmail: "ada.lin@example.org",
      changedAt: "2026-11-19T02:00:00.000Z",
    },
    {
      kind: "email-change-attempt",
      recipientName: "Ada Lin",
      signInUrl: `${base}/sign-in`,
    },
  ];
}
