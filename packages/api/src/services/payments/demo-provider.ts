// The built-in demo provider: zero setup, and shaped like a real gateway so that OpenTicket's
// order flow is the one real gateways need. Checkout gets a hosted payment page inside the app
// (/pay/demo/<reference>) where the buyer approves (at once, or after a 3-D-Secure-style
// delay), declines or cancels; the result reaches OpenTicket as a signed webhook, which may be
// late, and can be asked for at any time. Its books are the demo_payments table, which only
// this file reads — as a real gateway's books are its own.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@openticket/db";
import { logger } from "../../observability/logger.ts";
import {
  type CheckoutState,
  type PaymentEvent,
  type PaymentProvider,
  type RefundRequest,
  type RefundResult,
  WebhookRejected,
} from "./payment-provider.ts";

export const DEMO_SIGNATURE_HEADER = "x-demo-signature";
const SIGNATURE_TOLERANCE_S = 300;
/** When a failed webhook is sent again, after each failure in turn (about a minute in all). */
const DELIVERY_RETRIES_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

export type DemoProviderOptions = {
  db: Db;
  /** Signs webhooks; the web app keeps one in its secrets. */
  secret: string;
  /** Sends a signed webhook to OpenTicket (HTTP in the web app; a direct call in tests). */
  deliver: (payload: string, headers: Headers) => Promise<void>;
  now?: () => Date;
};

/** What the hosted payment page shows and does. */
export type DemoGateway = {
  getPayment(reference: string): Promise<DemoPaymentView | null>;
  /** `confirmAfterMs`: the webhook arrives that much later, as after a 3-D Secure step. */
  approve(reference: string, options?: { confirmAfterMs?: number }): Promise<DemoPaymentView>;
  decline(reference: string): Promise<DemoPaymentView>;
  cancel(reference: string): Promise<DemoPaymentView>;
};

export type DemoPaymentView = {
  reference: string;
  amount: number;
  currency: string;
  description: string;
  returnUrl: string;
  status: "OPEN" | "PAID" | "DECLINED" | "EXPIRED";
  expiresAt: Date;
};

export type DemoProvider = PaymentProvider & { demo: DemoGateway };

export function isDemoProvider(provider: PaymentProvider): provider is DemoProvider {
  return "demo" in provider;
}

export function createDemoProvider(options: DemoProviderOptions): DemoProvider {
  const { db, secret, deliver } = options;
  const now = options.now ?? (() => new Date());

  async function load(reference: string) {
    const row = await db.demoPayment.findUnique({ where: { reference } });
    if (!row) return null;
    // An open payment past its expiry is expired, whether or not anyone has looked since.
    const status = row.status === "OPEN" && row.expiresAt <= now() ? "EXPIRED" : row.status;
    return { ...row, status };
  }

  type DemoRow = NonNullable<Awaited<ReturnType<typeof load>>>;

  function view(row: DemoRow): DemoPaymentView {
    const { reference, amount, currency, description, returnUrl, status, expiresAt } = row;
    return { reference, amount, currency, description, returnUrl, status, expiresAt };
  }

  function stateOf(row: NonNullable<Awaited<ReturnType<typeof load>>>): CheckoutState {
    switch (row.status) {
      case "PAID":
        return { status: "paid", amount: row.amount, chargeReference: row.reference };
      case "DECLINED":
        return { status: "failed", reason: "The card was declined." };
      case "EXPIRED":
        return { status: "expired" };
      case "OPEN":
        return { status: "open" };
    }
  }

  /** Sends the payment's state; `known` is its row when the caller just read or wrote it. */
  async function notify(reference: string, known?: DemoRow) {
    const row = known ?? (await load(reference));
    if (!row) return;
    const event: PaymentEvent = { reference, orderId: row.orderId, state: stateOf(row) };
    const payload = JSON.stringify(event);
    await deliver(payload, new Headers({ [DEMO_SIGNATURE_HEADER]: sign(payload) }));
  }

  function sign(payload: string, at = Math.floor(now().getTime() / 1000)) {
    return `t=${at},v1=${hmac(secret, `${at}.${payload}`)}`;
  }

  /** Moves an open payment to `status`; answers what the payment is now, moved or not. */
  async function settle(reference: string, status: "PAID" | "DECLINED" | "EXPIRED") {
    const at = now();
    // One statement on the usual path: only an open, unexpired payment moves.
    const [moved] = await db.demoPayment.updateManyAndReturn({
      where: { reference, status: "OPEN", expiresAt: { gt: at } },
      data: { status, ...(status === "PAID" && { paidAt: at }) },
    });
    const after = moved ?? (await load(reference));
    if (!after) throw new Error("No such demo payment.");
    return after;
  }

  /**
   * Like a real gateway, a failed delivery is not the payer's problem: it is sent again later
   * (`DELIVERY_RETRIES_MS`; a busy server's settlement can fail for a moment), and past the
   * last try the reconciler asks for the payment's state once its deadline has passed.
   */
  function send(reference: string, afterMs = 0, known?: DemoRow, attempt = 0): Promise<void> {
    const deliverNow = () =>
      notify(reference, afterMs > 0 || attempt > 0 ? undefined : known).catch((error: unknown) => {
        const retryInMs = DELIVERY_RETRIES_MS[attempt];
        logger.error(
          { err: error, reference, attempt: attempt + 1, retryInMs: retryInMs ?? null },
          "demo payment: webhook delivery failed",
        );
        if (retryInMs !== undefined) void send(reference, retryInMs, undefined, attempt + 1);
      });
    if (afterMs > 0) {
      setTimeout(() => void deliverNow(), afterMs).unref?.();
      return Promise.resolve();
    }
    return deliverNow();
  }

  async function refund(request: RefundRequest): Promise<RefundResult> {
    const reference = `demo_re_${hmac("refund", request.idempotencyKey).slice(0, 24)}`;
    const row = await load(request.chargeReference);
    // A charge the demo has no books for (the demo data's orders, or charges from before these
    // books existed): refunded as asked, the reference derived from the key, so repeats agree.
    if (!row) return { reference, amount: request.amount };
    if (row.status !== "PAID") throw new Error("Nothing was paid to refund.");
    if (row.refundKey === request.idempotencyKey) return { reference, amount: row.refunded };
    if (row.refundKey) throw new Error("This payment was already refunded.");
    if (request.amount > row.amount) throw new Error("A refund cannot exceed the payment.");
    const done = await db.demoPayment.updateMany({
      where: { reference: row.reference, refundKey: null },
      data: { refundKey: request.idempotencyKey, refunded: request.amount },
    });
    // Zero: a concurrent call with a key of its own got there first; answer as it stands now.
    return done.count === 1 ? { reference, amount: request.amount } : refund(request);
  }

  return {
    name: "demo",

    async createCheckout(request) {
      const [created] = await db.demoPayment.createManyAndReturn({
        data: {
          reference: `demo_cs_${randomBytes(16).toString("base64url")}`,
          idempotencyKey: request.idempotencyKey,
          orderId: request.orderId,
          amount: request.amount,
          currency: request.currency,
          description: request.description,
          returnUrl: request.returnUrl,
          expiresAt: request.expiresAt,
        },
        select: { reference: true },
        skipDuplicates: true,
      });
      // Nothing created: the key was used before, and that payment is the answer.
      const row =
        created ??
        (await db.demoPayment.findUniqueOrThrow({
          where: { idempotencyKey: request.idempotencyKey },
        }));
      return { reference: row.reference, redirectUrl: `/pay/demo/${row.reference}` };
    },

    async getCheckout(reference) {
      const row = await load(reference);
      return row ? stateOf(row) : { status: "expired" };
    },

    refund,

    async parseWebhook(payload, headers) {
      const header = headers.get(DEMO_SIGNATURE_HEADER) ?? "";
      const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2)));
      const at = Number(parts.t);
      if (!parts.v1 || !Number.isInteger(at)) throw new WebhookRejected("Unsigned webhook.");
      if (Math.abs(now().getTime() / 1000 - at) > SIGNATURE_TOLERANCE_S) {
        throw new WebhookRejected("Stale webhook signature.");
      }
      const expected = Buffer.from(hmac(secret, `${at}.${payload}`), "hex");
      const given = Buffer.from(String(parts.v1), "hex");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new WebhookRejected("Bad webhook signature.");
      }
      const event = JSON.parse(payload) as PaymentEvent;
      return typeof event.reference === "string" && event.state ? event : null;
    },

    demo: {
      async getPayment(reference) {
        const row = await load(reference);
        return row ? view(row) : null;
      },
      async approve(reference, approveOptions = {}) {
        const row = await settle(reference, "PAID");
        await send(reference, approveOptions.confirmAfterMs, row);
        return view(row);
      },
      async decline(reference) {
        const row = await settle(reference, "DECLINED");
        await send(reference, 0, row);
        return view(row);
      },
      async cancel(reference) {
        const row = await settle(reference, "EXPIRED");
        await send(reference, 0, row);
        return view(row);
      },
    },
  };
}

function hmac(key: string, text: string) {
  return createHmac("sha256", key).update(text).digest("hex");
}
