// The Prisma client over node-postgres. Prisma 7's client is Rust-free (a WASM query compiler
// plus `pg`), so nothing is downloaded at run time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export function createDb(connectionString: string, options: { maxConnections?: number } = {}) {
  // A modest pool is faster than a large one on a small machine: Prisma's client CPU, not the
  // database, is the limit (see docs/performance.md).
  const adapter = new PrismaPg({
    connectionString,
    max: options.maxConnections ?? 10,
    // adapter-pg sends timestamps without an offset, which PostgreSQL reads in the session's
    // time zone: pin the session to UTC so stored instants are right whatever the server's
    // TimeZone (prisma/prisma#28629). Day and month grouping names its zone explicitly.
    options: "-c TimeZone=UTC",
  });
  return new PrismaClient({ adapter });
}

export type Db = PrismaClient;
/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
