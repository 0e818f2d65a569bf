// The web app's one Prisma client, created on first use (not at import: `next build` loads
// route modules without a database).
import { createDb, type Db } from "@openticket/db";
import { requireDatabaseUrl } from "~/env";

const globalForDb = globalThis as unknown as { openticketDb?: Db };

export function getDb(): Db {
  globalForDb.openticketDb ??= createDb(requireDatabaseUrl());
  return globalForDb.openticketDb;
}
