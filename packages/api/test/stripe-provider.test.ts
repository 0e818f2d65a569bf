// The Stripe adapter with the real Stripe SDK and only Stripe's servers replaced: a local HTTP
// server answers with recorded API responses (test/fixtures/stripe, shaped after Stripe's API
// reference and checked against the SDK's types) and keeps every request the SDK sent, so each
// test checks what Stripe would have received as well as how its answer is read. Webhooks are
// signed with the SDK's own test helper.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type CheckoutRequest,
  PaymentProviderUnavailable,
  WebhookRejected,
} from "../src/services/payments/payment-provider.ts";
import {
  createStripeProvider,
  fromStripeAmount,
  toStripeAmount,
} from "../src/services/payments/stripe-provider.ts";
import expiredSession from "./fixtures/stripe/checkout-session-expired.json" with { type: "json" };
import openSession from "./fixtures/stripe/checkout-session-open.json" with { type: "json" };
import paidSession from "./fixtures/stripe/checkout-session-paid.json" with { type: "json" };
import apiError from "./fixtures/stripe/error-api-500.json" with { type: "json" };
import invalidRequest from "./fixtures/stripe/error-invalid-request.json" with { type: "json" };
import succeededRefund from "./fixtures/stripe/refund-succeeded.json" with { type: "json" };

const SECRET_KEY = "sk_test_openticket_local";
const WEBHOOK_SECRET = "whsec_openticket_local_test_secret";
const ORDER_ID = "6f1d2c3a-8b4e-4f7a-9c21-3e5d7a9b0c14";
const RETURN_URL = `https://tickets.example.tw/orders/${ORDER_ID}/payment`;
const PAYMENT_INTENT = paidSession.payment_intent.id;

// ---- The fake Stripe API -------------------------------------------------------------------

type Sent = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
};
type Answer = { status: number; body: unknown } | "hang up";

const sent: Sent[] = [];
let answer: (request: Sent) => Answer;
let server: Server;
let stripe: Stripe;
let provider: ReturnType<typeof createStripeProvider>;

beforeAll(async () => {
  server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(Buffer.from(chunk));
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const request: Sent = {
      method: incoming.method ?? "",
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))),
    };
    sent.push(request);
    const reply = answer(request);
    if (reply === "hang up") {
      incoming.socket.destroy();
      return;
    }
    response.writeHead(reply.status, {
      "content-type": "application/json",
      "request-id": `req_local_${sent.length}`,
    });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stripe = new Stripe(SECRET_KEY, {
    host: "127.0.0.1",
    port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  provider = createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, stripe });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  sent.length = 0;
  answer = () => ({
    status: 400,
    body: { error: { type: "invalid_request_error", message: "no answer set" } },
  });
});
afterEach(() => {
  vi.useRealTimers();
});

const ok = (body: unknown): Answer => ({ status: 200, body });

function checkoutRequest(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    idempotencyKey: `checkout:${ORDER_ID}`,
    orderId: ORDER_ID,
    amount: 1600,
    currency: "TWD",
    description: "2 tickets · Jazz Night",
    returnUrl: RETURN_URL,
    expiresAt: new Date(Date.now() + 10 * 60_000),
    ...overrides,
  };
}

/** The error a call failed with; fails the test when it succeeded. */
async function failure(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(outcome instanceof Error)) throw new Error("expected the call to fail");
  return outcome;
}

function onlyRequest(): Sent {
  expect(sent).toHaveLength(1);
  const [request] = sent;
  if (!request) throw new Error("no request reached the fake Stripe API");
  return request;
}

// ---- Money ---------------------------------------------------------------------------------

describe("amounts", () => {
  it("converts OpenTicket amounts to Stripe's units: TWD in cents, zero-decimal as they are", () => {
    expect(toStripeAmount(1600, "TWD")).toBe(160000);
    expect(toStripeAmount(1600, "twd")).toBe(160000);
    expect(toStripeAmount(5000, "JPY")).toBe(5000);
    expect(toStripeAmount(50000, "KRW")).toBe(50000);
    expect(toStripeAmount(1999, "USD")).toBe(1999);
    expect(toStripeAmount(500, "EUR")).toBe(500);
    // Unknown to OpenTicket's table (2 digits there), three-decimal at Stripe: last digit 0.
    expect(toStripeAmount(1234, "KWD")).toBe(12340);
    expect(fromStripeAmount(160000, "twd")).toBe(1600);
    expect(fromStripeAmount(5000, "jpy")).toBe(5000);
    expect(fromStripeAmount(1999, "usd")).toBe(1999);
  });

  it("gives back every whole amount it converted", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom("TWD", "JPY", "KRW", "USD", "EUR", "KWD"),
        (amount, currency) =>
          fromStripeAmount(toStripeAmount(amount, currency), currency) === amount,
      ),
    );
  });

  it("refuses an amount with no whole equivalent instead of rounding it", () => {
    expect(() => fromStripeAmount(80045, "TWD")).toThrow(RangeError);
    expect(() => toStripeAmount(10.5, "USD")).toThrow(RangeError);
  });
});

// ---- Checkout ------------------------------------------------------------------------------

describe("createCheckout", () => {
  it("creates a Checkout Session in Stripe's units, keyed by our idempotency key", async () => {
    answer = () => ok(openSession);
    const request = checkoutRequest();

    const session = await provider.createCheckout(request);

    expect(session).toEqual({ reference: openSession.id, redirectUrl: openSession.url });
    const sentRequest = onlyRequest();
    expect(sentRequest.method).toBe("POST");
    expect(sentRequest.path).toBe("/v1/checkout/sessions");
    expect(sentRequest.headers["idempotency-key"]).toBe(`checkout:${ORDER_ID}`);
    expect(sentRequest.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sentRequest.form).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "twd",
      "line_items[0][price_data][unit_amount]": "160000",
      "line_items[0][price_data][product_data][name]": "2 tickets · Jazz Night",
      success_url: `${RETURN_URL}?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: RETURN_URL,
      client_reference_id: ORDER_ID,
      "metadata[orderId]": ORDER_ID,
      "payment_intent_data[metadata][orderId]": ORDER_ID,
      "adaptive_pricing[enabled]": "false",
      // A 10-minute hold is shorter than Stripe's 30-minute minimum: 31 minutes past the hold.
      expires_at: String(Math.ceil(request.expiresAt.getTime() / 1000) + 31 * 60),
    });
  });

  it("keeps expires_at in Stripe's 30 min–24 h window, the same on a retry minutes later", async () => {
    answer = () => ok(openSession);
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-10-26T08:00:00Z");
    vi.setSystemTime(start);
    const inMinutes = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const seconds = (date: Date) => String(date.getTime() / 1000);

    const shortHold = checkoutRequest({ expiresAt: inMinutes(10) });
    await provider.createCheckout(shortHold);
    vi.setSystemTime(inMinutes(3));
    await provider.createCheckout(shortHold);
    await provider.createCheckout(checkoutRequest({ expiresAt: inMinutes(120) }));
    await provider.createCheckout(checkoutRequest({ expiresAt: inMinutes(30 * 60) }));

    expect(sent.map((request) => request.form.expires_at)).toEqual([
      seconds(inMinutes(10 + 31)),
      seconds(inMinutes(10 + 31)),
      seconds(inMinutes(120)),
      undefined, // beyond 24 hours: Stripe's default, 24 hours
    ]);
  });

  it("adds the session id to a return URL that has a query and a fragment", async () => {
    answer = () => ok(openSession);
    await provider.createCheckout(checkoutRequest({ returnUrl: `${RETURN_URL}?lang=zh-TW#pay` }));
    expect(onlyRequest().form.success_url).toBe(
      `${RETURN_URL}?lang=zh-TW&session_id={CHECKOUT_SESSION_ID}#pay`,
    );
  });
});

describe("getCheckout", () => {
  it("retrieves the session with its PaymentIntent expanded; open stays open", async () => {
    answer = () => ok(openSession);

    expect(await provider.getCheckout(openSession.id)).toEqual({ status: "open" });

    const sentRequest = onlyRequest();
    expect(sentRequest.method).toBe("GET");
    expect(sentRequest.path).toBe(`/v1/checkout/sessions/${openSession.id}`);
    expect(sentRequest.query.getAll("expand[0]")).toEqual(["payment_intent"]);
  });

  it("reads a paid session: the amount in OpenTicket's unit, the PaymentIntent to refund", async () => {
    answer = () => ok(paidSession);
    expect(await provider.getCheckout(paidSession.id)).toEqual({
      status: "paid",
      amount: 1600,
      chargeReference: PAYMENT_INTENT,
    });
  });

  it("reads an expired session as expired", async () => {
    answer = () => ok(expiredSession);
    expect(await provider.getCheckout(expiredSession.id)).toEqual({ status: "expired" });
  });

  it("tells a delayed payment still under way from one that failed", async () => {
    // Constructed from the paid recording: a completed session paid by a delayed method.
    const completedUnpaid = (status: string, message: string | null) => ({
      ...paidSession,
      payment_status: "unpaid",
      payment_intent: {
        ...paidSession.payment_intent,
        status,
        amount_received: 0,
        last_payment_error: message && { type: "invalid_request_error", message },
      },
    });
    answer = () => ok(completedUnpaid("processing", null));
    expect(await provider.getCheckout(paidSession.id)).toEqual({ status: "open" });

    answer = () => ok(completedUnpaid("requires_payment_method", "The bank declined the debit."));
    expect(await provider.getCheckout(paidSession.id)).toEqual({
      status: "failed",
      reason: "The bank declined the debit.",
    });
  });
});

// ---- Refunds -------------------------------------------------------------------------------

describe("refund", () => {
  it("refunds the PaymentIntent in Stripe's units, keyed by our idempotency key", async () => {
    answer = () => ok(succeededRefund);

    const refund = await provider.refund({
      idempotencyKey: `refund:${ORDER_ID}`,
      chargeReference: PAYMENT_INTENT,
      amount: 800,
      currency: "TWD",
    });

    expect(refund).toEqual({ reference: succeededRefund.id, amount: 800 });
    const sentRequest = onlyRequest();
    expect(sentRequest.method).toBe("POST");
    expect(sentRequest.path).toBe("/v1/refunds");
    expect(sentRequest.headers["idempotency-key"]).toBe(`refund:${ORDER_ID}`);
    expect(sentRequest.form).toEqual({ payment_intent: PAYMENT_INTENT, amount: "80000" });
  });

  it("does not report a failed or canceled refund as money given back", async () => {
    const request = {
      idempotencyKey: `refund:${ORDER_ID}`,
      chargeReference: PAYMENT_INTENT,
      amount: 800,
      currency: "TWD",
    };
    answer = () =>
      ok({ ...succeededRefund, status: "failed", failure_reason: "expired_or_canceled_card" });
    await expect(provider.refund(request)).rejects.toThrow(
      `Stripe refund ${succeededRefund.id} failed: expired_or_canceled_card`,
    );
    answer = () => ok({ ...succeededRefund, status: "canceled" });
    await expect(provider.refund(request)).rejects.toThrow("canceled");
  });
});

// ---- Stripe down or refusing ---------------------------------------------------------------

describe("when Stripe fails", () => {
  it("a 500 api_error is PaymentProviderUnavailable, with Stripe's error as the cause", async () => {
    answer = () => ({ status: 500, body: apiError });
    const error = await failure(provider.createCheckout(checkoutRequest()));
    expect(error).toBeInstanceOf(PaymentProviderUnavailable);
    expect(error.cause).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(sent).toHaveLength(1);
  });

  it("a closed connection is PaymentProviderUnavailable", async () => {
    answer = () => "hang up";
    const error = await failure(provider.getCheckout(openSession.id));
    expect(error).toBeInstanceOf(PaymentProviderUnavailable);
    expect(error.cause).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    // The SDK retries a closed connection once even with retries turned off.
    expect(sent).toHaveLength(2);
  });

  it("a 429 rate limit is PaymentProviderUnavailable", async () => {
    answer = () => ({
      status: 429,
      body: {
        error: { type: "invalid_request_error", code: "rate_limit", message: "Too many requests" },
      },
    });
    const error = await failure(
      provider.refund({
        idempotencyKey: `refund:${ORDER_ID}`,
        chargeReference: PAYMENT_INTENT,
        amount: 800,
        currency: "TWD",
      }),
    );
    expect(error).toBeInstanceOf(PaymentProviderUnavailable);
    expect(error.cause).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
  });

  it("an invalid request is rethrown as it is: a bug, not worth retrying", async () => {
    answer = () => ({ status: 404, body: invalidRequest });
    const error = await failure(provider.getCheckout("cs_test_doesnotexist"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).not.toBeInstanceOf(PaymentProviderUnavailable);
  });
});

// ---- Webhooks ------------------------------------------------------------------------------

/** A webhook session as Stripe sends it: the PaymentIntent as an id, never expanded. */
const webhookSession = { ...paidSession, payment_intent: PAYMENT_INTENT };

function eventPayload(type: string, object: unknown): string {
  return JSON.stringify({
    id: "evt_1QfC9uLkF2mQ9xYzAbCdEfGh",
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

function signed(payload: string, options: { secret?: string; timestamp?: number } = {}): Headers {
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: options.timestamp,
  });
  return new Headers({ "stripe-signature": header });
}

describe("parseWebhook", () => {
  const paid = { status: "paid", amount: 1600, chargeReference: PAYMENT_INTENT };
  const pending = { ...webhookSession, payment_status: "unpaid" };
  it.each([
    ["checkout.session.completed", webhookSession, paid],
    ["checkout.session.completed", pending, { status: "open" }],
    ["checkout.session.async_payment_succeeded", webhookSession, paid],
    [
      "checkout.session.async_payment_failed",
      pending,
      { status: "failed", reason: "the delayed payment failed" },
    ],
    ["checkout.session.expired", expiredSession, { status: "expired" }],
  ])("maps %s (%#) to its checkout state", async (type, session, state) => {
    const payload = eventPayload(type, session);
    expect(await provider.parseWebhook(payload, signed(payload))).toEqual({
      reference: session.id,
      orderId: ORDER_ID,
      state,
    });
  });

  it("takes the order from client_reference_id when metadata lacks it", async () => {
    const payload = eventPayload("checkout.session.expired", { ...expiredSession, metadata: {} });
    const event = await provider.parseWebhook(payload, signed(payload));
    expect(event?.orderId).toBe(ORDER_ID);
  });

  it("returns null for a genuine event that is not about a checkout", async () => {
    const payload = eventPayload("payment_intent.succeeded", paidSession.payment_intent);
    expect(await provider.parseWebhook(payload, signed(payload))).toBeNull();
  });

  const payload = eventPayload("checkout.session.completed", webhookSession);
  const tenMinutesAgo = () => Math.floor(Date.now() / 1000) - 600;
  it.each([
    [
      "signed with another secret",
      () => signed(payload, { secret: "whsec_someone_else" }),
      payload,
    ],
    ["tampered with after signing", () => signed(payload), payload.replace("160000", "100")],
    [
      "signed ten minutes ago (a replay)",
      () => signed(payload, { timestamp: tenMinutesAgo() }),
      payload,
    ],
    ["without a signature", () => new Headers(), payload],
  ])("rejects a webhook %s", async (_case, headers, body) => {
    await expect(provider.parseWebhook(body, headers())).rejects.toBeInstanceOf(WebhookRejected);
  });
});
