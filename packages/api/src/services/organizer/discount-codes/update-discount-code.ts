// organizer.discountCodes.update: switch a code off or on, or change its usage limit or
// validity window. Its kind and value never change (orders already carry what it took off). The
// limit never goes below the uses already taken: the code's row is locked first, so no checkout
// takes a use between the check and the change (and the table's CHECK would refuse it anyway).
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import {
  discountCodeFields,
  discountCodeSelect,
  lockOwnCode,
  windowProblem,
} from "./discount-code-fields.ts";

export const updateDiscountCodeInput = z.object({
  discountCodeId: id,
  active: z.boolean().optional(),
  maxUses: discountCodeFields.maxUses.optional(),
  validFrom: discountCodeFields.validFrom.optional(),
  validUntil: discountCodeFields.validUntil.optional(),
});

export async function updateDiscountCode(
  db: Db,
  input: z.output<typeof updateDiscountCodeInput>,
  caller: Caller,
) {
  return runGuarded(db, async (tx) => {
    const code = await lockOwnCode(tx, caller.user, input.discountCodeId);
    const maxUses = input.maxUses === undefined ? code.maxUses : input.maxUses;
    if (maxUses !== null && maxUses < code.uses) {
      throw new AppError(
        "BAD_REQUEST",
        `This code was used ${code.uses} times; the limit cannot be lower.`,
        { field: "maxUses", reason: "DISCOUNT_BELOW_USES", uses: code.uses },
      );
    }
    const window = {
      validFrom: input.validFrom === undefined ? code.validFrom : input.validFrom,
      validUntil: input.validUntil === undefined ? code.validUntil : input.validUntil,
    };
    const problem = windowProblem(window);
    if (problem) throw problem;
    const updated = await tx.discountCode.update({
      where: { id: code.id },
      data: { maxUses, ...window, ...(input.active !== undefined && { active: input.active }) },
      select: discountCodeSelect,
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "discountCode.update",
      entityType: "discountCode",
      entityId: code.id,
      before: { maxUses: code.maxUses, validFrom: code.validFrom, validUntil: code.validUntil },
      after: {
        maxUses: updated.maxUses,
        validFrom: updated.validFrom,
        validUntil: updated.validUntil,
        active: updated.active,
      },
    });
    return updated;
  });
}
