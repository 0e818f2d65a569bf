// POST /api/payments/webhook/<provider> (src/server/payment-webhook.ts). Under `pnpm start` the
// API server answers it before it reaches Next.js.
import { answerPaymentWebhook } from "~/server/payment-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ provider: string }> }) {
  return answerPaymentWebhook(request, (await context.params).provider);
}
