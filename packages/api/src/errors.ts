// One domain error type for the services, and the one place that turns errors into tRPC codes.
// Services throw AppError (or let the database refuse); procedures never build TRPCErrors.
import { isSerializationFailure, Prisma } from "@openticket/db";
import { TRPCError } from "@trpc/server";

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "PAYMENT_REQUIRED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Machine-readable details for clients, e.g. `{ field: "email" }`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Maps anything a service threw to a TRPCError; unknown errors become INTERNAL_SERVER_ERROR. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  }
  // A race lost after every retry, or a constraint the service did not anticipate: the database
  // is the last line of defence, and losing to it is a conflict, not a crash.
  if (isSerializationFailure(error) || isConstraintViolation(error)) {
    return new TRPCError({
      code: "CONFLICT",
      message: "This conflicts with a change made at the same time. Please try again.",
      cause: error,
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return new TRPCError({ code: "NOT_FOUND", message: "Not found.", cause: error });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "Something went wrong on our side.",
    cause: error,
  });
}

/** The unique constraint's fields when `error` is a unique violation, else null. */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
    return null;
  }
  const meta = error.meta as
    | {
        target?: string[] | string;
        driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } };
      }
    | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target ?? [];
  return (Array.isArray(fields) ? fields : [fields]).map((field) => field.replaceAll('"', ""));
}

/** Unique, foreign-key or check violations, from the query builder (P2002/P2003) or raw SQL. */
function isConstraintViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002" || error.code === "P2003") return true;
  const cause = (
    error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined
  )?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" && cause.originalCode.startsWith("23");
}
