// How OpenTicket takes and gives back money: the contract every payment provider implements
// (the built-in demo provider, Stripe, and any Taiwan gateway such as ECPay, NewebPay or LINE
// Pay). The flow is the one real gateways use: checkout creates a hosted payment for an order
// and sends the buyer there; the provider confirms later by a signed callback (webhook) that can
// arrive late, twice or never, so OpenTicket can also ask it what became of a payment.
//
// Amounts are integers in the currency's minor unit as OpenTicket stores it (TWD in whole
// dollars: 1000 = NT$1,000); an adapter converts to its API's units. Every call is outside any
// database transaction and idempotent by key: the same key returns the same checkout or refund.

export type CheckoutRequest = {
  /** The same key returns the same checkout, never a second one. */
  idempotencyKey: string;
  /** OpenTicket's order; providers keep it as metadata and give it back in webhooks. */
  orderId: string;
  amount: number;
  currency: string;
  /** One line the buyer sees on the payment page, e.g. "2 tickets · Jazz Night". */
  description: string;
  /** Where the provider sends the buyer back, paid or not. The page there only shows a result. */
  returnUrl: string;
  /** The payment can no longer be made after this instant. */
  expiresAt: Date;
};

/** A hosted payment: the provider's reference for it, and where to send the buyer. */
export type CheckoutSession = { reference: string; redirectUrl: string };

/** What became of a checkout, as the provider reports it. */
export type CheckoutState =
  | { status: "open" }
  /** `amount` is what the provider actually took; `chargeReference` is what a refund names. */
  | { status: "paid"; amount: number; chargeReference: string }
  | { status: "failed"; reason: string }
  | { status: "expired" };

export type RefundRequest = {
  /** The same key returns the same refund, never a second one. */
  idempotencyKey: string;
  chargeReference: string;
  amount: number;
  currency: string;
};

/** `amount` is what the provider actually gave back. */
export type RefundResult = { reference: string; amount: number };

/** What a verified webhook says about one checkout. */
export type PaymentEvent = {
  reference: string;
  /** The order id given at checkout, when the provider sends it back. */
  orderId: string | null;
  state: CheckoutState;
};

export interface PaymentProvider {
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  getCheckout(reference: string): Promise<CheckoutState>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /**
   * Checks a webhook's signature and reads it. Throws WebhookRejected when it is unsigned,
   * forged or stale; returns null for a genuine event that is not about a checkout.
   */
  parseWebhook(payload: string, headers: Headers): Promise<PaymentEvent | null>;
}

/** The provider could not be reached or failed on its side: retry later, nothing is lost. */
export class PaymentProviderUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PaymentProviderUnavailable";
  }
}

// Recognised by name, not instanceof: a bundler may load this module twice (the web app's
// instrumentation and its routes are separate bundles), giving two copies of each class.

export function isProviderUnavailable(error: unknown): boolean {
  return error instanceof Error && error.name === "PaymentProviderUnavailable";
}

export function isWebhookRejected(error: unknown): boolean {
  return error instanceof Error && error.name === "WebhookRejected";
}

/** A webhook that is not provably from the provider: answer 400 and change nothing. */
export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookRejected";
  }
}
