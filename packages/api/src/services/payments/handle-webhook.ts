// A provider's webhook, as the web app's /api/payments/webhook/<provider> route hands it over:
// verified first (forged or unsigned → 400, nothing changes), then settled. A genuine webhook
// about a checkout OpenTicket does not know, or one already settled, is acknowledged (200) and
// changes nothing, so the provider stops resending it.
import type { Db } from "@openticket/db";
import { logger } from "../../observability/logger.ts";
import { isWebhookRejected, type PaymentProvider } from "./payment-provider.ts";
import { type Settlement, settleCheckout } from "./settle-checkout.ts";

export type WebhookAnswer = { status: 200 | 400; settlement: Settlement | "ignored" | "rejected" };

export async function handlePaymentWebhook(
  db: Db,
  payments: PaymentProvider,
  payload: string,
  headers: Headers,
): Promise<WebhookAnswer> {
  let event: Awaited<ReturnType<PaymentProvider["parseWebhook"]>>;
  try {
    event = await payments.parseWebhook(payload, headers);
  } catch (error) {
    if (isWebhookRejected(error) || error instanceof SyntaxError) {
      return { status: 400, settlement: "rejected" };
    }
    throw error;
  }
  if (!event) return { status: 200, settlement: "ignored" };
  const settlement = await settleCheckout(db, payments, event);
  if (settlement === "unknown-checkout") {
    logger.warn(
      { provider: payments.name, reference: event.reference },
      "payment webhook for an unknown checkout: ignored",
    );
  }
  return { status: 200, settlement };
}
