// The one refusal every limit answers with: TOO_MANY_REQUESTS and when to come back. The web
// route turns retryAfterSeconds into HTTP 429 with a Retry-After header.
import { RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors.ts";

export function tooManyRequests(msBeforeNext: number, message: string): AppError {
  // At least one second: "retry after 0" would invite an immediate, equally refused retry.
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("TOO_MANY_REQUESTS", message, { retryAfterSeconds });
}

/** Spends `points` from `key`; a refusal becomes tooManyRequests, a store failure is rethrown. */
export async function spend(
  limiter: { consume(key: string, points?: number): Promise<RateLimiterRes> },
  key: string,
  message: string,
  points = 1,
): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw tooManyRequests(refusal.msBeforeNext, message);
    throw refusal;
  }
}
