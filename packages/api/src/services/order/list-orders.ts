// order.list (R2, R5): the caller's orders — paid, cancelled, awaiting payment or failed — newest
// first, a page at a time.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id, pageSize } from "../../input.ts";
import { orderMoney } from "./order-money.ts";

export const listOrdersInput = z.object({
  cursor: id.optional(),
  limit: pageSize(50, 20),
});

export async function listOrders(db: Db, input: z.output<typeof listOrdersInput>, caller: Caller) {
  const rows = await db.order.findMany({
    where: { userId: caller.user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: {
      id: true,
      status: true,
      total: true,
      currency: true,
      discountAmount: true,
      discountCode: { select: { code: true } },
      createdAt: true,
      event: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          venue: { select: { name: true, city: true, timeZone: true } },
        },
      },
      payments: { select: { kind: true, amount: true } },
      _count: { select: { tickets: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ _count, payments, discountCode, ...order }) => ({
      ...order,
      discountCode: discountCode?.code ?? null,
      ticketCount: _count.tickets,
      money: orderMoney(payments),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
