// The payment provider this app takes payments through: Stripe when it is configured, otherwise
// the built-in demo provider, whose hosted page lives at /pay/demo/<reference>. One per server
// process, so that a demo payment's delayed confirmation (3-D Secure) outlives the request.
import { createHmac } from "node:crypto";
import { createDemoProvider, createStripeProvider, type PaymentProvider } from "@openticket/api";
import { env } from "~/env";
import { getDb } from "~/server/db";

const globalForPayments = globalThis as unknown as { openticketPayments?: PaymentProvider };

export function getPaymentProvider(): PaymentProvider {
  globalForPayments.openticketPayments ??= createPaymentProvider();
  return globalForPayments.openticketPayments;
}

function createPaymentProvider(): PaymentProvider {
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) {
    return createStripeProvider({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    });
  }
  return createDemoProvider({ db: getDb(), secret: demoPaymentSecret(), deliver: postToWebhook });
}

/** DEMO_PAYMENT_SECRET, or one derived from NEXTAUTH_SECRET so that zero setup still signs. */
function demoPaymentSecret(): string {
  if (env.DEMO_PAYMENT_SECRET) return env.DEMO_PAYMENT_SECRET;
  if (!env.NEXTAUTH_SECRET) {
    throw new Error("Set DEMO_PAYMENT_SECRET or NEXTAUTH_SECRET to sign demo payment webhooks.");
  }
  return createHmac("sha256", env.NEXTAUTH_SECRET)
    .update("openticket demo payment webhooks")
    .digest("base64url");
}

/** The demo gateway calls back over real HTTP, as a real one does, to this app's webhook route. */
async function postToWebhook(payload: string, headers: Headers) {
  const signed = new Headers(headers);
  signed.set("content-type", "application/json");
  const response = await fetch(new URL("/api/payments/webhook/demo", env.publicUrl), {
    method: "POST",
    headers: signed,
    body: payload,
  });
  // A refused delivery is sent again by the demo provider for a minute, then left to the reconciler.
  if (!response.ok) throw new Error(`The webhook route answered ${response.status}.`);
}
