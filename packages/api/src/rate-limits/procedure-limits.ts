// What the tRPC middleware does with a procedure's `meta.rateLimit`. Per-IP limits apply only
// when the context knows the caller's IP address (in-process callers, like scripts and tests,
// have none); per-user limits always apply when there are limits.
import type { RateLimitName, RateLimits } from "./rate-limits.ts";

type Caller = { user: { id: string } | null; ip: string | null; rateLimits: RateLimits | null };

/** Spends from the named limit before a query or mutation runs; throws TOO_MANY_REQUESTS. */
export async function spendForProcedure(name: RateLimitName, caller: Caller): Promise<void> {
  const limits = caller.rateLimits;
  if (!limits) return;
  switch (name) {
    case "seatWrites":
      if (caller.user) await limits.spendSeatWrite(caller.user.id);
      return;
    case "anonymousReads":
      if (!caller.user && caller.ip) await limits.spendAnonymousRead(caller.ip);
      return;
    case "signUp":
      if (caller.ip) await limits.spendSignUp(caller.ip);
      return;
    case "accountMail":
      if (caller.ip) await limits.spendAccountMail(caller.ip);
      return;
    case "accountLinks":
      if (caller.ip) await limits.spendAccountLink(caller.ip);
      return;
    case "waitingRoom":
      if (caller.user) await limits.spendWaitingRoomCall(caller.user.id);
      return;
    case "mailResends":
      if (caller.user) await limits.spendMailResend(caller.user.id);
      return;
    case "liveStreams":
      return; // counted for as long as the stream is open: see holdLiveStream
  }
}

/** The key a live stream counts under, or null when nothing identifies the caller. */
export function liveStreamKey(caller: Caller): string | null {
  if (caller.user) return `user:${caller.user.id}`;
  return caller.ip ? `ip:${caller.ip}` : null;
}

/**
 * Wraps a subscription's stream so that it holds a slot of the live-stream limit from its
 * start until it ends, however it ends: finished, failed, or closed by the client (return()),
 * even before its first item (where a generator's `finally` would never run).
 */
export async function holdLiveStream<T>(
  caller: Caller,
  stream: AsyncIterable<T>,
): Promise<AsyncIterable<T>> {
  const key = liveStreamKey(caller);
  if (!caller.rateLimits || !key) return stream;
  const release = await caller.rateLimits.liveStreams.acquire(key);
  let released = false;
  const end = async () => {
    if (released) return;
    released = true;
    await release();
  };
  return {
    [Symbol.asyncIterator]() {
      const inner = stream[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const item = await inner.next();
            if (item.done) await end();
            return item;
          } catch (error) {
            await end();
            throw error;
          }
        },
        async return(value?: unknown) {
          try {
            return (await inner.return?.(value)) ?? { done: true, value: undefined };
          } finally {
            await end();
          }
        },
      };
    },
  };
}
