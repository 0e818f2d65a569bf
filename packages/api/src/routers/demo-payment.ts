// demoPayment.*: the built-in demo provider's hosted payment page (/pay/demo/<reference>). The
// page plays the gateway's part, so like a real payment link it is public: the unguessable
// reference is what grants access. When another provider is configured these answer NOT_FOUND.
import { z } from "zod";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { int, text } from "../input.ts";
import { isDemoProvider } from "../services/payments/demo-provider.ts";
import { publicProcedure, router } from "../trpc.ts";

const paymentInput = z.object({ reference: text(100, { min: 8 }) });

function demoGateway(ctx: Context) {
  if (!isDemoProvider(ctx.payments)) {
    throw new AppError("NOT_FOUND", "The demo payment provider is not in use here.");
  }
  return ctx.payments.demo;
}

async function found<T>(payment: Promise<T | null>) {
  const value = await payment.catch((error: unknown) => {
    if (error instanceof Error && error.message === "No such demo payment.") return null;
    throw error;
  });
  if (!value) throw new AppError("NOT_FOUND", "This payment does not exist.");
  return value;
}

export const demoPaymentRouter = router({
  byReference: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(paymentInput)
    .query(({ ctx, input }) => found(demoGateway(ctx).getPayment(input.reference))),

  approve: publicProcedure
    .input(
      paymentInput.extend({
        /** Confirm by webhook that much later, as after a 3-D Secure step (at most 30 s). */
        confirmAfterMs: int(0, 30_000).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      found(demoGateway(ctx).approve(input.reference, { confirmAfterMs: input.confirmAfterMs })),
    ),

  decline: publicProcedure
    .input(paymentInput)
    .mutation(({ ctx, input }) => found(demoGateway(ctx).decline(input.reference))),

  cancel: publicProcedure
    .input(paymentInput)
    .mutation(({ ctx, input }) => found(demoGateway(ctx).cancel(input.reference))),
});
