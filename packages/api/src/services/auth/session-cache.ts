// The session check of every request (resolveSessionUser) without a query per request. Each app
// process keeps the user rows it checked, and forgets one as soon as the database announces a
// change to it: a trigger on `users` NOTIFYs the user's id on "session_user_changes" when their
// role, suspension, session version or username changes (migration
// 20261201000000_session_user_changes), and NOTIFY is delivered on commit, to every process.
//
// Guarantees: once a change is committed and this process has heard it, no request is answered
// from the old row. Nothing is cached unless the LISTEN connection is up; when it drops, the
// cache is emptied and stays off until it listens again (notifications sent meanwhile are
// lost). A read that raced a notification is not stored. Entries also expire after `ttlMs`: a
// backstop for a connection that is open but silently dead.
import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@openticket/db";
import pg from "pg";
import {
  judgeSession,
  readSessionUser,
  type SessionClaims,
  type SessionUser,
  type SessionUserRow,
} from "./session-user.ts";

export const SESSION_USER_CHANGES_CHANNEL = "session_user_changes";

/** Shown in pg_stat_activity, so operators (and tests) can tell the connection apart. */
export const SESSION_CACHE_APPLICATION_NAME = "openticket-session-cache";

export type SessionUsersOptions = {
  /** Where to LISTEN. Without it nothing is cached: every check reads the database. */
  connectionString?: string;
  /** How long a row may be used without hearing from the database (default 15 s). */
  ttlMs?: number;
  /** Rows kept at most; the least recently checked go first (default 20,000). */
  maxEntries?: number;
  /** This process's clock, in epoch ms (tests move it). */
  now?: () => number;
};

type Entry = { row: SessionUserRow; expiresAt: number };

export class SessionUsers {
  /**
   * "listening" once notifications arrive, "changed" (user id) for each one heard, "lost" when
   * the connection dropped: for tests and logs.
   */
  readonly events = new EventEmitter();
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every notification and connection change: older reads are not stored. */
  private generation = 0;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: SessionUsersOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 15_000;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  /** Resolves once listening (caching), or at once without a connection string. */
  start(): Promise<void> {
    if (!this.options.connectionString || this.closed) return Promise.resolve();
    if (this.client) return Promise.resolve();
    this.connecting ??= this.listen().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** resolveSessionUser, from the cache when it may be used. */
  async resolve(claims: SessionClaims | null | undefined): Promise<SessionUser | null> {
    if (!claims) return null;
    const cached = this.entries.get(claims.userId);
    if (cached && this.client && cached.expiresAt > this.now()) {
      return judgeSession(cached.row, claims);
    }
    const generation = this.generation;
    const row = await readSessionUser(this.db, claims.userId);
    // Stored only if nothing was heard while reading: the row may predate the change announced.
    if (row && this.client && generation === this.generation) this.store(row);
    return judgeSession(row, claims);
  }

  async stop() {
    this.closed = true;
    this.forgetAll();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private store(row: SessionUserRow) {
    // Re-inserted at the end: Map order is then least recently checked first.
    this.entries.delete(row.id);
    this.entries.set(row.id, { row, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  private forgetAll() {
    this.generation++;
    this.entries.clear();
  }

  /** Connects and LISTENs, retrying with a capped, jittered backoff until it does or stops. */
  private async listen() {
    for (let attempt = 0; !this.closed; attempt++) {
      const client = new pg.Client({
        connectionString: this.options.connectionString,
        application_name: SESSION_CACHE_APPLICATION_NAME,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        connectionTimeoutMillis: 10_000,
      });
      client.on("notification", (notification) => {
        if (notification.channel !== SESSION_USER_CHANGES_CHANNEL) return;
        this.generation++;
        if (notification.payload) this.entries.delete(notification.payload);
        this.events.emit("changed", notification.payload);
      });
      client.on("error", () => this.lost(client));
      client.on("end", () => this.lost(client));
      try {
        await client.connect();
        await client.query(`LISTEN ${SESSION_USER_CHANGES_CHANNEL}`);
        if (this.closed) {
          await client.end().catch(() => {});
          return;
        }
        // Anything kept from before was not watched: start clean.
        this.forgetAll();
        this.client = client;
        this.events.emit("listening");
        return;
      } catch {
        client.end().catch(() => {});
        const ceiling = Math.min(5_000, 100 * 2 ** attempt);
        await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, undefined, { ref: false });
      }
    }
  }

  /** The LISTEN connection broke: stop caching (changes may go unheard) and reconnect. */
  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.forgetAll();
    client.end().catch(() => {});
    this.events.emit("lost");
    if (!this.closed) void this.start();
  }
}
