// admin.users.*: search, role changes and suspension, each ending the user's sessions and each
// audited; an admin never acts on their own account.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@openticket/db/password";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "../src/services/auth/credentials.ts";
import { resolveSessionUser } from "../src/services/auth/session-user.ts";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";
import { checkoutAndPay, eventOnSale } from "./helpers/sale.ts";

const database = useTestDatabase();
const PASSWORD = "correct-horse-battery-9";

let admin: Awaited<ReturnType<typeof makeUser>>;
const adminApi = () => callerFor(database().db, admin).admin;

/** A user who can sign in with PASSWORD. */
async function person(options: Parameters<typeof makeUser>[1] = {}) {
  return makeUser(database().db, { passwordHash: await hashPassword(PASSWORD), ...options });
}

const auditOf = (entityId: string) =>
  database().db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  admin = await makeUser(database().db, { role: "ADMIN", username: "root_admin" });
});

describe("admin.users.search", () => {
  beforeAll(async () => {
    const { db } = database();
    await makeUser(db, { username: "searchable_alice", email: "alice@wonder.example" });
    await makeUser(db, { username: "searchable_bob", email: "bob@builder.example" });
    const carol = await makeUser(db, { username: "searchable_carol", role: "ORGANIZER" });
    await db.user.update({
      where: { id: carol.id },
      data: { displayName: "Carol Wonderland", suspendedAt: new Date() },
    });
  });

  const names = (result: { items: { username: string }[] }) =>
    result.items.map((item) => item.username);

  it("finds by username, e-mail or display name in any case, A to Z, without password hashes", async () => {
    const result = await adminApi().users.search({ q: "WONDER" });
    expect(names(result)).toEqual(["searchable_alice", "searchable_carol"]);
    expect(names(await adminApi().users.search({ q: "Builder" }))).toEqual(["searchable_bob"]);
    for (const item of result.items) {
      expect(item).not.toHaveProperty("passwordHash");
      expect(item).not.toHaveProperty("sessionVersion");
      expect(JSON.stringify(item)).not.toContain("not-a-real-hash");
    }
    expect(result.items[1]).toMatchObject({
      displayName: "Carol Wonderland",
      role: "ORGANIZER",
      suspendedAt: expect.any(Date),
      orderCount: 0,
      eventCount: 0,
    });
  });

  it("takes % and _ in a search literally", async () => {
    const { db } = database();
    await makeUser(db, { username: "pct_100%_off", email: "percent@deals.example" });
    await makeUser(db, { username: "pct_100x_off", email: "letter@deals.example" });
    expect(names(await adminApi().users.search({ q: "100%" }))).toEqual(["pct_100%_off"]);
    expect(names(await adminApi().users.search({ q: "0%_o" }))).toEqual(["pct_100%_off"]);
    expect(names(await adminApi().users.search({ q: "100_" }))).toEqual([]);
  });

  it("filters by role and by suspension", async () => {
    expect(names(await adminApi().users.search({ q: "searchable", role: "ORGANIZER" }))).toEqual([
      "searchable_carol",
    ]);
    expect(names(await adminApi().users.search({ q: "searchable", suspended: true }))).toEqual([
      "searchable_carol",
    ]);
    expect(names(await adminApi().users.search({ q: "searchable", suspended: false }))).toEqual([
      "searchable_alice",
      "searchable_bob",
    ]);
    expect(names(await adminApi().users.search({ role: "ADMIN" }))).toContain("root_admin");
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const first = await adminApi().users.search({ q: "searchable", limit: 2 });
    expect(names(first)).toEqual(["searchable_alice", "searchable_bob"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await adminApi().users.search({
      q: "searchable",
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(names(second)).toEqual(["searchable_carol"]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ["an unknown role", { role: "ROOT" }],
    ["a cursor that is not a uuid", { cursor: "abc" }],
    ["a limit over 100", { limit: 101 }],
    ["suspended as text", { suspended: "yes" }],
  ])("refuses %s with BAD_REQUEST", async (_, input) => {
    expect((await failure(adminApi().users.search(input as never))).code).toBe("BAD_REQUEST");
  });
});

describe("admin.users.setRole", () => {
  it("changes the role, ends the user's sessions and audits before -> after", async () => {
    const { db } = database();
    const user = await person();
    const oldSession = { userId: user.id, sessionVersion: user.sessionVersion };
    expect(await resolveSessionUser(db, oldSession)).toMatchObject({ role: "ATTENDEE" });

    const updated = await adminApi().users.setRole({ userId: user.id, role: "ORGANIZER" });
    expect(updated).toMatchObject({ id: user.id, role: "ORGANIZER" });
    expect(updated).not.toHaveProperty("passwordHash");

    expect(await resolveSessionUser(db, oldSession)).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ role: "ORGANIZER", sessionVersion: user.sessionVersion + 1 });
    // Signing in again gives a session with the new version and role.
    const signedIn = await verifyCredentials(db, { login: user.username, password: PASSWORD });
    expect(signedIn).toMatchObject({ role: "ORGANIZER", sessionVersion: row.sessionVersion });

    expect(await auditOf(user.id)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "user.role",
        entityType: "user",
        entityId: user.id,
        before: { role: "ATTENDEE" },
        after: { role: "ORGANIZER" },
      }),
    ]);

    await adminApi().users.setRole({ userId: user.id, role: "ATTENDEE" });
    await adminApi().users.setRole({ userId: user.id, role: "ADMIN" });
    const entries = await auditOf(user.id);
    expect(entries.map((entry) => [entry.before, entry.after])).toEqual([
      [{ role: "ATTENDEE" }, { role: "ORGANIZER" }],
      [{ role: "ORGANIZER" }, { role: "ATTENDEE" }],
      [{ role: "ATTENDEE" }, { role: "ADMIN" }],
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(
      user.sessionVersion + 3,
    );
  });

  it("changes nothing when the user already has that role: no session ended, no audit entry", async () => {
    const { db } = database();
    const user = await makeUser(db, { role: "ORGANIZER" });
    expect(await adminApi().users.setRole({ userId: user.id, role: "ORGANIZER" })).toMatchObject({
      role: "ORGANIZER",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(
      user.sessionVersion,
    );
    expect(await auditOf(user.id)).toEqual([]);
  });

  it("refuses an admin's own role change with FORBIDDEN, changing nothing", async () => {
    const { db } = database();
    for (const role of ["ATTENDEE", "ORGANIZER", "ADMIN"] as const) {
      const error = await failure(adminApi().users.setRole({ userId: admin.id, role }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.cause).toMatchObject({ details: { reason: "SELF" } });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "ADMIN",
      sessionVersion: admin.sessionVersion,
    });
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it("lets only one of two admins demoting each other at once succeed", async () => {
    const { db } = database();
    const [first, second] = await Promise.all([
      makeUser(db, { role: "ADMIN" }),
      makeUser(db, { role: "ADMIN" }),
    ]);
    const outcomes = await Promise.allSettled([
      callerFor(db, first).admin.users.setRole({ userId: second.id, role: "ATTENDEE" }),
      callerFor(db, second).admin.users.setRole({ userId: first.id, role: "ATTENDEE" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [(outcome.reason as TRPCError).code] : [],
    );
    expect(refused).toEqual(["FORBIDDEN"]);
    const roles = await db.user.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { role: true },
    });
    expect(roles.map((row) => row.role).sort()).toEqual(["ADMIN", "ATTENDEE"]);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const error = await failure(
      adminApi().users.setRole({ userId: randomUUID(), role: "ORGANIZER" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it.each([
    ["an unknown role", { role: "SUPERUSER" }],
    ["a missing role", { role: undefined }],
    ["a user id that is not a uuid", { userId: "alice" }],
  ])("refuses %s with BAD_REQUEST, changing nothing", async (_, change) => {
    const { db } = database();
    const user = await makeUser(db);
    const auditsBefore = await db.auditLog.count();
    const error = await failure(
      adminApi().users.setRole({ userId: user.id, role: "ORGANIZER", ...change } as never),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "ATTENDEE",
      sessionVersion: user.sessionVersion,
    });
    expect(await db.auditLog.count()).toBe(auditsBefore);
  });

  it("is for admins only", async () => {
    const { db } = database();
    const target = await makeUser(db);
    for (const role of ["ORGANIZER", "ATTENDEE"] as const) {
      const caller = callerFor(db, await makeUser(db, { role })).admin.users;
      const input = { userId: target.id, role: "ADMIN" } as const;
      expect((await failure(caller.setRole(input))).code).toBe("FORBIDDEN");
      expect((await failure(caller.search({}))).code).toBe("FORBIDDEN");
    }
    const anonymous = callerFor(db, null).admin.users;
    expect((await failure(anonymous.setRole({ userId: target.id, role: "ADMIN" }))).code).toBe(
      "UNAUTHORIZED",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("ATTENDEE");
  });
});

describe("admin.users.suspend and unsuspend", () => {
  it("locks the user out of sign-in, sessions and checkout, keeps their tickets, and lets them back", async () => {
    const { db } = database();
    const user = await person();
    const sale = await eventOnSale(db);
    let version = user.sessionVersion;
    const session = () => resolveSessionUser(db, { userId: user.id, sessionVersion: version });

    // Before: a ticket bought, and two more seats held for a second purchase.
    const buyer = callerFor(db, await session());
    await buyer.reservation.hold({ eventId: sale.event.id, seatIds: sale.seatIds.slice(0, 1) });
    const order = await checkoutAndPay(buyer, sale.event.id, "before-suspension");
    await buyer.reservation.hold({ eventId: sale.event.id, seatIds: sale.seatIds.slice(1, 3) });

    const suspended = await adminApi().users.suspend({ userId: user.id, reason: "Chargebacks" });
    expect(suspended).toMatchObject({ id: user.id, suspendedAt: expect.any(Date) });

    // The old session is gone, and so is any session at the new version: suspended users have none.
    expect(await session()).toBeNull();
    version += 1;
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(
      version,
    );
    expect(await session()).toBeNull();
    // The right password is told the account is suspended (issue 16 item 9); no session.
    await expect(
      verifyCredentials(db, { login: user.username, password: PASSWORD }),
    ).rejects.toThrow("This account is suspended.");
    // Without a session the web app calls as nobody: no checkout of the held seats.
    const refused = await failure(
      callerFor(db, await session()).order.checkout({
        eventId: sale.event.id,
        idempotencyKey: "after-suspension",
      }),
    );
    expect(refused.code).toBe("UNAUTHORIZED");

    const tickets = await db.ticket.findMany({ where: { orderId: order.id } });
    expect(tickets.map((ticket) => ticket.status)).toEqual(["VALID"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");

    const restored = await adminApi().users.unsuspend({ userId: user.id });
    expect(restored).toMatchObject({ id: user.id, suspendedAt: null });
    // Sessions from before stay dead; signing in again works and gives the newest version.
    expect(await session()).toBeNull();
    const signedIn = await verifyCredentials(db, { login: user.username, password: PASSWORD });
    expect(signedIn).toMatchObject({ id: user.id, sessionVersion: version + 1 });
    version += 1;
    expect(await session()).toMatchObject({ id: user.id, role: "ATTENDEE" });

    const entries = await auditOf(user.id);
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "user.suspend",
        entityType: "user",
        before: { suspendedAt: null },
        after: { suspendedAt: suspended.suspendedAt?.toISOString(), reason: "Chargebacks" },
      }),
      expect.objectContaining({
        actorId: admin.id,
        action: "user.unsuspend",
        before: { suspendedAt: suspended.suspendedAt?.toISOString() },
        after: { suspendedAt: null },
      }),
    ]);
  });

  it("changes nothing when suspending a suspended user or unsuspending an active one", async () => {
    const { db } = database();
    const user = await makeUser(db);
    expect(await adminApi().users.unsuspend({ userId: user.id })).toMatchObject({
      suspendedAt: null,
    });
    const first = await adminApi().users.suspend({ userId: user.id });
    const again = await adminApi().users.suspend({ userId: user.id, reason: "twice" });
    expect(again.suspendedAt).toEqual(first.suspendedAt);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(
      user.sessionVersion + 1,
    );
    expect((await auditOf(user.id)).map((entry) => entry.action)).toEqual(["user.suspend"]);
  });

  it("refuses to let an admin suspend or unsuspend themself", async () => {
    const { db } = database();
    for (const attempt of [
      () => adminApi().users.suspend({ userId: admin.id }),
      () => adminApi().users.unsuspend({ userId: admin.id }),
    ]) {
      const error = await failure(attempt());
      expect(error.code).toBe("FORBIDDEN");
      expect(error.cause).toMatchObject({ details: { reason: "SELF" } });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      suspendedAt: null,
      sessionVersion: admin.sessionVersion,
    });
  });

  it("lets an admin suspend another admin", async () => {
    const other = await makeUser(database().db, { role: "ADMIN" });
    await adminApi().users.suspend({ userId: other.id });
    expect(
      await resolveSessionUser(database().db, { userId: other.id, sessionVersion: 1 }),
    ).toBeNull();
  });

  it("refuses bad input with BAD_REQUEST and unknown users with NOT_FOUND, changing nothing", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const tooLong = "x".repeat(501);
    expect(
      (await failure(adminApi().users.suspend({ userId: user.id, reason: tooLong }))).code,
    ).toBe("BAD_REQUEST");
    expect((await failure(adminApi().users.suspend({ userId: "bob" } as never))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await failure(adminApi().users.suspend({ userId: randomUUID() }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).suspendedAt).toBeNull();
    expect(await auditOf(user.id)).toEqual([]);
  });

  it("is for admins only", async () => {
    const { db } = database();
    const target = await makeUser(db);
    for (const role of ["ORGANIZER", "ATTENDEE"] as const) {
      const caller = callerFor(db, await makeUser(db, { role })).admin.users;
      expect((await failure(caller.suspend({ userId: target.id }))).code).toBe("FORBIDDEN");
      expect((await failure(caller.unsuspend({ userId: target.id }))).code).toBe("FORBIDDEN");
    }
    expect(
      (await failure(callerFor(db, null).admin.users.suspend({ userId: target.id }))).code,
    ).toBe("UNAUTHORIZED");
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();
  });
});
