// Each change that tells buyers something records its message in its own transaction: one per
// holder (not per ticket or order), in the holder's language, keyed so that doing the change
// again (a replayed webhook, a second cancel, the hourly reminder job) records nothing new.
import type { Db } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { queueEventReminders } from "../src/services/mail/queue-event-reminders.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import { settleCheckout } from "../src/services/payments/settle-checkout.ts";
import { callerFor } from "./helpers/callers.ts";
import { DAY, organizerEvent } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";
import { checkoutAndPay } from "./helpers/sale.ts";

const database = useTestDatabase();

/** The messages of a kind, for some users (each test's own: tests share the file's database). */
function outbox(db: Db, kind: string, userIds?: string[]) {
  return db.mailOutbox.findMany({
    where: { kind, ...(userIds && { userId: { in: userIds } }) },
    orderBy: { toAddress: "asc" },
    select: { key: true, toAddress: true, locale: true, userId: true, payload: true },
  });
}

async function sendMailJobs(db: Db) {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = 'send-mail'`;
  return row?.count ?? 0;
}

/** An event with two buyers: an English one with two orders, a zh-TW one with one. */
async function eventWithHolders(db: Db, options: { startsAt?: Date } = {}) {
  const sale = await organizerEvent(db, { rows: 1, seatsPerRow: 6, ...options });
  const english = await makeUser(db);
  const chinese = await db.user.update({
    where: { id: (await makeUser(db)).id },
    data: { locale: "zh-TW" },
  });
  const orders = [];
  for (const [index, [buyer, seats]] of (
    [
      [english, sale.seatIds.slice(0, 2)],
      [english, sale.seatIds.slice(2, 3)],
      [chinese, sale.seatIds.slice(3, 5)],
    ] as const
  ).entries()) {
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: sale.event.id, seatIds: [...seats] });
    orders.push(await checkoutAndPay(api, sale.event.id, `mail-producer-${index}`));
  }
  return { ...sale, english, chinese, orders };
}

describe("order paid → order-confirmation", () => {
  it("records one message per paid order in the buyer's language; a replayed settlement none", async () => {
    const { db } = database();
    const { event, english, chinese, orders } = await eventWithHolders(db);
    const mails = await outbox(db, "order-confirmation");
    expect(mails.map((mail) => mail.key).sort()).toEqual(
      orders.map((order) => `order-confirmation:${order.id}`).sort(),
    );
    expect(mails.filter((mail) => mail.userId === chinese.id).map((m) => m.locale)).toEqual([
      "zh-TW",
    ]);
    expect(mails.filter((mail) => mail.userId === english.id)).toHaveLength(2);
    expect(mails.find((mail) => mail.userId === chinese.id)?.toAddress).toBe(chinese.email);
    expect(await sendMailJobs(db)).toBe(3);

    // The provider's webhook again, for the first order: settled already, nothing new.
    const attempt = await db.paymentAttempt.findFirstOrThrow({
      where: { orderId: orders[0]?.id, kind: "CHARGE" },
    });
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: orders[0]?.id } });
    const replay = await settleCheckout(db, inProcessDemoProvider(db), {
      reference: attempt.providerReference ?? "",
      state: { status: "paid", amount: payment.amount, chargeReference: payment.providerReference },
    });
    expect(replay).toBe("already-settled");
    expect(await outbox(db, "order-confirmation")).toHaveLength(3);
    expect(await sendMailJobs(db)).toBe(3);
    expect(event.id).toBeTruthy();
  });
});

describe("event cancelled → event-cancelled and refund-receipt", () => {
  it("sends each holder one notice with their refund, one receipt per refund, once", async () => {
    const { db } = database();
    const { organizer, event, english, chinese, orders } = await eventWithHolders(db);
    const api = callerFor(db, organizer);
    await api.organizer.events.cancel({ eventId: event.id });
    await api.organizer.events.cancel({ eventId: event.id });

    const notices = await outbox(db, "event-cancelled", [english.id, chinese.id]);
    expect(notices.map((notice) => [notice.userId, notice.locale]).sort()).toEqual(
      [
        [english.id, "en"],
        [chinese.id, "zh-TW"],
      ].sort(),
    );
    const englishNotice = notices.find((notice) => notice.userId === english.id);
    expect((englishNotice?.payload as { orderIds?: string[] })?.orderIds?.sort()).toEqual(
      orders
        .slice(0, 2)
        .map((order) => order.id)
        .sort(),
    );

    const receipts = await outbox(db, "refund-receipt", [english.id, chinese.id]);
    expect(receipts).toHaveLength(3);
    expect(receipts.filter((receipt) => receipt.locale === "zh-TW")).toHaveLength(1);
  });

  it("a buyer's own cancellation records one refund receipt", async () => {
    const { db } = database();
    const { event, seatIds } = await organizerEvent(db, {
      rows: 1,
      seatsPerRow: 2,
      refundableUntilHours: 1,
    });
    const buyer = await makeUser(db);
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: event.id, seatIds });
    const order = await checkoutAndPay(api, event.id, "receipt-once");
    await api.order.cancel({ orderId: order.id, idempotencyKey: "cancel-receipt-once" });
    await api.order.cancel({ orderId: order.id, idempotencyKey: "cancel-receipt-once" });
    const receipts = await outbox(db, "refund-receipt", [buyer.id]);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.payload).toMatchObject({ kind: "refund-receipt", orderId: order.id });
  });
});

describe("event moved → event-changed", () => {
  it("one notice per holder with before and after; the same change again none", async () => {
    const { db } = database();
    const { organizer, event, english, chinese } = await eventWithHolders(db);
    const api = callerFor(db, organizer).organizer.events;
    const startsAt = new Date(event.startsAt.getTime() + DAY);
    const endsAt = new Date(event.endsAt.getTime() + DAY);
    await api.update({ eventId: event.id, startsAt, endsAt });
    await api.update({ eventId: event.id, startsAt, endsAt });
    // A change of the title alone tells nobody.
    await api.update({ eventId: event.id, title: "Renamed" });

    const notices = await outbox(db, "event-changed", [english.id, chinese.id]);
    expect(notices.map((notice) => notice.userId).sort()).toEqual([english.id, chinese.id].sort());
    expect(notices.find((notice) => notice.userId === chinese.id)?.locale).toBe("zh-TW");
    expect(notices[0]?.payload).toMatchObject({
      before: { startsAt: event.startsAt.toISOString(), city: "Taipei" },
      after: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });

    // Moved again: a new notice each.
    await api.update({
      eventId: event.id,
      startsAt: new Date(startsAt.getTime() + DAY),
      endsAt: new Date(endsAt.getTime() + DAY),
    });
    expect(await outbox(db, "event-changed", [english.id, chinese.id])).toHaveLength(4);
  });
});

describe("venue changed → event-changed", () => {
  it("one notice per holder per upcoming event at the venue, old and new place; a past event's holders and a repeat none", async () => {
    const { db } = database();
    const { organizer, venue, event, english, chinese } = await eventWithHolders(db);
    const api = callerFor(db, organizer).organizer;
    /** Another published event at the same venue, with one seat bought by `buyer`. */
    async function alsoAtVenue(buyer: { id: string; username: string }, key: string) {
      const startsAt = new Date(event.startsAt.getTime() + 2 * DAY);
      const other = await api.events.create({
        venueId: venue.id,
        title: `Second show ${key}`,
        category: "CONCERT",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        refundableUntilHours: null,
        priceTiers: [{ name: "Standard", price: 1000 }],
      });
      await api.events.publish({ eventId: other.id });
      const seat = await db.eventSeat.findFirstOrThrow({ where: { eventId: other.id } });
      const buyerApi = callerFor(db, { ...buyer, role: "ATTENDEE", sessionVersion: 0 });
      await buyerApi.reservation.hold({ eventId: other.id, seatIds: [seat.id] });
      await checkoutAndPay(buyerApi, other.id, `venue-change-${key}`);
      return other;
    }
    const second = await alsoAtVenue(english, "second");
    // An event at the venue that is over by now: its holders are not told.
    const past = await alsoAtVenue(chinese, "past");
    await db.event.update({
      where: { id: past.id },
      data: { startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) },
    });

    const change = { name: "Taipei Arena", address: "2 New Road", timeZone: "Asia/Tokyo" };
    await api.venues.update({ venueId: venue.id, ...change });
    await api.venues.update({ venueId: venue.id, ...change });

    const notices = await outbox(db, "event-changed", [english.id, chinese.id]);
    const sent = notices.map((notice) => {
      const payload = notice.payload as { eventId: string };
      return `${payload.eventId}:${notice.userId}:${notice.locale}`;
    });
    expect(sent.sort()).toEqual(
      [
        `${event.id}:${english.id}:en`,
        `${event.id}:${chinese.id}:zh-TW`,
        `${second.id}:${english.id}:en`,
      ].sort(),
    );
    const notice = notices.find(
      (n) => n.userId === chinese.id && (n.payload as { eventId: string }).eventId === event.id,
    );
    expect(notice?.payload).toMatchObject({
      before: {
        startsAt: event.startsAt.toISOString(),
        venueName: venue.name,
        address: "1 Test Road",
        city: "Taipei",
        timeZone: "Asia/Taipei",
      },
      after: {
        startsAt: event.startsAt.toISOString(),
        venueName: "Taipei Arena",
        address: "2 New Road",
        city: "Taipei",
        timeZone: "Asia/Tokyo",
      },
    });

    // A later change is a new notice for each; a refused change (not the owner) none.
    await api.venues.update({ venueId: venue.id, city: "Kaohsiung" });
    expect(await outbox(db, "event-changed", [english.id, chinese.id])).toHaveLength(6);
    const stranger = await makeUser(db, { role: "ORGANIZER" });
    await callerFor(db, stranger)
      .organizer.venues.update({ venueId: venue.id, name: "Not yours" })
      .catch(() => null);
    expect(await outbox(db, "event-changed", [english.id, chinese.id])).toHaveLength(6);
  });
});

describe("the day before → event-reminder", () => {
  it("reminds each holder once however often the hourly job runs", async () => {
    const { db } = database();
    const soon = new Date(Date.now() + 20 * 3600_000);
    const { english, chinese } = await eventWithHolders(db, { startsAt: soon });
    // An event next week is not reminded of yet.
    await eventWithHolders(db);
    await db.mailOutbox.deleteMany({ where: { kind: "event-reminder" } });

    expect(await queueEventReminders(db)).toBe(2);
    expect(await queueEventReminders(db)).toBe(0);
    const reminders = await outbox(db, "event-reminder", [english.id, chinese.id]);
    expect(reminders.map((r) => [r.userId, r.locale]).sort()).toEqual(
      [
        [english.id, "en"],
        [chinese.id, "zh-TW"],
      ].sort(),
    );
  });
});

describe("order.resendTickets", () => {
  it("queues the confirmation again for the owner's paid order, once per request, rate limited", async () => {
    const { db } = database();
    const { english, chinese, orders } = await eventWithHolders(db);
    const order = orders[0];
    if (!order) throw new Error("no order");
    const rateLimits = new RateLimits(memoryStore(), { mailResendsPerUserPerHour: 2 });
    const api = callerFor(db, english, { rateLimits });
    expect(
      await api.order.resendTickets({ orderId: order.id, idempotencyKey: "resend-one" }),
    ).toEqual({ orderId: order.id, queued: true });
    // The same click retried: no second message.
    expect(
      await api.order.resendTickets({ orderId: order.id, idempotencyKey: "resend-one" }),
    ).toEqual({ orderId: order.id, queued: false });
    expect(
      await codeOf(api.order.resendTickets({ orderId: order.id, idempotencyKey: "resend-two" })),
    ).toBe("TOO_MANY_REQUESTS");
    // Not the owner: as if it did not exist.
    expect(
      await codeOf(
        callerFor(db, chinese).order.resendTickets({
          orderId: order.id,
          idempotencyKey: "x-resend",
        }),
      ),
    ).toBe("NOT_FOUND");
    const resent = await db.mailOutbox.findMany({
      where: { key: { startsWith: `order-confirmation:${order.id}:resend:` } },
    });
    expect(resent.map((mail) => [mail.toAddress, mail.locale])).toEqual([[english.email, "en"]]);
  });

  it("refuses an order that is not paid", async () => {
    const { db } = database();
    const { event, seatIds } = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    const buyer = await makeUser(db);
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: event.id, seatIds });
    const started = await api.order.checkout({ eventId: event.id, idempotencyKey: "unpaid-order" });
    expect(
      await codeOf(
        api.order.resendTickets({ orderId: started.orderId, idempotencyKey: "resend-x" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await db.mailOutbox.count({ where: { userId: buyer.id } })).toBe(0);
  });
});

describe("a message recorded → its send-mail job", () => {
  /** The send-mail jobs of one message, by its outbox key. */
  async function jobsOf(db: Db, key: string) {
    return db.$queryRaw<{ id: string; attempts: number }[]>`
      SELECT id::text, attempts FROM graphile_worker.jobs WHERE key = ${`mail:${key}`}`;
  }

  it("is queued by the database for any insert, once per key, and again only on a retry", async () => {
    const { db } = database();
    const key = `hand-written:${crypto.randomUUID()}`;
    const insert = () => db.$executeRaw`
      INSERT INTO mail_outbox (id, key, kind, to_address, locale, payload)
      VALUES (gen_random_uuid(), ${key}, 'sign-up-attempt', 'someone@example.com', 'en',
              '{"kind":"sign-up-attempt","signInUrl":"x","resetUrl":"y"}')
      ON CONFLICT (key) DO NOTHING`;
    // Written by hand, as an operator might: no code path queues the job, the database does.
    expect(await insert()).toBe(1);
    expect(await jobsOf(db, key)).toHaveLength(1);
    // The same key again records nothing and queues nothing.
    expect(await insert()).toBe(0);
    expect(await jobsOf(db, key)).toHaveLength(1);

    // The sender's own moves (QUEUED → SENDING → QUEUED after a failed try) queue nothing more.
    await db.mailOutbox.update({ where: { key }, data: { status: "SENDING" } });
    await db.mailOutbox.update({ where: { key }, data: { status: "QUEUED" } });
    expect(await jobsOf(db, key)).toHaveLength(1);

    // Exhausted: the job is gone and the message FAILED; moving it back to QUEUED (an admin's
    // retry) queues a fresh job.
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`mail:${key}`}`;
    await db.mailOutbox.update({ where: { key }, data: { status: "FAILED" } });
    expect(await jobsOf(db, key)).toHaveLength(0);
    await db.mailOutbox.update({ where: { key }, data: { status: "QUEUED" } });
    expect(await jobsOf(db, key)).toEqual([{ id: expect.any(String), attempts: 0 }]);
  });
});
