import { cancelOrder, cancelOrderInput } from "../services/order/cancel-order.ts";
import { checkout, checkoutInput } from "../services/order/checkout.ts";
import { getOrder, getOrderInput } from "../services/order/get-order.ts";
import { listOrders, listOrdersInput } from "../services/order/list-orders.ts";
import { previewDiscount, previewDiscountInput } from "../services/order/preview-discount.ts";
import { resendTickets, resendTicketsInput } from "../services/order/resend-tickets.ts";
import { authedProcedure, router } from "../trpc.ts";

export const orderRouter = router({
  checkout: authedProcedure
    .meta({ rateLimit: "seatWrites" })
    .input(checkoutInput)
    .mutation(({ ctx, input }) => checkout(ctx.db, input, ctx)),

  previewDiscount: authedProcedure
    // Its answers tell a real code from an unknown one: limited, so codes cannot be guessed.
    .meta({ rateLimit: "seatWrites" })
    .input(previewDiscountInput)
    .query(({ ctx, input }) => previewDiscount(ctx.db, input, ctx)),

  list: authedProcedure
    .input(listOrdersInput)
    .query(({ ctx, input }) => listOrders(ctx.db, input, ctx)),

  byId: authedProcedure
    .input(getOrderInput)
    .query(({ ctx, input }) => getOrder(ctx.db, input, ctx)),

  cancel: authedProcedure
    .input(cancelOrderInput)
    .mutation(({ ctx, input }) => cancelOrder(ctx.db, input, ctx)),

  resendTickets: authedProcedure
    .meta({ rateLimit: "mailResends" })
    .input(resendTicketsInput)
    .mutation(({ ctx, input }) => resendTickets(ctx.db, input, ctx)),
});
