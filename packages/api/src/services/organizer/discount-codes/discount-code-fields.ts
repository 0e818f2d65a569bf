// The fields of an organizer's discount code (issue 15), validated once for create and update,
// what the console sees of a code, and which codes an organizer may touch.
import type { Db, Prisma, Tx } from "@openticket/db";
import { AppError } from "../../../errors.ts";
import { dateTime, INT4_MAX, int, text } from "../../../input.ts";
import type { Actor } from "../ownership.ts";

export const discountCodeFields = {
  /** Kept as typed; unique per organizer whatever the case. */
  code: text(32, { min: 3 }).regex(
    /^[A-Za-z0-9_-]+$/,
    "Use letters, digits, dashes and underscores only.",
  ),
  /** Null: no limit. */
  maxUses: int(1, INT4_MAX).nullable(),
  /** Null: from now on. */
  validFrom: dateTime.nullable(),
  /** Null: no end. */
  validUntil: dateTime.nullable(),
};

/** An organizer their own codes; an admin every code (as with events). */
export function ownCodes(actor: Actor): Prisma.DiscountCodeWhereInput {
  return actor.role === "ADMIN" ? {} : { organizerId: actor.id };
}

export function windowProblem(window: { validFrom: Date | null; validUntil: Date | null }) {
  if (window.validFrom && window.validUntil && window.validFrom >= window.validUntil) {
    return new AppError("BAD_REQUEST", "A discount code must start before it ends.", {
      field: "validUntil",
    });
  }
  return null;
}

export const discountCodeSelect = {
  id: true,
  code: true,
  kind: true,
  value: true,
  currency: true,
  maxUses: true,
  uses: true,
  validFrom: true,
  validUntil: true,
  active: true,
  ticketTypeIds: true,
  tierIds: true,
  createdAt: true,
  event: { select: { id: true, title: true } },
} satisfies Prisma.DiscountCodeSelect;

/** The caller's code, locked against checkouts taking its uses until the transaction ends. */
export async function lockOwnCode(tx: Db | Tx, actor: Actor, discountCodeId: string) {
  const own = await tx.discountCode.findFirst({
    where: { id: discountCodeId, ...ownCodes(actor) },
    select: { id: true },
  });
  if (!own) throw new AppError("NOT_FOUND", "This discount code does not exist.");
  const [locked] = await tx.$queryRaw<
    { uses: number; maxUses: number | null; validFrom: Date | null; validUntil: Date | null }[]
  >`SELECT uses, max_uses AS "maxUses", valid_from AS "validFrom", valid_until AS "validUntil"
    FROM discount_codes WHERE id = ${own.id}::uuid FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", "This discount code does not exist.");
  return { id: own.id, ...locked };
}
