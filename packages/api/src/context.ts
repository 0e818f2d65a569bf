// What every procedure receives: the database, the signed-in user (or null), the clock, the
// payment provider, the live seat-change feed and settings. The web app builds it from its
// next-auth session; other apps build it however they authenticate.

import { randomBytes } from "node:crypto";
import type { Db } from "@openticket/db";
import { MAX_SEATS_PER_ORDER } from "./input.ts";
import type { JobQueue } from "./jobs/job-queue.ts";
import type { RateLimits } from "./rate-limits/rate-limits.ts";
import type { SessionUser } from "./services/auth/session-user.ts";
import { inProcessDemoProvider } from "./services/payments/in-process-demo.ts";
import type { PaymentProvider } from "./services/payments/payment-provider.ts";
import type { SeatChangeFeed } from "./services/seat-changes/feed.ts";
import { postgresQueue, type WaitingRoomQueue } from "./services/waiting-room/queue.ts";

export type Settings = {
  /** How long seats stay held before they return to sale. */
  holdDurationMs: number;
  /** How long a buyer has to pay once checkout has sent them to the payment provider. */
  paymentWindowMs: number;
  /** How much longer the seats of a payment in flight stay held, for a late confirmation. */
  paymentGraceMs: number;
  /** Where buyers reach this OpenTicket: payment providers send them back here. */
  publicUrl: string;
  /**
   * Seats one buyer may hold at once across all events (anti-hoarding, OWASP OAT-021). At least
   * the largest order an organizer may allow (MAX_SEATS_PER_ORDER), so one full order always fits.
   */
  maxHeldSeatsPerUser: number;
  /** Where mail is sent (smtp://user:pass@host:port, smtps://…); null: the local mailbox. */
  smtpUrl: string | null;
  /** The From of every message, e.g. `OpenTicket <no-reply@example.com>`. */
  mailFrom: string;
  /**
   * Signs waiting-room admission passes (docs/waiting-room.md). Every instance of one site needs
   * the same one; the default, random per process, only suits a single process.
   */
  admissionSecret: string;
  /** How long an admission pass is good for; the buyer's open page renews it. */
  admissionPassMs: number;
};

export const defaultSettings: Settings = {
  holdDurationMs: 10 * 60_000,
  paymentWindowMs: 15 * 60_000,
  paymentGraceMs: 5 * 60_000,
  publicUrl: "http://localhost:3000",
  maxHeldSeatsPerUser: MAX_SEATS_PER_ORDER,
  smtpUrl: null,
  mailFrom: "OpenTicket <no-reply@localhost>",
  admissionSecret: randomBytes(32).toString("hex"),
  admissionPassMs: 5 * 60_000,
};

export type Context = {
  db: Db;
  /** Already checked against the user row (see resolveSessionUser). */
  user: SessionUser | null;
  /** The application clock; tests move it. The web app reads the database's (DatabaseClock). */
  now: () => Date;
  payments: PaymentProvider;
  /** Where background work is queued; null → it is done during the request. */
  jobs: JobQueue | null;
  /** Null where no live updates are wired (e.g. in-process callers). */
  seatChanges: SeatChangeFeed | null;
  settings: Settings;
  /** The caller's IP address as the app determined it; null for in-process callers. */
  ip: string | null;
  /**
   * Request-rate limits (rate-limits/). A server facing the network passes them (the web app:
   * rateLimitsFor); null, the default, is for in-process callers: the app's own scripts and tests.
   */
  rateLimits: RateLimits | null;
  /** Where waiting rooms keep their lines: Redis or PostgreSQL (services/waiting-room/queue.ts). */
  waitingRoom: WaitingRoomQueue;
};

/**
 * Who calls a service, and when: the last argument of every service that acts for someone.
 * A procedure passes its own context (it has these fields); scripts and tests build one:
 * `{ user, now: () => new Date() }`. A service that needs more of the context asks for exactly
 * that too, e.g. `Caller & Pick<Context, "payments">`.
 */
export type Caller = {
  user: SessionUser;
  /** Read once at the start of a call; again only after waiting on something (a payment). */
  now: () => Date;
};

/** The caller of a public procedure: maybe signed out. */
export type Visitor = Omit<Caller, "user"> & { user: SessionUser | null };

export function createContext(options: {
  db: Db;
  user: SessionUser | null;
  now?: () => Date;
  payments?: PaymentProvider;
  seatChanges?: SeatChangeFeed | null;
  jobs?: JobQueue | null;
  settings?: Partial<Settings>;
  ip?: string | null;
  rateLimits?: RateLimits | null;
  waitingRoom?: WaitingRoomQueue;
}): Context {
  return {
    db: options.db,
    user: options.user,
    now: options.now ?? (() => new Date()),
    payments: options.payments ?? inProcessDemoProvider(options.db),
    seatChanges: options.seatChanges ?? null,
    jobs: options.jobs ?? null,
    settings: { ...defaultSettings, ...options.settings },
    ip: options.ip ?? null,
    rateLimits: options.rateLimits ?? null,
    waitingRoom: options.waitingRoom ?? postgresQueue(options.db),
  };
}
