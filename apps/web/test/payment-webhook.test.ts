// POST /api/payments/webhook/<provider> through `next start`: the payment provider's callback.
// Only a correctly signed webhook is heard; anything else is refused and changes nothing.
import { createHmac } from "node:crypto";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer, TEST_DEMO_PAYMENT_SECRET } from "./app-server";
import { SessionClient } from "./session-client";

let app: AppServer;
let orderId: string;
let reference: string;
let total: number;

beforeAll(async () => {
  app = await startAppServer();
  const { db } = app.database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  const eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
  const seat = await db.eventSeat.findFirstOrThrow({ where: { eventId }, select: { id: true } });

  // A checkout in flight: the order is PENDING and the buyer is at the demo payment page.
  const buyer = new SessionClient(app.baseUrl);
  const account = {
    username: "hook_buyer",
    email: "hook@example.com",
    password: "signed-or-not-2026",
  };
  expect((await buyer.trpc("auth.register", account, { method: "POST" })).status).toBe(200);
  // Only a verified address may pay: open the link the sign-up mailed.
  const link = new URL(await app.mail.link(account.email, "verify-email"));
  const verified = await buyer.trpc(
    "auth.verifyEmail",
    { token: link.searchParams.get("token") },
    { method: "POST" },
  );
  expect(verified.status).toBe(200);
  await buyer.signIn(account.username, account.password);
  const held = await buyer.trpc(
    "reservation.hold",
    { eventId, seatIds: [seat.id] },
    { method: "POST" },
  );
  expect(held.status).toBe(200);
  const checkout = await buyer.trpc(
    "order.checkout",
    { eventId, idempotencyKey: "webhook-test-attempt-1" },
    { method: "POST" },
  );
  expect(checkout.status).toBe(200);
  const outcome = checkout.body.result?.data?.json as { orderId: string; redirectUrl: string };
  orderId = outcome.orderId;
  reference = outcome.redirectUrl.replace("/pay/demo/", "");
  total = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).total;
});
afterAll(async () => {
  await app?.stop();
});

/** Signed as the demo provider signs (demo-provider.ts): HMAC-SHA256 of "<unix time>.<body>". */
function demoSignature(payload: string, secret = TEST_DEMO_PAYMENT_SECRET) {
  const at = Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", secret).update(`${at}.${payload}`).digest("hex");
  return `t=${at},v1=${v1}`;
}

function paidEvent(forReference: string) {
  return JSON.stringify({
    reference: forReference,
    orderId,
    state: { status: "paid", amount: total, chargeReference: forReference },
  });
}

/** Server to server: no browser Origin, as a gateway calls. */
function deliver(provider: string, payload: string, signature?: string) {
  return fetch(`${app.baseUrl}/api/payments/webhook/${provider}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature && { "x-demo-signature": signature }),
    },
    body: payload,
  });
}

async function orderState() {
  const { db } = app.database;
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return {
    status: order.status,
    payments: await db.payment.count({ where: { orderId } }),
    tickets: await db.ticket.count({ where: { orderId } }),
    holds: await db.seatHold.count({ where: { orderId } }),
  };
}

describe("POST /api/payments/webhook/[provider]", () => {
  it("refuses unsigned, forged and tampered webhooks with 400, and nothing changes", async () => {
    const before = await orderState();
    expect(before).toEqual({ status: "PENDING", payments: 0, tickets: 0, holds: 1 });
    const payload = paidEvent(reference);

    const unsigned = await deliver("demo", payload);
    expect(unsigned.status).toBe(400);
    const forged = await deliver(
      "demo",
      payload,
      demoSignature(payload, "not-the-app-secret-0123"),
    );
    expect(forged.status).toBe(400);
    const tampered = await deliver(
      "demo",
      payload.replace(`"amount":${total}`, `"amount":1`),
      demoSignature(payload),
    );
    expect(tampered.status).toBe(400);
    const garbage = await deliver("demo", "not json", demoSignature("not json"));
    expect(garbage.status).toBe(400);

    expect(await orderState()).toEqual(before);
  });

  it("acknowledges a correctly signed webhook about an unknown checkout with 200", async () => {
    const payload = paidEvent("demo_cs_no-such-checkout-anywhere");
    const answer = await deliver("demo", payload, demoSignature(payload));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ settlement: "unknown-checkout" });
    expect((await orderState()).status).toBe("PENDING");
  });

  it("answers 404 for a provider that is not the configured one", async () => {
    const payload = paidEvent(reference);
    expect((await deliver("stripe", payload, demoSignature(payload))).status).toBe(404);
    expect((await deliver("no-such-gateway", payload, demoSignature(payload))).status).toBe(404);
    expect((await orderState()).status).toBe("PENDING");
  });

  it("settles the order when a correctly signed webhook says it was paid", async () => {
    const payload = paidEvent(reference);
    const answer = await deliver("demo", payload, demoSignature(payload));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ settlement: "paid" });
    expect(await orderState()).toEqual({ status: "PAID", payments: 1, tickets: 1, holds: 0 });

    // The provider resends: acknowledged again, nothing twice.
    const again = await deliver("demo", payload, demoSignature(payload));
    expect(again.status).toBe(200);
    expect(await orderState()).toEqual({ status: "PAID", payments: 1, tickets: 1, holds: 0 });
  });
});
