// Runs work in a SERIALIZABLE interactive transaction and retries it when PostgreSQL aborts it
// to keep the schedule serializable (40001) or to break a deadlock (40P01). Prisma reports those
// in several shapes — P2034, a bare DriverAdapterError, or P2010 wrapping one — so all of them
// are recognised here (see docs/performance.md).

import type { Db, Tx } from "./client.ts";
import { Prisma } from "./generated/prisma/client.ts";

export type SerializableOptions = {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** Longest wait for a connection and BEGIN. */
  maxWaitMs?: number;
  /** Longest the transaction may stay open. */
  timeoutMs?: number;
  /** Called before each retry, e.g. to count them. */
  onRetry?: (attempt: number, error: unknown) => void;
};

export function runSerializable<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options: SerializableOptions = {},
): Promise<T> {
  return runRetried(db, work, Prisma.TransactionIsolationLevel.Serializable, options);
}

/**
 * Runs work whose every write is guarded — a conditional UPDATE or DELETE whose row counts are
 * checked, or an insert a unique index decides — in a READ COMMITTED transaction: PostgreSQL
 * re-checks a guard against the newest row before writing, so such work needs no serializable
 * snapshot, and does not abort innocent neighbours through predicate locks on small, busy
 * indexes. Deadlocks are retried as in runSerializable.
 */
export function runGuarded<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options: SerializableOptions = {},
): Promise<T> {
  return runRetried(db, work, Prisma.TransactionIsolationLevel.ReadCommitted, options);
}

async function runRetried<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  isolationLevel: Prisma.TransactionIsolationLevel,
  options: SerializableOptions,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, {
        isolationLevel,
        maxWait: options.maxWaitMs ?? 5_000,
        timeout: options.timeoutMs ?? 10_000,
      });
    } catch (error) {
      if (attempt >= maxAttempts || !isSerializationFailure(error)) throw error;
      options.onRetry?.(attempt, error);
      // Full jitter, growing: 5–10 ms, 10–20 ms, … capped at 200 ms.
      const base = Math.min(200, 5 * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, base + Math.random() * base));
    }
  }
}

const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

/** True when PostgreSQL aborted the transaction for serialization or deadlock reasons. */
export function isSerializationFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (candidate.code === "P2034") return true;
  if (candidate.kind === "TransactionWriteConflict") return true;
  if (typeof candidate.originalCode === "string" && RETRYABLE_SQLSTATES.has(candidate.originalCode))
    return true;
  if (typeof candidate.code === "string" && RETRYABLE_SQLSTATES.has(candidate.code)) return true;
  return (
    isSerializationFailure(candidate.cause, depth + 1) ||
    isSerializationFailure(candidate.meta?.driverAdapterError, depth + 1)
  );
}
