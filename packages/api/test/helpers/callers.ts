// Callers for tests: the real router, in-process, as a given user (or nobody).
import type { Db, Role } from "@openticket/db";
import { makeUser } from "@openticket/db/testing";
import { createContext } from "../../src/context.ts";
import { createCaller } from "../../src/root.ts";

type TestUser = { id: string; username: string; role: Role; sessionVersion: number };

export function callerFor(
  db: Db,
  user: TestUser | null,
  overrides: Omit<Parameters<typeof createContext>[0], "db" | "user"> = {},
) {
  return createCaller(createContext({ db, user, ...overrides }));
}

export async function callerWithRole(db: Db, role: Role) {
  const user = await makeUser(db, { role });
  return { user, caller: callerFor(db, user) };
}
