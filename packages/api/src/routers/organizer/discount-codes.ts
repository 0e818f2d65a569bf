// organizer.discountCodes.*: an organizer's discount codes (issue 15) — list, create, change the
// limit or window or switch off, delete while unused.
import {
  createDiscountCode,
  createDiscountCodeInput,
} from "../../services/organizer/discount-codes/create-discount-code.ts";
import {
  deleteDiscountCode,
  deleteDiscountCodeInput,
} from "../../services/organizer/discount-codes/delete-discount-code.ts";
import {
  listDiscountCodes,
  listDiscountCodesInput,
} from "../../services/organizer/discount-codes/list-discount-codes.ts";
import {
  updateDiscountCode,
  updateDiscountCodeInput,
} from "../../services/organizer/discount-codes/update-discount-code.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerDiscountCodesRouter = router({
  list: organizerProcedure
    .input(listDiscountCodesInput)
    .query(({ ctx, input }) => listDiscountCodes(ctx.db, input, ctx)),

  create: organizerProcedure
    .input(createDiscountCodeInput)
    .mutation(({ ctx, input }) => createDiscountCode(ctx.db, input, ctx)),

  update: organizerProcedure
    .input(updateDiscountCodeInput)
    .mutation(({ ctx, input }) => updateDiscountCode(ctx.db, input, ctx)),

  delete: organizerProcedure
    .input(deleteDiscountCodeInput)
    .mutation(({ ctx, input }) => deleteDiscountCode(ctx.db, input, ctx)),
});
