// How OpenTicket takes and returns money. A provider is called outside any database transaction
// and must be idempotent by key: the same key returns the same charge or refund, never a second.
import { createHash } from "node:crypto";

export type ChargeRequest = {
  idempotencyKey: string;
  amount: number;
  currency: string;
  /** What the buyer entered in the payment form; providers read what they need. */
  method: { cardNumber?: string };
};

export type ChargeResult = { ok: true; reference: string } | { ok: false; reason: string };

export type RefundRequest = {
  idempotencyKey: string;
  chargeReference: string;
  amount: number;
  currency: string;
};

export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<{ reference: string }>;
}

/** Card numbers the demo provider declines, as payment sandboxes do. */
export const DEMO_DECLINED_CARD = "4000000000000002";

/**
 * The built-in demo provider: approves every charge except the declined test card, and derives
 * references from the idempotency key, so a repeated call returns the same reference.
 */
export const demoPaymentProvider: PaymentProvider = {
  name: "demo",
  async charge(request) {
    const card = (request.method.cardNumber ?? "").replace(/\D/g, "");
    if (card === DEMO_DECLINED_CARD) return { ok: false, reason: "The card was declined." };
    return { ok: true, reference: `demo_ch_${digest(request.idempotencyKey)}` };
  },
  async refund(request) {
    return { reference: `demo_re_${digest(request.idempotencyKey)}` };
  },
};

function digest(key: string) {
  return createHash("sha256").update(key).digest("base64url").slice(0, 24);
}
