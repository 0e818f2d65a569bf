// What a refused call ended in: the TRPCError, its code, its typed details.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import type { AppError } from "../../src/errors.ts";

export async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The AppError details behind a refusal. */
export function detailsOf(error: TRPCError) {
  return (error.cause as AppError | undefined)?.details;
}

export async function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}
