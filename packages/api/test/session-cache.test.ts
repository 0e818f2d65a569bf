// The per-process session cache (services/auth/session-cache.ts): two caches on one database
// stand for two app processes. A change committed through one (an admin suspending a user, a
// role change) must reach the other through the database, and neither may answer from the old
// row once it has heard; a cache whose LISTEN connection dropped must not answer from rows it
// can no longer watch.
import { once } from "node:events";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  SESSION_CACHE_APPLICATION_NAME,
  SessionUsers,
} from "../src/services/auth/session-cache.ts";
import { callerFor } from "./helpers/callers.ts";

const database = useTestDatabase();
let admin: Awaited<ReturnType<typeof makeUser>>;
const started: SessionUsers[] = [];

beforeAll(async () => {
  admin = await makeUser(database().db, { role: "ADMIN" });
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((cache) => cache.stop()));
});

/** One app process's cache, listening. */
async function processCache(options: { now?: () => number } = {}) {
  const { db, url } = database();
  const cache = new SessionUsers(db, { connectionString: url, ...options });
  started.push(cache);
  await cache.start();
  return cache;
}

const claimsOf = (user: { id: string; sessionVersion: number }) => ({
  userId: user.id,
  sessionVersion: user.sessionVersion,
});

/** Changes a user's row without the trigger: what a missed notification would leave. */
async function changeRoleUnannounced(userId: string, role: "ORGANIZER" | "ATTENDEE") {
  const { db } = database();
  await db.$transaction([
    db.$executeRaw`ALTER TABLE users DISABLE TRIGGER session_user_updated`,
    db.$executeRaw`UPDATE users SET role = ${role}::"Role" WHERE id = ${userId}::uuid`,
    db.$executeRaw`ALTER TABLE users ENABLE TRIGGER session_user_updated`,
  ]);
}

describe("session cache", () => {
  it("answers from memory while nothing changed (an unannounced change is not seen)", async () => {
    const user = await makeUser(database().db);
    const cache = await processCache();
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ATTENDEE");
    await changeRoleUnannounced(user.id, "ORGANIZER");
    // Proves the answer came from the cache: the database already says ORGANIZER.
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ATTENDEE");
  });

  it("a suspension committed through one process ends the session in both, once heard", async () => {
    const user = await makeUser(database().db);
    const [first, second] = [await processCache(), await processCache()];
    expect(await first.resolve(claimsOf(user))).not.toBeNull();
    expect(await second.resolve(claimsOf(user))).not.toBeNull();

    const heard = [once(first.events, "changed"), once(second.events, "changed")];
    await callerFor(database().db, admin).admin.users.suspend({ userId: user.id });
    expect((await Promise.all(heard)).map(([id]) => id)).toEqual([user.id, user.id]);

    expect(await first.resolve(claimsOf(user))).toBeNull();
    expect(await second.resolve(claimsOf(user))).toBeNull();
  });

  it("a role change reaches the other process; the old token's version is refused", async () => {
    const user = await makeUser(database().db);
    const [first, second] = [await processCache(), await processCache()];
    expect((await second.resolve(claimsOf(user)))?.role).toBe("ATTENDEE");
    const heard = once(second.events, "changed");
    await callerFor(database().db, admin).admin.users.setRole({
      userId: user.id,
      role: "ORGANIZER",
    });
    await heard;
    // setRole bumps the session version: the old token no longer passes, anywhere.
    expect(await second.resolve(claimsOf(user))).toBeNull();
    expect(await first.resolve(claimsOf(user))).toBeNull();
    const fresh = await database().db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect((await second.resolve(claimsOf(fresh)))?.role).toBe("ORGANIZER");
  });

  it("rows expire after the TTL, as a backstop for a silently dead connection", async () => {
    const user = await makeUser(database().db);
    let clock = 1_000_000;
    const cache = await processCache({ now: () => clock });
    await cache.resolve(claimsOf(user));
    await changeRoleUnannounced(user.id, "ORGANIZER");
    clock += 14_000;
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ATTENDEE");
    clock += 2_000;
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ORGANIZER");
  });

  it("a dropped LISTEN connection empties the cache and stops caching until it listens again", async () => {
    const user = await makeUser(database().db);
    const cache = await processCache();
    await cache.resolve(claimsOf(user));

    const lost = once(cache.events, "lost");
    const listening = once(cache.events, "listening");
    await database().db.$queryRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = ${SESSION_CACHE_APPLICATION_NAME} AND datname = current_database()`;
    await lost;
    // A change made while nobody listened is never announced to this process.
    await changeRoleUnannounced(user.id, "ORGANIZER");
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ORGANIZER");

    await listening;
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ORGANIZER");
    await changeRoleUnannounced(user.id, "ATTENDEE");
    // Listening again, so caching again.
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ORGANIZER");
  });

  it("without a connection string it never caches", async () => {
    const user = await makeUser(database().db);
    const cache = new SessionUsers(database().db);
    await cache.start();
    await cache.resolve(claimsOf(user));
    await changeRoleUnannounced(user.id, "ORGANIZER");
    expect((await cache.resolve(claimsOf(user)))?.role).toBe("ORGANIZER");
  });
});
