// organizer.sales `byCode` (issue 15): what each discount code did for one event. The orders
// counted are those paid with the code, cancelled since or not — as `totals.discounts` counts
// them: a paid order keeps its code's use. Per code: those orders (and how many were cancelled),
// the tickets still standing from them (VALID or CHECKED_IN, like `ticketsSold`), what their seats
// cost before the code, what the code took off, what was charged (that difference), what was
// refunded of it, and the net kept. Money as the payments say, so a refunded order still counts
// its discount but not its money. One query, summed by PostgreSQL.
import type { Db } from "@openticket/db";

type CodeRow = {
  code: string;
  orders: number;
  cancelled: number;
  tickets: number;
  gross: bigint;
  discount: bigint;
  charged: bigint;
  refunds: bigint;
};

export async function loadSalesByCode(db: Db, eventId: string) {
  const rows = await db.$queryRaw<CodeRow[]>`
    SELECT dc.code,
           count(*)::int AS orders,
           count(*) FILTER (WHERE o.status = 'CANCELLED')::int AS cancelled,
           sum(standing.tickets)::int AS tickets,
           sum(o.total + o.discount_amount)::bigint AS gross,
           sum(o.discount_amount)::bigint AS discount,
           sum(money.charged)::bigint AS charged,
           sum(money.refunds)::bigint AS refunds
    FROM orders o
    JOIN discount_codes dc ON dc.id = o.discount_code_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS tickets FROM tickets t
      WHERE t.order_id = o.id AND t.status IN ('VALID', 'CHECKED_IN')
    ) standing
    CROSS JOIN LATERAL (
      SELECT COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'CHARGE'), 0) AS charged,
             COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'REFUND'), 0) AS refunds
      FROM payments p WHERE p.order_id = o.id
    ) money
    WHERE o.event_id = ${eventId}::uuid AND o.status IN ('PAID', 'CANCELLED')
    GROUP BY dc.id
    ORDER BY count(*) DESC, dc.code`;
  return rows.map((row) => {
    const charged = Number(row.charged);
    const refunds = Number(row.refunds);
    return {
      code: row.code,
      orders: row.orders,
      cancelledOrders: row.cancelled,
      ticketsSold: row.tickets,
      /** What the seats cost before the code. */
      gross: Number(row.gross),
      discount: Number(row.discount),
      charged,
      refunds,
      net: charged - refunds,
    };
  });
}
