// The SQL audit after a run, straight on the database: the api package's own invariants query
// (services/payments/audit-invariants.sql: every PAID order has its CHARGE and its tickets, no
// live ticket without a paid order, each SOLD seat exactly one live ticket, …) plus the two
// sale-wide counts the on-sale promises. Any row is a violation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type pg from "pg";

// The query ships inside @openticket/api, next to the client entry this app already imports.
const invariantsSql = readFileSync(
  new URL(
    "./services/payments/audit-invariants.sql",
    `file://${createRequire(import.meta.url).resolve("@openticket/api/client")}`,
  ),
  "utf8",
);

export type AuditReport = {
  violations: { problem: string; id: string }[];
  soldSeats: number;
  liveTickets: number;
  paidOrders: number;
  pendingOrders: number;
  seats: number;
};

export async function auditSale(
  client: pg.ClientBase,
  eventId: string,
  /** The app's payment grace: a PENDING order is only late after its due time plus this. */
  paymentGraceMs = 5 * 60_000,
): Promise<AuditReport> {
  const invariants = await client.query<{ problem: string; id: string }>(invariantsSql, [
    new Date().toISOString(),
    paymentGraceMs,
  ]);
  const doubles = await client.query<{ problem: string; id: string }>(
    `SELECT 'seat with two live tickets' AS problem, event_seat_id::text AS id
     FROM tickets WHERE status IN ('VALID', 'CHECKED_IN')
     GROUP BY event_seat_id HAVING count(*) > 1`,
  );
  const counts = await client.query<{
    seats: number;
    sold: number;
    live: number;
    paid: number;
    pending: number;
  }>(
    `SELECT (SELECT count(*)::int FROM event_seats WHERE event_id = $1) AS seats,
            (SELECT count(*)::int FROM event_seats WHERE event_id = $1 AND status = 'SOLD') AS sold,
            (SELECT count(*)::int FROM tickets t JOIN event_seats es ON es.id = t.event_seat_id
              WHERE es.event_id = $1 AND t.status IN ('VALID', 'CHECKED_IN')) AS live,
            (SELECT count(*)::int FROM orders WHERE event_id = $1 AND status = 'PAID') AS paid,
            (SELECT count(*)::int FROM orders WHERE event_id = $1 AND status = 'PENDING') AS pending`,
    [eventId],
  );
  const row = counts.rows[0] ?? { seats: 0, sold: 0, live: 0, paid: 0, pending: 0 };
  const violations = [...invariants.rows, ...doubles.rows];
  if (row.sold !== row.live) {
    violations.push({
      problem: `SOLD seats (${row.sold}) differ from live tickets (${row.live})`,
      id: eventId,
    });
  }
  return {
    violations,
    soldSeats: row.sold,
    liveTickets: row.live,
    paidOrders: row.paid,
    pendingOrders: row.pending,
    seats: row.seats,
  };
}

/** Transactions the database has finished (committed or rolled back), for one database. */
export async function transactionCount(client: pg.ClientBase): Promise<number> {
  // Backends report their counts at most once a second, when idle: read a fresh snapshot.
  await client.query("SELECT pg_stat_clear_snapshot()");
  const result = await client.query<{ total: string }>(
    `SELECT (xact_commit + xact_rollback)::text AS total
     FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(result.rows[0]?.total ?? 0);
}
