-- The money and seat invariants, as one query: every row it returns is a violation. Shared by the
-- tests (after every crash and race) and the benchmark (after its sell-out). $1 is "now";
-- $2 the payment grace in milliseconds (an order may be PENDING until its due time + grace).
SELECT 'charge without a paid or refunded order' AS problem, o.id::text AS id
FROM orders o
WHERE EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.kind = 'CHARGE')
  AND o.status <> 'PAID'
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.kind = 'REFUND')
UNION ALL
SELECT 'paid order without its charge', o.id::text
FROM orders o
WHERE o.status = 'PAID'
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.kind = 'CHARGE')
UNION ALL
SELECT 'paid order without tickets', o.id::text
FROM orders o
WHERE o.status = 'PAID' AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id)
UNION ALL
SELECT 'live ticket on an order that is not paid', t.id::text
FROM tickets t JOIN orders o ON o.id = t.order_id
WHERE t.status IN ('VALID', 'CHECKED_IN') AND o.status <> 'PAID'
UNION ALL
SELECT 'charge recorded differs from the amount charged', o.id::text
FROM orders o JOIN payments p ON p.order_id = o.id AND p.kind = 'CHARGE'
WHERE o.status = 'PAID' AND p.amount <> o.total
UNION ALL
SELECT 'refund recorded differs from the refund reported', a.order_id::text
FROM payment_attempts a
WHERE a.kind = 'REFUND' AND a.status = 'SUCCEEDED'
  AND NOT EXISTS (SELECT 1 FROM payments p
                  WHERE p.order_id = a.order_id AND p.kind = 'REFUND' AND p.amount = a.reported_amount)
UNION ALL
SELECT 'refunds above the charge', p.order_id::text
FROM payments p GROUP BY p.order_id
HAVING SUM(CASE WHEN p.kind = 'REFUND' THEN p.amount ELSE 0 END)
     > SUM(CASE WHEN p.kind = 'CHARGE' THEN p.amount ELSE 0 END)
UNION ALL
SELECT 'refund owed but not sent', a.order_id::text
FROM payment_attempts a
WHERE a.kind = 'REFUND' AND a.status <> 'SUCCEEDED'
UNION ALL
SELECT 'order left in flight past its deadline', o.id::text
FROM orders o
WHERE o.status = 'PENDING'
  AND COALESCE(o.payment_due_at, o.created_at) + make_interval(secs => $2::float8 / 1000) < $1::timestamptz
UNION ALL
SELECT 'seat sold without exactly one live ticket', es.id::text
FROM event_seats es
WHERE es.status = 'SOLD'
  AND (SELECT count(*) FROM tickets t
       WHERE t.event_seat_id = es.id AND t.status IN ('VALID', 'CHECKED_IN')) <> 1
UNION ALL
SELECT 'live ticket on a seat that is not sold', t.id::text
FROM tickets t JOIN event_seats es ON es.id = t.event_seat_id
WHERE t.status IN ('VALID', 'CHECKED_IN') AND es.status <> 'SOLD'
UNION ALL
SELECT 'hold of an order that has ended', h.id::text
FROM seat_holds h JOIN orders o ON o.id = h.order_id
WHERE o.status <> 'PENDING'
UNION ALL
SELECT 'discount code uses differ from the orders holding one', d.id::text
FROM discount_codes d
WHERE d.uses <> (SELECT count(*) FROM orders o
                 WHERE o.discount_code_id = d.id AND o.status IN ('PENDING', 'PAID', 'CANCELLED'))
UNION ALL
SELECT 'tickets of a paid order do not add up to its total', o.id::text
FROM orders o
WHERE o.status = 'PAID'
  AND o.total <> (SELECT COALESCE(sum(t.price_paid), 0) FROM tickets t WHERE t.order_id = o.id)
UNION ALL
SELECT 'ticket type counts differ from its holds and live tickets', tt.id::text
FROM ticket_types tt
WHERE tt.held <> (SELECT count(*) FROM seat_holds h WHERE h.ticket_type_id = tt.id)
   OR tt.sold <> (SELECT count(*) FROM tickets t
                  WHERE t.ticket_type_id = tt.id AND t.status <> 'CANCELLED')
UNION ALL
SELECT 'ticket type over its quota', tt.id::text
FROM ticket_types tt
WHERE tt.quota IS NOT NULL AND tt.held + tt.sold > tt.quota
