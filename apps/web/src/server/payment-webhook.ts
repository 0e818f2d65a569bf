// POST /api/payments/webhook/<provider> — the payment provider tells OpenTicket what became of a
// checkout. Server to server, so no same-origin guard: the provider's signature over the raw body
// is what is trusted, and a forged or unsigned call is answered 400 with nothing changed.
// Answered by the API server (scripts/api-server.ts) and by the Next.js route alike.
import { handlePaymentWebhook } from "@openticket/api";
import { env } from "~/env";
import { limitBody } from "~/server/body-limit";
import { getDb } from "~/server/db";
import { getPaymentProvider } from "~/server/payment-provider";

export const PAYMENT_WEBHOOK_PATH = /^\/api\/payments\/webhook\/([^/]+)$/;

export async function answerPaymentWebhook(request: Request, provider: string): Promise<Response> {
  const payments = getPaymentProvider();
  if (provider !== payments.name) {
    return Response.json({ error: "No such payment provider here." }, { status: 404 });
  }
  const limited = await limitBody(request, env.MAX_REQUEST_BYTES);
  if (limited instanceof Response) return limited;
  // The signature covers the exact bytes sent: read them as they came, before any parsing.
  const rawBody = await limited.text();
  const { status, settlement } = await handlePaymentWebhook(
    getDb(),
    payments,
    rawBody,
    request.headers,
  );
  return Response.json({ received: status === 200, settlement }, { status });
}
