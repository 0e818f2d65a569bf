// Sign-in guessing: wrong passwords in a row lock a login for a while, each further lockout
// within a day twice as long (reset by a good password); an IP address that keeps guessing
// across many logins is stopped for the day. Checked before the password hash is computed, so
// a locked login costs the server nothing. Unknown logins are counted the same way, so the
// answer never tells whether an account exists.
import { createHash } from "node:crypto";
import type { LimiterStore } from "./limiter-store.ts";
import type { LimitConfig } from "./limits-config.ts";
import { tooManyRequests } from "./too-many-requests.ts";

const DAY = 24 * 3600;
const LOCKED = "Too many failed sign-ins. Please wait before trying again.";

export class SignInLockout {
  private readonly failures;
  private readonly lockouts;
  private readonly ipFailures;

  constructor(
    store: LimiterStore,
    private readonly config: LimitConfig,
  ) {
    // A failure streak is forgotten after the longest lockout, so a streak survives its lockout.
    this.failures = store.limiter({
      keyPrefix: "signin_fail",
      points: config.signInFailuresPerAccount,
      duration: config.signInMaxLockoutSeconds,
    });
    this.lockouts = store.limiter({ keyPrefix: "signin_lockouts", points: 1_000, duration: DAY });
    this.ipFailures = store.limiter({
      keyPrefix: "signin_fail_ip",
      points: config.signInFailuresPerIpPerDay,
      duration: DAY,
    });
  }

  /** Throws TOO_MANY_REQUESTS while the login or the IP address is locked. */
  async check(login: string, ip: string | null): Promise<void> {
    const streak = await this.failures.get(accountKey(login));
    if (streak && streak.consumedPoints > this.config.signInFailuresPerAccount) {
      throw tooManyRequests(streak.msBeforeNext, LOCKED);
    }
    if (!ip) return;
    const fromIp = await this.ipFailures.get(ip);
    if (fromIp && fromIp.consumedPoints >= this.config.signInFailuresPerIpPerDay) {
      throw tooManyRequests(fromIp.msBeforeNext, LOCKED);
    }
  }

  async recordFailure(login: string, ip: string | null): Promise<void> {
    const key = accountKey(login);
    const streak = await this.failures.penalty(key, 1);
    if (streak.consumedPoints >= this.config.signInFailuresPerAccount) {
      const lockouts = (await this.lockouts.penalty(key, 1)).consumedPoints;
      const seconds = Math.min(
        this.config.signInLockoutSeconds * 2 ** (lockouts - 1),
        this.config.signInMaxLockoutSeconds,
      );
      // block() marks the streak as past its limit for `seconds`, then forgets it; the next
      // full streak within a day locks for twice as long.
      await this.failures.block(key, seconds);
    }
    if (ip) await this.ipFailures.penalty(ip, 1);
  }

  async recordSuccess(login: string): Promise<void> {
    const key = accountKey(login);
    await Promise.all([this.failures.delete(key), this.lockouts.delete(key)]);
  }
}

/**
 * Logins are case-insensitive (credentials.ts lowercases them), so their counters are too.
 * Hashed: a login can be 254 characters (the PostgreSQL store keeps 255 with the prefix), and
 * the counter store need not hold e-mail addresses.
 */
function accountKey(login: string): string {
  return createHash("sha256").update(login.trim().toLowerCase()).digest("base64url");
}
