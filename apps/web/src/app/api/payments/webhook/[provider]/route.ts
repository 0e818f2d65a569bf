// POST /api/payments/webhook/<provider> — the payment provider tells OpenTicket what became of a
// checkout. Server to server, so no same-origin guard: the provider's signature over the raw body
// is what is trusted, and a forged or unsigned call is answered 400 with nothing changed.
import { handlePaymentWebhook } from "@openticket/api";
import { getDb } from "~/server/db";
import { getPaymentProvider } from "~/server/payment-provider";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ provider: string }> }) {
  const { provider } = await context.params;
  const payments = getPaymentProvider();
  if (provider !== payments.name) {
    return Response.json({ error: "No such payment provider here." }, { status: 404 });
  }
  // The signature covers the exact bytes sent: read them as they came, before any parsing.
  const rawBody = await request.text();
  const { status, settlement } = await handlePaymentWebhook(
    getDb(),
    payments,
    rawBody,
    request.headers,
  );
  return Response.json({ received: status === 200, settlement }, { status });
}
