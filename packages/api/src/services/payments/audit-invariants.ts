// Runs audit-invariants.sql: the money and seat invariants, checked as one query after crashes,
// races and the benchmark. An empty list means every invariant holds.
import { readFileSync } from "node:fs";
import type { Db } from "@openticket/db";

// Read on first use: tests and the benchmark import this; the web app's bundle does not.
let auditSql: string | undefined;

export type InvariantViolation = { problem: string; id: string };

export function auditPaymentInvariants(
  db: Db,
  options: { now: Date; paymentGraceMs: number },
): Promise<InvariantViolation[]> {
  auditSql ??= readFileSync(new URL("./audit-invariants.sql", import.meta.url), "utf8");
  return db.$queryRawUnsafe<InvariantViolation[]>(
    auditSql,
    options.now.toISOString(),
    options.paymentGraceMs,
  );
}
