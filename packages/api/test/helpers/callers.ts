// Callers for tests: the real router, in-process, as a given user (or nobody).
import type { Db, Role } from "@openticket/db";
import { makeUser } from "@openticket/db/testing";
import { createCaller } from "../../src/root.ts";

export function callerFor(
  db: Db,
  user: { id: string; username: string; role: Role; sessionVersion: number } | null,
) {
  return createCaller({ db, user });
}

export async function callerWithRole(db: Db, role: Role) {
  const user = await makeUser(db, { role });
  return { user, caller: callerFor(db, user) };
}
