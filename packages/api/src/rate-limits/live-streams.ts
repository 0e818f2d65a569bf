// Live seat-map streams (SSE) open at once, per user or per signed-out IP address. Each open
// stream takes a point and gives it back when it closes. The count expires an hour after the
// first stream of a burst opened, so points lost by a crashed server come back by themselves.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../errors.ts";
import type { LimiterStore } from "./limiter-store.ts";
import type { LimitConfig } from "./limits-config.ts";
import { spend } from "./too-many-requests.ts";

export class LiveStreamLimit {
  private readonly open: RateLimiterAbstract;

  constructor(store: LimiterStore, config: LimitConfig) {
    this.open = store.limiter({
      keyPrefix: "live_streams",
      points: config.liveStreamsAtOnce,
      duration: 3600,
    });
  }

  /** Takes a stream slot for `key` or throws TOO_MANY_REQUESTS; call the result on close. */
  async acquire(key: string): Promise<() => Promise<void>> {
    try {
      await spend(this.open, key, "Too many live seat maps open at once. Close some tabs.");
    } catch (refusal) {
      // A refused stream never opened, but the store counted its attempt: give it back, or
      // refusals would keep the count high after every stream has closed.
      if (refusal instanceof AppError) await this.open.reward(key, 1);
      throw refusal;
    }
    return async () => {
      // Give back only what is still counted: after the hour the count restarts at zero, and
      // a reward then would leave it negative (a free extra stream).
      const current = await this.open.get(key);
      if (current && current.consumedPoints > 0) await this.open.reward(key, 1);
    };
  }
}
