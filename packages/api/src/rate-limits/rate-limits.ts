// Every request-rate limit of the api, built on one counter store (limiter-store.ts). Procedures
// name the limit they fall under in their meta (`rateLimit`); the middleware in trpc.ts spends
// from it (procedure-limits.ts). Sign-in, which next-auth runs outside tRPC, uses `signIn`.

import type { LimiterStore } from "./limiter-store.ts";
import { defaultLimitConfig, type LimitConfig } from "./limits-config.ts";
import { LiveStreamLimit } from "./live-streams.ts";
import { SignInLockout } from "./sign-in-lockout.ts";
import { spend } from "./too-many-requests.ts";

/** What a procedure's `meta.rateLimit` may name. */
export type RateLimitName =
  /** Holds, releases and checkouts: per user. */
  | "seatWrites"
  /** Public reads: per IP address, for signed-out visitors only. */
  | "anonymousReads"
  /** New accounts: per IP address. */
  | "signUp"
  /** Live seat-map subscriptions open at once: per user, or per IP address when signed out. */
  | "liveStreams";

export class RateLimits {
  readonly signIn: SignInLockout;
  readonly liveStreams: LiveStreamLimit;
  private readonly seatWrites;
  private readonly anonymousReads;
  private readonly signUps;

  constructor(store: LimiterStore, overrides: Partial<LimitConfig> = {}) {
    const config = { ...defaultLimitConfig, ...overrides };
    this.signIn = new SignInLockout(store, config);
    this.liveStreams = new LiveStreamLimit(store, config);
    this.seatWrites = store.limiter({
      keyPrefix: "seat_writes",
      points: config.seatWritesPerUserPerMinute,
      duration: 60,
    });
    this.anonymousReads = store.limiter({
      keyPrefix: "anon_reads",
      points: config.anonymousReadsPerIpPerMinute,
      duration: 60,
    });
    this.signUps = store.limiter({
      keyPrefix: "sign_ups",
      points: config.signUpsPerIpPerHour,
      duration: 3600,
    });
  }

  spendSeatWrite(userId: string) {
    return spend(this.seatWrites, userId, "Too many seat changes in a short time. Please wait.");
  }

  spendAnonymousRead(ip: string) {
    return spend(this.anonymousReads, ip, "Too many requests. Please wait a moment.");
  }

  spendSignUp(ip: string) {
    return spend(this.signUps, ip, "Too many new accounts from your network. Try again later.");
  }
}
