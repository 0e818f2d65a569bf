// Discount codes (issue 15): the arithmetic, the refusals (nothing held or charged), who may
// manage codes, the usage limit under a rush of buyers, idempotent retries, uses given back by
// unpaid orders exactly once, and refunds of what was paid.
import { makeEvent, makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import { discountOn, spreadDiscount } from "../src/services/discount/discount-math.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import { reconcilePayments } from "../src/services/payments/reconcile-payments.ts";
import { endUnpaid, settleCheckout } from "../src/services/payments/settle-checkout.ts";
import { callerFor } from "./helpers/callers.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";
import { checkoutAndPay, demoReference, eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase({ maxConnections: 30 });
const DAY = 24 * 3600_000;

/** An event on sale at 1,000 a seat, its organizer's console, and buyers each holding seats. */
async function saleWithBuyers(
  options: { buyers?: number; seatsEach?: number; rows?: number } = {},
) {
  const { db } = database();
  const { buyers: count = 1, seatsEach = 2, rows = 2 } = options;
  const sale = await eventOnSale(db, {
    rows,
    seatsPerRow: 10,
    event: { refundableUntilHours: 48, refundPercent: 80 },
  });
  const codes = callerFor(db, sale.organizer).organizer.discountCodes;
  const buyers = await makeBuyers(db, count);
  const apis = [];
  for (const [index, buyer] of buyers.entries()) {
    const api = callerFor(db, buyer);
    const seatIds = sale.seatIds.slice(index * seatsEach, (index + 1) * seatsEach);
    await api.reservation.hold({ eventId: sale.event.id, seatIds });
    apis.push(api);
  }
  return { db, ...sale, codes, buyers, apis, api: apis[0] as (typeof apis)[number] };
}

async function payWithCode(
  api: ReturnType<typeof callerFor>,
  eventId: string,
  key: string,
  discountCode: string,
) {
  const started = await api.order.checkout({ eventId, idempotencyKey: key, discountCode });
  if (started.redirectUrl) {
    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });
  }
  return api.order.byId({ orderId: started.orderId });
}

describe("discount arithmetic", () => {
  it("rounds a percentage down and caps an amount at the total", () => {
    expect(discountOn(999, { kind: "PERCENT", value: 15 })).toBe(149); // 149.85
    expect(discountOn(1000, { kind: "PERCENT", value: 100 })).toBe(1000);
    expect(discountOn(3, { kind: "PERCENT", value: 50 })).toBe(1);
    expect(discountOn(2000, { kind: "AMOUNT", value: 300 })).toBe(300);
    expect(discountOn(2000, { kind: "AMOUNT", value: 5000 })).toBe(2000);
  });

  it("spreads a discount over the tickets so that they add up to what is charged", () => {
    expect(spreadDiscount([1000, 1000], 300)).toEqual([850, 850]);
    expect(spreadDiscount([1000, 500, 1], 149)).toEqual([900, 451, 1]);
    expect(spreadDiscount([333, 333, 333], 149)).toEqual([283, 283, 284]);
    for (const [prices, discount] of [
      [[333, 333, 333], 149],
      [[7, 0, 5], 11],
      [[1, 1, 1, 1], 3],
      [[1000, 250], 1250],
    ] as const) {
      const paid = spreadDiscount(prices, discount);
      const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
      expect(sum(paid)).toBe(sum(prices) - discount);
      paid.forEach((price, index) => {
        expect(price).toBeGreaterThanOrEqual(0);
        expect(price).toBeLessThanOrEqual(prices[index] as number);
      });
    }
  });
});

describe("a discount code at checkout", () => {
  it("takes a percentage off, on the order, its charge, its tickets and the organizer's sales", async () => {
    const { db, event, organizer, codes, api } = await saleWithBuyers({ seatsEach: 3 });
    await codes.create({ eventId: event.id, code: "Spring15", kind: "PERCENT", value: 15 });
    const preview = await api.order.previewDiscount({ eventId: event.id, code: "spring15" });
    expect(preview).toMatchObject({ subtotal: 3000, discount: 450, total: 2550, seats: 3 });

    const order = await payWithCode(api, event.id, "discount-percent", "SPRING15");
    expect(order).toMatchObject({
      status: "PAID",
      total: 2550,
      discountAmount: 450,
      discountCode: "Spring15",
    });
    expect(order.payments).toEqual([expect.objectContaining({ kind: "CHARGE", amount: 2550 })]);
    expect(order.tickets.map((ticket) => ticket.pricePaid).sort()).toEqual([850, 850, 850]);
    const listed = await api.order.list({});
    expect(listed.items[0]).toMatchObject({ discountAmount: 450, discountCode: "Spring15" });

    const sales = await callerFor(db, organizer).organizer.sales({ eventId: event.id });
    expect(sales.totals).toMatchObject({ revenue: 2550, discounts: 450, keptFromCancellations: 0 });
    expect(sales.byTier.reduce((sum, tier) => sum + tier.revenue, 0)).toBe(2550);
    expect((await codes.list({ eventId: event.id })).items[0]).toMatchObject({ uses: 1 });
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });

  it("takes an amount off, capped at the seat total, and charges nothing below zero", async () => {
    const { db, event, codes, apis } = await saleWithBuyers({ buyers: 2 });
    const [first, second] = apis;
    if (!first || !second) throw new Error("buyers");
    await codes.create({ code: "TAKE300", kind: "AMOUNT", value: 300, currency: "TWD" });
    await codes.create({ eventId: event.id, code: "ALLFREE", kind: "AMOUNT", value: 5000 });
    const off300 = await payWithCode(first, event.id, "discount-amount-1", "take300");
    expect(off300).toMatchObject({ status: "PAID", total: 1700, discountAmount: 300 });
    // A zero total goes the way any zero total does: through the provider, for nothing.
    const free = await payWithCode(second, event.id, "discount-amount-2", "allfree");
    expect(free).toMatchObject({ status: "PAID", total: 0, discountAmount: 2000 });
    expect(free.tickets.map((ticket) => ticket.pricePaid)).toEqual([0, 0]);
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });

  it("refuses codes outside their window, of another event or organizer, switched off or of another currency, holding and charging nothing", async () => {
    const { db, event, organizer, codes, api } = await saleWithBuyers();
    const now = Date.now();
    const other = await eventOnSale(db); // another organizer's event
    const ownOther = await makeEvent(db, { organizerId: organizer.id, venueId: event.venueId });
    await codes.create({
      eventId: event.id,
      code: "LATER",
      kind: "PERCENT",
      value: 10,
      validFrom: new Date(now + DAY),
    });
    await codes.create({
      eventId: event.id,
      code: "GONE",
      kind: "PERCENT",
      value: 10,
      validUntil: new Date(now - 1000),
    });
    await codes.create({ eventId: ownOther.id, code: "ELSEWHERE", kind: "PERCENT", value: 10 });
    await callerFor(db, other.organizer).organizer.discountCodes.create({
      code: "THEIRS",
      kind: "PERCENT",
      value: 50,
    });
    const off = await codes.create({ code: "OFF", kind: "PERCENT", value: 10 });
    await codes.update({ discountCodeId: off.id, active: false });
    await codes.create({ code: "DOLLARS", kind: "AMOUNT", value: 500, currency: "USD" });

    const before = await db.seatHold.findMany({
      where: { eventId: event.id },
      orderBy: { id: "asc" },
    });
    const cases = {
      LATER: "DISCOUNT_NOT_STARTED",
      gone: "DISCOUNT_EXPIRED",
      ELSEWHERE: "DISCOUNT_UNKNOWN",
      THEIRS: "DISCOUNT_UNKNOWN",
      OFF: "DISCOUNT_UNKNOWN",
      NOSUCHCODE: "DISCOUNT_UNKNOWN",
      DOLLARS: "DISCOUNT_CURRENCY",
    };
    for (const [code, reason] of Object.entries(cases)) {
      for (const call of [
        () =>
          api.order.checkout({
            eventId: event.id,
            idempotencyKey: `refused-${code}`,
            discountCode: code,
          }),
        () => api.order.previewDiscount({ eventId: event.id, code }),
      ]) {
        const error = await failure(call());
        expect({ code, status: error.code, details: detailsOf(error) }).toEqual({
          code,
          status: "BAD_REQUEST",
          details: { field: "discountCode", reason },
        });
      }
    }
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.paymentAttempt.count({ where: { order: { eventId: event.id } } })).toBe(0);
    expect(
      await db.seatHold.findMany({ where: { eventId: event.id }, orderBy: { id: "asc" } }),
    ).toEqual(before);
    expect(
      (
        await db.discountCode.findMany({
          where: { organizerId: { in: [organizer.id, other.organizer.id] } },
        })
      ).map((code) => code.uses),
    ).toEqual([0, 0, 0, 0, 0, 0]);
    // The buyer can still pay without a code.
    expect((await checkoutAndPay(api, event.id, "no-code-after-all")).status).toBe("PAID");
  });
});

describe("a discount code for some ticket types", () => {
  it("takes its share off those tickets only, refuses an order without them, and is set up for one event's types", async () => {
    const { db, event, organizer, codes, apis, seatIds } = await saleWithBuyers({
      buyers: 2,
      seatsEach: 3,
    });
    const [buyer, other] = apis;
    if (!buyer || !other) throw new Error("buyers");
    const types = callerFor(db, organizer).organizer.ticketTypes;
    const student = await types.create({ eventId: event.id, name: "Student", price: 600 });
    const group = await types.create({ eventId: event.id, name: "Group", price: 900 });
    const code = await codes.create({
      eventId: event.id,
      code: "STUDENT50",
      kind: "PERCENT",
      value: 50,
      ticketTypeIds: [student.id],
    });
    expect(code.ticketTypeIds).toEqual([student.id]);
    // Two seats at the tier's price, one as Student: half off the Student ticket only.
    await buyer.reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[2] as string],
      ticketTypeId: student.id,
    });
    expect(
      await buyer.order.previewDiscount({ eventId: event.id, code: "student50" }),
    ).toMatchObject({ subtotal: 2600, discount: 300, total: 2300 });
    const order = await payWithCode(buyer, event.id, "types-code-1", "student50");
    expect(order).toMatchObject({ status: "PAID", total: 2300, discountAmount: 300 });
    expect(order.tickets.map((ticket) => [ticket.ticketType, ticket.pricePaid]).sort()).toEqual([
      [null, 1000],
      [null, 1000],
      ["Student", 300],
    ]);

    // No Student ticket held: refused on the field, nothing written, the seats still held.
    const refused = await failure(
      other.order.checkout({
        eventId: event.id,
        idempotencyKey: "types-code-2",
        discountCode: "STUDENT50",
      }),
    );
    expect([refused.code, detailsOf(refused)?.reason, detailsOf(refused)?.field]).toEqual([
      "BAD_REQUEST",
      "DISCOUNT_NOT_FOR_TYPES",
      "discountCode",
    ]);
    expect(await db.order.count({ where: { idempotencyKey: "types-code-2" } })).toBe(0);
    expect(await db.seatHold.count({ where: { eventId: event.id, orderId: null } })).toBe(3);
    expect((await codes.list({ eventId: event.id })).items[0]).toMatchObject({ uses: 1 });

    // Only a code for one event may name types, and only that event's.
    const elsewhere = await makeEvent(db, { organizerId: organizer.id, venueId: event.venueId });
    const otherType = await types.create({ eventId: elsewhere.id, name: "Student", price: 500 });
    for (const input of [
      { code: "ALLSTUDENTS", ticketTypeIds: [student.id] },
      { eventId: event.id, code: "WRONGTYPE", ticketTypeIds: [otherType.id] },
    ]) {
      const error = await failure(codes.create({ ...input, kind: "PERCENT", value: 10 }));
      expect([error.code, detailsOf(error)?.field]).toEqual(["BAD_REQUEST", "ticketTypeIds"]);
    }
    expect(await db.discountCode.count({ where: { organizerId: organizer.id } })).toBe(1);

    // A type deleted: codes forget it; one limited to it alone is switched off, never widened
    // to every ticket.
    for (const [name, ids] of [
      ["GROUPONLY", [group.id]],
      ["GROUPORSTUDENT", [group.id, student.id]],
    ] as const) {
      await codes.create({
        eventId: event.id,
        code: name,
        kind: "PERCENT",
        value: 10,
        ticketTypeIds: [...ids],
      });
    }
    expect(await types.delete({ ticketTypeId: group.id })).toEqual({
      ticketTypeId: group.id,
      codesSwitchedOff: ["GROUPONLY"],
    });
    const after = await db.discountCode.findMany({
      where: { code: { in: ["GROUPONLY", "GROUPORSTUDENT"] } },
      select: { code: true, active: true, ticketTypeIds: true },
      orderBy: { code: "asc" },
    });
    expect(after).toEqual([
      { code: "GROUPONLY", active: false, ticketTypeIds: [] },
      { code: "GROUPORSTUDENT", active: true, ticketTypeIds: [student.id] },
    ]);
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });
});

describe("a discount code for a tier's own price", () => {
  it("takes its share off the tickets held at that price only (not as a type, not at another tier), with types too, and is set up for one event's tiers", async () => {
    const { db } = database();
    const { organizer, event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 6 });
    const codes = callerFor(db, organizer).organizer.discountCodes;
    const general = await db.priceTier.findFirstOrThrow({ where: { eventId: event.id } });
    // A second tier, Balcony at 800, for the last two seats.
    const balcony = await db.priceTier.create({
      data: { eventId: event.id, name: "Balcony", price: 800, ordering: 1 },
    });
    await db.eventSeat.updateMany({
      where: { id: { in: seatIds.slice(4) } },
      data: { tierId: balcony.id },
    });
    const types = callerFor(db, organizer).organizer.ticketTypes;
    const student = await types.create({ eventId: event.id, name: "Student", price: 600 });
    const onlyGeneral = await codes.create({
      eventId: event.id,
      code: "GENERAL10",
      kind: "PERCENT",
      value: 10,
      tierIds: [general.id],
    });
    expect([onlyGeneral.tierIds, onlyGeneral.ticketTypeIds]).toEqual([[general.id], []]);
    await codes.create({
      eventId: event.id,
      code: "GENERALORSTUDENT",
      kind: "PERCENT",
      value: 50,
      tierIds: [general.id],
      ticketTypeIds: [student.id],
    });

    // Two seats at General's price (1,000), one as Student (600), one at Balcony's (800).
    const [buyer, other] = (await makeBuyers(db, 2)).map((user) => callerFor(db, user));
    if (!buyer || !other) throw new Error("buyers");
    await buyer.reservation.hold({ eventId: event.id, seatIds: seatIds.slice(0, 2) });
    await buyer.reservation.hold({
      eventId: event.id,
      seatIds: [seatIds[2] as string],
      ticketTypeId: student.id,
    });
    await buyer.reservation.hold({ eventId: event.id, seatIds: [seatIds[4] as string] });
    expect(
      await buyer.order.previewDiscount({ eventId: event.id, code: "general10" }),
    ).toMatchObject({ subtotal: 3400, discount: 200, total: 3200 });
    expect(
      await buyer.order.previewDiscount({ eventId: event.id, code: "generalorstudent" }),
    ).toMatchObject({ subtotal: 3400, discount: 1300, total: 2100 });
    const order = await payWithCode(buyer, event.id, "tier-code-1", "GENERAL10");
    expect(order).toMatchObject({ status: "PAID", total: 3200, discountAmount: 200 });
    expect(order.tickets.map((ticket) => [ticket.ticketType, ticket.pricePaid]).sort()).toEqual([
      [null, 800],
      [null, 900],
      [null, 900],
      ["Student", 600],
    ]);

    // Only Balcony held: refused on the field, nothing written.
    await other.reservation.hold({ eventId: event.id, seatIds: [seatIds[5] as string] });
    const refused = await failure(
      other.order.checkout({
        eventId: event.id,
        idempotencyKey: "tier-code-2",
        discountCode: "GENERAL10",
      }),
    );
    expect([refused.code, detailsOf(refused)?.reason]).toEqual([
      "BAD_REQUEST",
      "DISCOUNT_NOT_FOR_TYPES",
    ]);
    expect(await db.order.count({ where: { idempotencyKey: "tier-code-2" } })).toBe(0);

    // Only a code for one event may name tiers, and only that event's.
    const elsewhere = await makeEvent(db, { organizerId: organizer.id, venueId: event.venueId });
    const otherTier = await db.priceTier.findFirstOrThrow({ where: { eventId: elsewhere.id } });
    for (const input of [
      { code: "ALLGENERAL", tierIds: [general.id] },
      { eventId: event.id, code: "WRONGTIER", tierIds: [otherTier.id] },
    ]) {
      const error = await failure(codes.create({ ...input, kind: "PERCENT", value: 10 }));
      expect([error.code, detailsOf(error)?.field]).toEqual(["BAD_REQUEST", "tierIds"]);
    }

    // A type deleted from a code that also names General: it keeps General and stays on.
    const group = await types.create({ eventId: event.id, name: "Group", price: 700 });
    await codes.create({
      eventId: event.id,
      code: "GENERALORGROUP",
      kind: "PERCENT",
      value: 10,
      tierIds: [general.id],
      ticketTypeIds: [group.id],
    });
    expect((await types.delete({ ticketTypeId: group.id })).codesSwitchedOff).toEqual([]);
    expect(
      await db.discountCode.findFirst({
        where: { code: "GENERALORGROUP" },
        select: { active: true, ticketTypeIds: true, tierIds: true },
      }),
    ).toEqual({ active: true, ticketTypeIds: [], tierIds: [general.id] });
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });
});

describe("managing discount codes", () => {
  it("keeps codes unique per organizer whatever the case, checks amounts' currency, and never lowers a limit below the uses", async () => {
    const { db, event, codes, apis } = await saleWithBuyers({ buyers: 2 });
    const created = await codes.create({
      eventId: event.id,
      code: "Summer",
      kind: "PERCENT",
      value: 20,
      maxUses: 5,
    });
    const taken = await failure(
      codes.create({ code: "SUMMER", kind: "AMOUNT", value: 100, currency: "TWD" }),
    );
    expect({ code: taken.code, details: detailsOf(taken) }).toEqual({
      code: "CONFLICT",
      details: { field: "code", reason: "DISCOUNT_CODE_TAKEN" },
    });
    // Another organizer may have the same code.
    const other = await eventOnSale(db);
    await callerFor(db, other.organizer).organizer.discountCodes.create({
      code: "summer",
      kind: "PERCENT",
      value: 5,
    });
    const currency = await failure(
      codes.create({ eventId: event.id, code: "USD5", kind: "AMOUNT", value: 5, currency: "USD" }),
    );
    expect({ code: currency.code, field: detailsOf(currency)?.field }).toEqual({
      code: "BAD_REQUEST",
      field: "currency",
    });
    const noCurrency = await failure(codes.create({ code: "NOCUR", kind: "AMOUNT", value: 5 }));
    expect(detailsOf(noCurrency)?.field).toBe("currency");
    expect((await failure(codes.create({ code: "PCT", kind: "PERCENT", value: 101 }))).code).toBe(
      "BAD_REQUEST",
    );
    const window = await failure(
      codes.create({
        code: "BACKWARDS",
        kind: "PERCENT",
        value: 5,
        validFrom: new Date(Date.now() + DAY),
        validUntil: new Date(),
      }),
    );
    expect(detailsOf(window)?.field).toBe("validUntil");

    for (const [index, api] of apis.entries()) {
      await payWithCode(api, event.id, `managing-${index}`, "summer");
    }
    const below = await failure(codes.update({ discountCodeId: created.id, maxUses: 1 }));
    expect({ code: below.code, details: detailsOf(below) }).toEqual({
      code: "BAD_REQUEST",
      details: { field: "maxUses", reason: "DISCOUNT_BELOW_USES", uses: 2 },
    });
    expect(await codes.update({ discountCodeId: created.id, maxUses: 2 })).toMatchObject({
      uses: 2,
      maxUses: 2,
    });
    const used = await failure(codes.delete({ discountCodeId: created.id }));
    expect({ code: used.code, reason: detailsOf(used)?.reason }).toEqual({
      code: "CONFLICT",
      reason: "DISCOUNT_IN_USE",
    });
    const unused = await codes.create({ code: "UNUSED", kind: "PERCENT", value: 5 });
    await codes.delete({ discountCodeId: unused.id });
    expect(await db.discountCode.count({ where: { id: unused.id } })).toBe(0);
  });

  it("shows and changes only the organizer's own codes; an admin may act on all", async () => {
    const { db, event, codes } = await saleWithBuyers();
    const own = await codes.create({ eventId: event.id, code: "MINE", kind: "PERCENT", value: 10 });
    const other = await eventOnSale(db);
    const theirs = callerFor(db, other.organizer).organizer.discountCodes;
    await theirs.create({ code: "THEIRS", kind: "PERCENT", value: 10 });
    for (const call of [
      () => theirs.list({ eventId: event.id }),
      () => theirs.create({ eventId: event.id, code: "SNEAKY", kind: "PERCENT", value: 90 }),
      () => theirs.update({ discountCodeId: own.id, maxUses: 1 }),
      () => theirs.delete({ discountCodeId: own.id }),
    ]) {
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
    expect((await theirs.list({})).items.map((code) => code.code)).toEqual(["THEIRS"]);
    expect((await codes.list({})).items.map((code) => code.code)).toEqual(["MINE"]);
    expect(await db.discountCode.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      maxUses: null,
    });

    const admin = callerFor(db, await makeUser(db, { role: "ADMIN" })).organizer.discountCodes;
    expect((await admin.list({ eventId: event.id })).items.map((code) => code.id)).toEqual([
      own.id,
    ]);
    await admin.update({ discountCodeId: own.id, maxUses: 3 });
    expect(await db.discountCode.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      maxUses: 3,
    });
    const attendee = callerFor(db, await makeUser(db)).organizer.discountCodes;
    expect((await failure(attendee.list({}))).code).toBe("FORBIDDEN");
  });
});

describe("the usage limit", () => {
  it("gives a code limited to 10 uses to exactly 10 of 100 buyers checking out at once", async () => {
    const { db, event, organizer, codes, apis, buyers } = await saleWithBuyers({
      buyers: 100,
      seatsEach: 1,
      rows: 10,
    });
    await codes.create({
      eventId: event.id,
      code: "RUSH10",
      kind: "PERCENT",
      value: 50,
      maxUses: 10,
    });
    const demoPaymentsBefore = await db.demoPayment.count();
    const outcomes = await Promise.allSettled(
      apis.map((api, index) =>
        api.order.checkout({
          eventId: event.id,
          idempotencyKey: `rush-buyer-${index}`,
          discountCode: "rush10",
        }),
      ),
    );
    const won = outcomes.flatMap((outcome) =>
      outcome.status === "fulfilled" ? [outcome.value] : [],
    );
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [outcome.reason] : [],
    );
    expect(won).toHaveLength(10);
    expect(refusals.map((error) => ({ code: error.code, details: detailsOf(error) }))).toEqual(
      Array.from({ length: 90 }, () => ({
        code: "CONFLICT",
        details: { field: "discountCode", reason: "DISCOUNT_EXHAUSTED" },
      })),
    );
    expect(
      await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } }),
    ).toMatchObject({ uses: 10, maxUses: 10 });
    const orders = await db.order.findMany({ where: { eventId: event.id } });
    expect(orders).toHaveLength(10);
    expect(orders.every((order) => order.discountCodeId !== null && order.total === 500)).toBe(
      true,
    );
    // The 90 refused: no order, no payment, their seat still held by them and by no order.
    const winners = new Set(orders.map((order) => order.userId));
    const losers = buyers.filter((buyer) => !winners.has(buyer.id)).map((buyer) => buyer.id);
    expect(losers).toHaveLength(90);
    const losersHolds = await db.seatHold.findMany({ where: { userId: { in: losers } } });
    expect(losersHolds).toHaveLength(90);
    expect(losersHolds.every((hold) => hold.orderId === null)).toBe(true);
    expect(await db.paymentAttempt.count({ where: { order: { eventId: event.id } } })).toBe(10);
    expect((await db.demoPayment.count()) - demoPaymentsBefore).toBe(10);
    // Used up: the preview says so too.
    const loser = apis[buyers.findIndex((buyer) => !winners.has(buyer.id))];
    const preview = await failure(
      loser?.order.previewDiscount({ eventId: event.id, code: "RUSH10" }) ?? Promise.resolve(),
    );
    expect(detailsOf(preview)?.reason).toBe("DISCOUNT_EXHAUSTED");
    expect(
      await auditPaymentInvariants(db, {
        now: new Date(),
        paymentGraceMs: defaultSettings.paymentGraceMs,
      }),
    ).toEqual([]);
  }, 60_000);

  it("takes one use for a checkout retried with the same key, also when the retries race", async () => {
    const { db, event, organizer, codes, api } = await saleWithBuyers();
    await codes.create({ eventId: event.id, code: "ONCE", kind: "PERCENT", value: 10, maxUses: 5 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        api.order.checkout({
          eventId: event.id,
          idempotencyKey: "same-key-with-code",
          discountCode: "ONCE",
        }),
      ),
    );
    const orderIds = new Set(
      outcomes.flatMap((outcome) =>
        outcome.status === "fulfilled" ? [outcome.value.orderId] : [],
      ),
    );
    expect(orderIds.size).toBe(1);
    await api.order.checkout({
      eventId: event.id,
      idempotencyKey: "same-key-with-code",
      discountCode: "ONCE",
    });
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(1);
    // The same key with another code is another purchase: refused, nothing taken.
    await codes.create({ eventId: event.id, code: "OTHER", kind: "PERCENT", value: 20 });
    const reused = await failure(
      api.order.checkout({
        eventId: event.id,
        idempotencyKey: "same-key-with-code",
        discountCode: "OTHER",
      }),
    );
    expect(detailsOf(reused)?.reason).toBe("KEY_REUSED");
    expect(
      (
        await db.discountCode.findMany({
          where: { organizerId: organizer.id },
          orderBy: { code: "asc" },
        })
      ).map((code) => code.uses),
    ).toEqual([1, 0]);
  });
});

describe("uses given back", () => {
  it("returns the use of a declined payment once, however often the failure is processed", async () => {
    const { db, event, organizer, codes, apis } = await saleWithBuyers({ buyers: 2 });
    const [first, second] = apis;
    if (!first || !second) throw new Error("buyers");
    await codes.create({ eventId: event.id, code: "BACK", kind: "PERCENT", value: 10, maxUses: 2 });
    const declined = await first.order.checkout({
      eventId: event.id,
      idempotencyKey: "declined-1",
      discountCode: "back",
    });
    await second.order.checkout({
      eventId: event.id,
      idempotencyKey: "pending-2",
      discountCode: "back",
    });
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(2);

    const reference = demoReference(declined.redirectUrl);
    await first.demoPayment.decline({ reference });
    expect((await first.order.byId({ orderId: declined.orderId })).status).toBe("FAILED");
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(1);
    // The same failure again, by webhook replay, by settling, and several at once.
    const payments = inProcessDemoProvider(db);
    await Promise.all([
      settleCheckout(db, payments, { reference, state: { status: "failed", reason: "declined" } }),
      settleCheckout(db, payments, { reference, state: { status: "failed", reason: "declined" } }),
      endUnpaid(db, declined.orderId, "FAILED", new Date()),
      endUnpaid(db, declined.orderId, "EXPIRED", new Date()),
    ]);
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: declined.orderId } })).toMatchObject({
      status: "FAILED",
    });
  });

  it("returns the use of a payment never made when the reconciler expires it, and of a cancelled one", async () => {
    const { db, event, organizer, codes, apis } = await saleWithBuyers({ buyers: 2 });
    const [first, second] = apis;
    if (!first || !second) throw new Error("buyers");
    await codes.create({ eventId: event.id, code: "LAPSE", kind: "AMOUNT", value: 100 });
    const lapsed = await first.order.checkout({
      eventId: event.id,
      idempotencyKey: "lapsed-1",
      discountCode: "LAPSE",
    });
    const cancelled = await second.order.checkout({
      eventId: event.id,
      idempotencyKey: "cancelled-2",
      discountCode: "LAPSE",
    });
    await second.demoPayment.cancel({ reference: demoReference(cancelled.redirectUrl) });
    expect(
      (await db.order.findUniqueOrThrow({ where: { id: cancelled.orderId } })).status,
    ).not.toBe("PENDING");
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(1);
    const later = new Date(
      Date.now() + defaultSettings.paymentWindowMs + defaultSettings.paymentGraceMs + 60_000,
    );
    await reconcilePayments(db, inProcessDemoProvider(db), defaultSettings, later);
    await reconcilePayments(db, inProcessDemoProvider(db), defaultSettings, later);
    expect((await db.order.findUniqueOrThrow({ where: { id: lapsed.orderId } })).status).toBe(
      "EXPIRED",
    );
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(0);
    expect(await auditPaymentInvariants(db, { now: later, paymentGraceMs: 0 })).toEqual([]);
  });
});

describe("a payment the provider refuses to open", () => {
  it("ends the order at once: seats back on sale, the code's use back, a typed refusal", async () => {
    const { db, event, organizer, codes, buyers, seatIds } = await saleWithBuyers();
    await codes.create({ eventId: event.id, code: "ALLFREE", kind: "PERCENT", value: 100 });
    // As Stripe answers a total below its minimum (here 0): a refusal, not an outage.
    const demo = inProcessDemoProvider(db);
    const refusing = {
      ...demo,
      createCheckout: async () => {
        throw new Error("Stripe: Amount must be at least NT$10 (invalid_request_error)");
      },
    };
    const buyer = buyers[0];
    if (!buyer) throw new Error("buyer");
    const refused = await failure(
      callerFor(db, buyer, { payments: refusing }).order.checkout({
        eventId: event.id,
        idempotencyKey: "refused-1",
        discountCode: "ALLFREE",
      }),
    );
    expect(refused.code).toBe("UNPROCESSABLE_CONTENT");
    expect(detailsOf(refused)).toMatchObject({ reason: "PROVIDER_REFUSED" });
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id } });
    expect(order.status).toBe("FAILED");
    expect(await db.seatHold.count({ where: { eventId: event.id } })).toBe(0);
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(0);
    // Nothing left for the reconciler to trip over, and the books balance.
    const later = new Date(Date.now() + defaultSettings.paymentWindowMs + 3_600_000);
    const report = await reconcilePayments(db, refusing, defaultSettings, later);
    expect(report).toMatchObject({ ordersErrored: 0, ordersUnreachable: 0 });
    expect(await auditPaymentInvariants(db, { now: later, paymentGraceMs: 0 })).toEqual([]);
    // The seats are on sale again: another buyer holds them.
    const [other] = await makeBuyers(db, 1);
    if (!other) throw new Error("buyer");
    const held = await callerFor(db, other).reservation.hold({
      eventId: event.id,
      seatIds: seatIds.slice(0, 2),
    });
    expect(held.seatIds).toHaveLength(2);
  });
});

describe("refunds of discounted orders", () => {
  it("refunds a payment that arrived after its order expired: what was charged, the use given back once", async () => {
    const { db, event, organizer, codes, api } = await saleWithBuyers();
    await codes.create({ eventId: event.id, code: "LATE", kind: "PERCENT", value: 10 });
    const started = await api.order.checkout({
      eventId: event.id,
      idempotencyKey: "late-payment",
      discountCode: "late",
    });
    expect(await endUnpaid(db, started.orderId, "EXPIRED", new Date())).toBe("expired");
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(0);
    // The buyer pays anyway, on the provider's page that was still open.
    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });
    const order = await api.order.byId({ orderId: started.orderId });
    expect(order).toMatchObject({ status: "EXPIRED", total: 1800, discountAmount: 200 });
    expect(order.money).toEqual({ paid: 1800, refunded: 1800, net: 0 });
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(0);
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });

  it("refunds from what was paid, never from the seats' price", async () => {
    const { db, event, organizer, codes, api } = await saleWithBuyers();
    await codes.create({ eventId: event.id, code: "QUARTER", kind: "PERCENT", value: 25 });
    const order = await payWithCode(api, event.id, "refund-discounted", "quarter");
    expect(order).toMatchObject({ total: 1500, discountAmount: 500 });
    // The event refunds 80%: of 1,500 paid, 1,200 — not 80% of 2,000.
    expect(order.refund.amount).toBe(1200);
    const cancelled = await api.order.cancel({
      orderId: order.id,
      idempotencyKey: "cancel-discounted",
    });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.money).toEqual({ paid: 1500, refunded: 1200, net: 300 });
    // A paid order keeps its use, cancelled or not.
    expect(
      (await db.discountCode.findFirstOrThrow({ where: { organizerId: organizer.id } })).uses,
    ).toBe(1);
    expect(await auditPaymentInvariants(db, { now: new Date(), paymentGraceMs: 0 })).toEqual([]);
  });
});

describe("the organizer's sales by discount code", () => {
  it("sums each code's paid orders of the event, cancelled ones with their refunds, for the organizer and admins only", async () => {
    const { db, event, organizer, codes, apis } = await saleWithBuyers({ buyers: 5 });
    const [quarter, refunded, take300, noCode, pending] = apis;
    if (!quarter || !refunded || !take300 || !noCode || !pending) throw new Error("buyers");
    await codes.create({ eventId: event.id, code: "QUARTER", kind: "PERCENT", value: 25 });
    await codes.create({ code: "TAKE300", kind: "AMOUNT", value: 300, currency: "TWD" });
    await codes.create({ eventId: event.id, code: "UNUSED", kind: "PERCENT", value: 10 });

    expect(await payWithCode(quarter, event.id, "by-code-1", "quarter")).toMatchObject({
      total: 1500,
      discountAmount: 500,
    });
    const cancelled = await payWithCode(refunded, event.id, "by-code-2", "QUARTER");
    await refunded.order.cancel({ orderId: cancelled.id, idempotencyKey: "by-code-cancel" });
    await payWithCode(take300, event.id, "by-code-3", "take300");
    expect(await checkoutAndPay(noCode, event.id, "by-code-4")).toMatchObject({
      status: "PAID",
      total: 2000,
      discountAmount: 0,
    });
    // Not paid yet: it holds a use of the code but has sold nothing.
    await pending.order.checkout({
      eventId: event.id,
      idempotencyKey: "by-code-5",
      discountCode: "QUARTER",
    });
    // The organizer-wide code on another of the organizer's events counts there, not here.
    const other = await makeEvent(db, {
      organizerId: organizer.id,
      venueId: event.venueId,
      price: 1000,
    });
    const otherSeats = await db.eventSeat.findMany({ where: { eventId: other.id }, take: 1 });
    const elsewhere = callerFor(db, await makeUser(db));
    await elsewhere.reservation.hold({
      eventId: other.id,
      seatIds: otherSeats.map((seat) => seat.id),
    });
    await payWithCode(elsewhere, other.id, "by-code-elsewhere", "TAKE300");

    const sales = await callerFor(db, organizer).organizer.sales({ eventId: event.id });
    expect(sales.byCode).toEqual([
      {
        code: "QUARTER",
        orders: 2,
        cancelledOrders: 1,
        ticketsSold: 2,
        gross: 4000,
        discount: 1000,
        charged: 3000,
        refunds: 1200,
        net: 1800,
      },
      {
        code: "TAKE300",
        orders: 1,
        cancelledOrders: 0,
        ticketsSold: 2,
        gross: 2000,
        discount: 300,
        charged: 1700,
        refunds: 0,
        net: 1700,
      },
    ]);
    // The codes' discounts are the event's; their money is part of its revenue and refunds.
    expect(sales.totals).toMatchObject({ revenue: 6700, refunds: 1200, discounts: 1300 });

    // The attendee CSV names each line's code and what it took off the order.
    const csv = await callerFor(db, organizer).organizer.attendeesCsv({ eventId: event.id });
    const lines = csv.csv.split("\r\n").map((line) => line.split(","));
    const header = lines[0] ?? [];
    const column = (name: string) => lines.slice(1, -1).map((line) => line[header.indexOf(name)]);
    expect(column("discount_code").sort()).toEqual([
      "",
      "",
      "QUARTER",
      "QUARTER",
      "TAKE300",
      "TAKE300",
    ]);
    expect(column("order_discount").sort()).toEqual(["0", "0", "300", "300", "500", "500"]);

    // Analytics count each code's live tickets (the cancelled QUARTER order's are gone).
    const analytics = await callerFor(db, organizer).organizer.analytics({ eventId: event.id });
    expect(analytics.byCode).toEqual([
      { code: "QUARTER", orders: 1, sold: 2, checkedIn: 0 },
      { code: "TAKE300", orders: 1, sold: 2, checkedIn: 0 },
    ]);

    // The attendee list names each order's code, and shows the orders of one code.
    const attendees = callerFor(db, organizer).organizer.attendees;
    const listed = await attendees({ eventId: event.id });
    expect(listed.items.map((item) => item.discountCode ?? "(none)").sort()).toEqual([
      "(none)",
      "QUARTER",
      "TAKE300",
    ]);
    const quarterCode = await db.discountCode.findFirstOrThrow({
      where: { code: "QUARTER", organizerId: organizer.id },
    });
    const withQuarter = await attendees({ eventId: event.id, discountCodeId: quarterCode.id });
    expect(withQuarter.items.map((item) => item.discountCode)).toEqual(["QUARTER"]);
    expect(withQuarter.total).toBe(1);
    // Typed into the search, in any case, as among more codes than the filter's list shows.
    const searched = await attendees({ eventId: event.id, q: "take3" });
    expect(searched.items.map((item) => item.discountCode)).toEqual(["TAKE300"]);

    const admin = callerFor(db, await makeUser(db, { role: "ADMIN" })).organizer;
    expect((await admin.sales({ eventId: event.id })).byCode).toEqual(sales.byCode);
    const stranger = callerFor(db, (await eventOnSale(db)).organizer).organizer;
    expect((await failure(stranger.sales({ eventId: event.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.attendeesCsv({ eventId: event.id }))).code).toBe("NOT_FOUND");
  });
});
