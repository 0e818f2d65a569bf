// Whether a database error is a unique violation, whichever way Prisma reports it: P2002 from
// the query builder, or P2010 wrapping SQLSTATE 23505 from raw SQL (which the hot path uses to
// write several rows in one statement).
import { uniqueViolationFields } from "../../errors.ts";

export function isUniqueViolation(error: unknown): boolean {
  if (uniqueViolationFields(error)) return true;
  const cause = (
    error as {
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
    }
  )?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
}
