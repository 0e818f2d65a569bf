// organizer.discountCodes.delete: only a code no order ever used (an order that ended unpaid
// gave its use back but still names the code). A used code is switched off instead (update).
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { lockOwnCode } from "./discount-code-fields.ts";

export const deleteDiscountCodeInput = z.object({ discountCodeId: id });

export async function deleteDiscountCode(
  db: Db,
  input: z.output<typeof deleteDiscountCodeInput>,
  caller: Caller,
) {
  return runGuarded(db, async (tx) => {
    // Locked: a checkout taking a use now waits, and finds the code gone.
    const code = await lockOwnCode(tx, caller.user, input.discountCodeId);
    const orders = await tx.order.count({ where: { discountCodeId: code.id } });
    if (code.uses > 0 || orders > 0) {
      throw new AppError("CONFLICT", "Orders used this discount code; switch it off instead.", {
        reason: "DISCOUNT_IN_USE",
      });
    }
    await tx.discountCode.delete({ where: { id: code.id } });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "discountCode.delete",
      entityType: "discountCode",
      entityId: code.id,
    });
    return { discountCodeId: code.id };
  });
}
