// What every procedure receives: the database and the signed-in user (or null). The web app
// builds it from its next-auth session; other apps build it however they authenticate.
import type { Db } from "@openticket/db";
import type { SessionUser } from "./services/auth/session-user.ts";

export type Context = {
  db: Db;
  /** Already checked against the user row (see resolveSessionUser). */
  user: SessionUser | null;
};

export function createContext(options: { db: Db; user: SessionUser | null }): Context {
  return { db: options.db, user: options.user };
}
