// The Stripe adapter: OpenTicket's payment contract (payment-provider.ts) over Stripe Checkout.
// A checkout is a hosted Checkout Session; Stripe confirms it by signed checkout.session.*
// webhooks and answers for it again by session id; a refund goes against the session's
// PaymentIntent. This file also owns the conversion between OpenTicket's amounts and Stripe's,
// and the line between Stripe failures worth retrying and those that are not.
import { minorUnitDigits } from "@openticket/db/currencies";
import Stripe from "stripe";
import {
  type CheckoutState,
  type PaymentEvent,
  type PaymentProvider,
  PaymentProviderUnavailable,
  WebhookRejected,
} from "./payment-provider.ts";

// ---- Money ---------------------------------------------------------------------------------

// Stripe's minor units (https://docs.stripe.com/currencies#minor-units): zero-decimal currencies
// as they are (500 = ¥500), three-decimal ones in thousandths, every other currency in hundredths.
// TWD is one of Stripe's special cases (https://docs.stripe.com/currencies#special-cases): the
// API counts it in cents (NT$800 = 80000) but pays it out in whole dollars only. OpenTicket's
// whole-dollar TWD always becomes a multiple of 100, and an amount Stripe reports back that is
// not one has no OpenTicket equivalent, so fromStripeAmount refuses it instead of rounding.
const STRIPE_ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const STRIPE_THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/** How many more digits Stripe's unit has than OpenTicket's for this currency. */
function digitShift(currency: string): number {
  const code = currency.toUpperCase();
  const stripeDigits = STRIPE_ZERO_DECIMAL.has(code) ? 0 : STRIPE_THREE_DECIMAL.has(code) ? 3 : 2;
  return stripeDigits - minorUnitDigits(code);
}

function rescale(amount: number, shift: number, currency: string): number {
  const scaled = shift >= 0 ? amount * 10 ** shift : amount / 10 ** -shift;
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(scaled)) {
    throw new RangeError(`${amount} (${currency}) has no exact equivalent in the other unit`);
  }
  return scaled;
}

/** An OpenTicket amount in Stripe's unit: TWD 1000 (NT$1,000) → 100000; JPY and USD unchanged. */
export function toStripeAmount(amount: number, currency: string): number {
  return rescale(amount, digitShift(currency), currency);
}

/** A Stripe amount in OpenTicket's unit; throws when it is not whole there (TWD 80045). */
export function fromStripeAmount(amount: number, currency: string): number {
  return rescale(amount, -digitShift(currency), currency);
}

// ---- Checkout Session parameters -----------------------------------------------------------

const MINUTE = 60;
const SHORTEST_SESSION = 30 * MINUTE;
const LONGEST_SESSION = 24 * 60 * MINUTE;
const SLACK = MINUTE;

/**
 * Stripe takes expires_at only 30 minutes to 24 hours after it creates the session, and
 * OpenTicket's holds are shorter (10 minutes by default). Too soon: the session closes 31 minutes
 * after the hold does, counted from the hold and not from the clock, so that a retry with the
 * same idempotency key sends the same parameters (Stripe refuses a retry whose parameters
 * differ; only a hold ending about 31 minutes ahead can still fall on either side between a
 * request and its retry). Too late: left out, which is Stripe's default of 24 hours. The minute of
 * slack covers clock skew and the request's own travel. A buyer can therefore pay shortly after
 * the hold lapsed; the order flow has to settle such a late payment.
 */
function sessionExpiresAt(expiresAt: Date, now: Date): number | undefined {
  const at = Math.ceil(expiresAt.getTime() / 1000);
  const nowSeconds = now.getTime() / 1000;
  if (at < nowSeconds + SHORTEST_SESSION + SLACK) return at + SHORTEST_SESSION + SLACK;
  if (at > nowSeconds + LONGEST_SESSION - SLACK) return undefined;
  return at;
}

/**
 * Stripe puts the session id in place of the literal {CHECKOUT_SESSION_ID} in success_url, so
 * the return page can ask what became of the payment. Joined as text: URL would percent-encode
 * the braces and Stripe would no longer recognise the placeholder.
 */
function withSessionId(returnUrl: string): string {
  const hash = returnUrl.indexOf("#");
  const base = hash < 0 ? returnUrl : returnUrl.slice(0, hash);
  const fragment = hash < 0 ? "" : returnUrl.slice(hash);
  return `${base}${base.includes("?") ? "&" : "?"}session_id={CHECKOUT_SESSION_ID}${fragment}`;
}

// ---- Reading Stripe's answers --------------------------------------------------------------

function checkoutState(session: Stripe.Checkout.Session): CheckoutState {
  const intent = session.payment_intent;
  if (session.payment_status === "paid" || session.payment_status === "no_payment_required") {
    if (session.amount_total === null || session.currency === null) {
      throw new Error(`Stripe Checkout Session ${session.id} is paid but has no amount`);
    }
    return {
      status: "paid",
      amount: fromStripeAmount(session.amount_total, session.currency),
      // no_payment_required without a PaymentIntent took no money; the session id stands in,
      // and Stripe would refuse a refund of it.
      chargeReference: (typeof intent === "string" ? intent : intent?.id) ?? session.id,
    };
  }
  if (session.status === "expired") return { status: "expired" };
  // A completed but unpaid session waits for a delayed payment method (bank debit, transfer);
  // when that payment fails, its PaymentIntent goes back to needing a payment method. Only an
  // expanded PaymentIntent tells, which is why getCheckout asks for it.
  if (
    session.status === "complete" &&
    typeof intent === "object" &&
    intent !== null &&
    (intent.status === "requires_payment_method" || intent.status === "canceled")
  ) {
    return { status: "failed", reason: intent.last_payment_error?.message ?? "payment failed" };
  }
  return { status: "open" };
}

function paymentEvent(session: Stripe.Checkout.Session, state: CheckoutState): PaymentEvent {
  return {
    reference: session.id,
    orderId: session.metadata?.orderId ?? session.client_reference_id ?? null,
    state,
  };
}

/**
 * Stripe unreachable, failing on its side (5xx, including conflicts it asks us to retry) or
 * rate limiting: nothing was decided, try again later. Card errors, invalid requests, bad keys
 * and idempotency conflicts are answers, and stay what they are.
 */
async function unlessUnavailable<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError
    ) {
      throw new PaymentProviderUnavailable(`Stripe ${what}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

// ---- The provider --------------------------------------------------------------------------

export type StripeProviderOptions = {
  secretKey: string;
  webhookSecret: string;
  /** A client of one's own; tests point one at a local server. */
  stripe?: Stripe;
};

export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  if (!options.webhookSecret.trim()) throw new Error("Stripe needs a webhook signing secret");
  // The SDK pins its API version (the one its types describe) and retries a failed network call
  // once by itself: safe, since every call that creates something carries our idempotency key.
  const stripe = options.stripe ?? new Stripe(options.secretKey);

  return {
    name: "stripe",

    async createCheckout(request) {
      const session = await unlessUnavailable("checkout", () =>
        stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: toStripeAmount(request.amount, request.currency),
                  product_data: { name: request.description },
                },
              },
            ],
            success_url: withSessionId(request.returnUrl),
            // Stripe documents {CHECKOUT_SESSION_ID} for success_url only; the return page knows
            // its order either way.
            cancel_url: request.returnUrl,
            client_reference_id: request.orderId,
            metadata: { orderId: request.orderId },
            payment_intent_data: { metadata: { orderId: request.orderId } },
            expires_at: sessionExpiresAt(request.expiresAt, new Date()),
            // The buyer pays in the event's currency, the one OpenTicket records, even where the
            // account lets Stripe show foreign buyers prices in their own.
            adaptive_pricing: { enabled: false },
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      if (!session.url) throw new Error(`Stripe Checkout Session ${session.id} has no URL`);
      return { reference: session.id, redirectUrl: session.url };
    },

    async getCheckout(reference) {
      const session = await unlessUnavailable("checkout lookup", () =>
        stripe.checkout.sessions.retrieve(reference, { expand: ["payment_intent"] }),
      );
      return checkoutState(session);
    },

    async refund(request) {
      const refund = await unlessUnavailable("refund", () =>
        stripe.refunds.create(
          {
            payment_intent: request.chargeReference,
            amount: toStripeAmount(request.amount, request.currency),
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      // pending (or requires_action) is a refund Stripe accepted and will complete; failed and
      // canceled gave nothing back and must not be recorded as a refund.
      if (refund.status === "failed" || refund.status === "canceled") {
        const reason = refund.failure_reason ? `: ${refund.failure_reason}` : "";
        throw new Error(`Stripe refund ${refund.id} ${refund.status}${reason}`);
      }
      return { reference: refund.id, amount: fromStripeAmount(refund.amount, refund.currency) };
    },

    async parseWebhook(payload, headers) {
      const signature = headers.get("stripe-signature");
      if (!signature) throw new WebhookRejected("Stripe webhook without a Stripe-Signature header");
      let event: Stripe.Event;
      try {
        // Checks the HMAC over the exact raw body and that the timestamp is at most 5 minutes
        // old (the SDK's default tolerance), which stops replays of old deliveries.
        event = stripe.webhooks.constructEvent(payload, signature, options.webhookSecret);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new WebhookRejected(`Stripe webhook rejected: ${error.message}`);
        }
        throw error;
      }
      switch (event.type) {
        case "checkout.session.completed":
        case "checkout.session.async_payment_succeeded":
        case "checkout.session.expired":
          return paymentEvent(event.data.object, checkoutState(event.data.object));
        case "checkout.session.async_payment_failed":
          // The event's session is complete and unpaid, as it also is while a payment is pending;
          // only the event type says this one failed.
          return paymentEvent(event.data.object, {
            status: "failed",
            reason: "the delayed payment failed",
          });
        default:
          return null;
      }
    },
  };
}
