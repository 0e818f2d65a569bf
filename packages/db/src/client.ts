// The Prisma client over node-postgres. Prisma 7's client is Rust-free (a WASM query compiler
// plus `pg`), so nothing is downloaded at run time.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

const pools = new WeakMap<object, pg.Pool>();

export function createDb(connectionString: string, options: { maxConnections?: number } = {}) {
  // A modest pool is faster than a large one on a small machine: Prisma's client CPU, not the
  // database, is the limit (see docs/performance.md).
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // adapter-pg sends timestamps without an offset, which PostgreSQL reads in the session's
    // time zone: pin the session to UTC so stored instants are right whatever the server's
    // TimeZone (prisma/prisma#28629). Day and month grouping names its zone explicitly.
    options: "-c TimeZone=UTC",
  });
  // Our pool, so that its use can be watched (connectionPoolOf); $disconnect still ends it.
  const adapter = new PrismaPg(pool, {
    statementNameGenerator: preparedStatementName,
    disposeExternalPool: true,
  });
  const db = new PrismaClient({ adapter });
  pools.set(db, pool);
  return db;
}

/** How busy a client's connection pool is, for metrics: connections open, idle, and waiters. */
export function connectionPoolOf(db: Db) {
  const pool = pools.get(db);
  if (!pool) return null;
  return () => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  });
}

/**
 * Raw SQL that starts with this comment is prepared once per connection and reused, which
 * saves PostgreSQL parsing and planning it on every call. Meant for the hot statements whose
 * text never changes (values travel as parameters, lists as arrays): every distinct text stays
 * prepared for the life of the connection.
 */
const PREPARED = "/* prepared */";

function preparedStatementName({ sql }: { sql: string }) {
  if (!sql.startsWith(PREPARED)) return ""; // unnamed: parsed and planned each time
  return `openticket_${createHash("sha1").update(sql).digest("hex")}`;
}

export type Db = PrismaClient;
/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
