// Every request-rate limit of the api, built on one counter store (limiter-store.ts). Procedures
// name the limit they fall under in their meta (`rateLimit`); the middleware in trpc.ts spends
// from it (procedure-limits.ts). Sign-in, which next-auth runs outside tRPC, uses `signIn`.

import { createHash } from "node:crypto";
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
  | "liveStreams"
  /** Password-reset requests and verification resends: per IP address (and per address, in the service). */
  | "accountMail"
  /** Opening one-time links (reset password, verify e-mail): per IP address. */
  | "accountLinks"
  /** Messages a user asks to be sent again (their tickets): per user. */
  | "mailResends"
  /** Joining a waiting room and asking for one's place in it: per user. */
  | "waitingRoom";

export class RateLimits {
  readonly signIn: SignInLockout;
  readonly liveStreams: LiveStreamLimit;
  private readonly seatWrites;
  private readonly anonymousReads;
  private readonly signUps;
  private readonly accountMailByIp;
  private readonly accountMailByAddress;
  private readonly accountLinks;
  private readonly mailResends;
  private readonly scans;
  private readonly userScans;
  private readonly waitingRoom;

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
    this.accountMailByIp = store.limiter({
      keyPrefix: "account_mail_ip",
      points: config.accountMailPerIpPerHour,
      duration: 3600,
    });
    this.accountMailByAddress = store.limiter({
      keyPrefix: "account_mail_to",
      points: config.accountMailPerAddressPerHour,
      duration: 3600,
    });
    this.accountLinks = store.limiter({
      keyPrefix: "account_links",
      points: config.accountLinksPerIpPerHour,
      duration: 3600,
    });
    this.mailResends = store.limiter({
      keyPrefix: "mail_resends",
      points: config.mailResendsPerUserPerHour,
      duration: 3600,
    });
    this.scans = store.limiter({
      keyPrefix: "scans",
      points: config.scansPerDevicePerMinute,
      duration: 60,
    });
    this.userScans = store.limiter({
      keyPrefix: "user_scans",
      points: config.scansPerUserPerMinute,
      duration: 60,
    });
    this.waitingRoom = store.limiter({
      keyPrefix: "waiting_room",
      points: config.waitingRoomCallsPerUserPerMinute,
      duration: 60,
    });
  }

  /**
   * Per device of one user (staff at two doors of one login do not share a limit), under a
   * ceiling per user that a made-up device id per scan cannot escape.
   */
  async spendScan(userId: string, deviceId: string) {
    await spend(this.userScans, userId, "Too many scans from this account. Please wait a moment.");
    const key = createHash("sha256").update(`${userId}:${deviceId}`).digest("hex");
    return spend(this.scans, key, "Too many scans from this device. Please wait a moment.");
  }

  spendWaitingRoomCall(userId: string) {
    return spend(this.waitingRoom, userId, "Too many requests. Please wait a moment.");
  }

  spendSeatWrite(userId: string) {
    return spend(this.seatWrites, userId, "Too many seat changes in a short time. Please wait.");
  }

  spendAnonymousRead(ip: string) {
    return spend(this.anonymousReads, ip, "Too many requests. Please wait a moment.");
  }

  spendAccountMail(ip: string) {
    return spend(this.accountMailByIp, ip, "Too many requests from your network. Try again later.");
  }

  /**
   * Mail to one inbox, whether or not an account has it (so a refusal tells nothing). The key is
   * the address's hash: no addresses in the counter store.
   */
  spendAccountMailTo(address: string) {
    const key = createHash("sha256").update(address.toLowerCase()).digest("hex");
    return spend(
      this.accountMailByAddress,
      key,
      "Too many messages asked for this address. Try again later.",
    );
  }

  spendAccountLink(ip: string) {
    return spend(this.accountLinks, ip, "Too many attempts from your network. Try again later.");
  }

  spendMailResend(userId: string) {
    return spend(this.mailResends, userId, "Too many messages asked for. Try again later.");
  }

  spendSignUp(ip: string) {
    return spend(this.signUps, ip, "Too many new accounts from your network. Try again later.");
  }
}
