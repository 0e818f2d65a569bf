import { verifyPassword } from "@openticket/db/password";
import { useTestDatabase } from "@openticket/db/testing";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "../src/services/auth/credentials.ts";
import { resolveSessionUser } from "../src/services/auth/session-user.ts";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";

const database = useTestDatabase();
const anonymous = () => callerFor(database().db, null);

/** Signs up through the router and returns the account it made (the answer names none). */
async function signUp(input: Parameters<ReturnType<typeof anonymous>["auth"]["register"]>[0]) {
  expect(await anonymous().auth.register(input)).toEqual({ status: "CHECK_INBOX" });
  return database().db.user.findUniqueOrThrow({
    where: { username: input.username.toLowerCase() },
  });
}

const valid = {
  username: "Ada_Lovelace",
  email: "Ada@Example.COM",
  password: "analytical-engine-42",
};

describe("auth.register", () => {
  it("creates an attendee, normalising username and e-mail, storing an argon2id hash that verifies", async () => {
    const user = await signUp(valid);
    expect(user).toMatchObject({
      username: "ada_lovelace",
      email: "ada@example.com",
      role: "ATTENDEE",
    });

    const row = await database().db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).not.toContain(valid.password);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, valid.password)).toBe(true);
    expect(await verifyPassword(row.passwordHash, "analytical-engine-43")).toBe(false);
  });

  it("refuses a taken username with CONFLICT naming the field, case-insensitively", async () => {
    await anonymous().auth.register({
      username: "grace",
      email: "grace@example.com",
      password: "cobol-compiler-1959",
    });

    const sameName = await failure(
      anonymous().auth.register({
        username: "GRACE",
        email: "other@example.com",
        password: "cobol-compiler-1959",
      }),
    );
    expect(sameName.code).toBe("CONFLICT");
    expect(sameName.cause).toMatchObject({ details: { field: "username" } });
  });

  it("settles a race for one username: exactly one account, the others CONFLICT", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        anonymous().auth.register({
          username: "racer",
          email: `racer${i}@example.com`,
          password: "photo-finish-2026",
        }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === "rejected")
        expect((attempt.reason as TRPCError).code).toBe("CONFLICT");
    }
    expect(await database().db.user.count({ where: { username: "racer" } })).toBe(1);
  });

  it.each([
    ["a short password", { password: "short1" }, "password"],
    [
      "a password containing the username",
      { username: "marvin", password: "marvin-is-my-name" },
      "password",
    ],
    ["a password of one repeated character", { password: "aaaaaaaaaaaa" }, "password"],
    ["a malformed e-mail", { email: "not-an-email" }, "email"],
    ["a username with spaces", { username: "two words" }, "username"],
  ])(
    "refuses %s with BAD_REQUEST and a field error, creating nothing",
    async (_, change, field) => {
      const before = await database().db.user.count();
      const error = await failure(
        anonymous().auth.register({
          ...valid,
          username: "fresh_user",
          email: "fresh@example.com",
          ...change,
        }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeDefined();
      const flattened = (error.cause as unknown as { issues: { path: string[] }[] }).issues.map(
        (issue) => issue.path[0],
      );
      expect(flattened).toContain(field);
      expect(await database().db.user.count()).toBe(before);
    },
  );
});

describe("sign-in credentials", () => {
  it("accepts username or e-mail with the right password, and says nothing more on failure", async () => {
    await anonymous().auth.register({
      username: "linus",
      email: "linus@example.com",
      password: "penguin-kernel-91",
    });
    const { db } = database();
    expect(
      await verifyCredentials(db, { login: "linus", password: "penguin-kernel-91" }),
    ).toMatchObject({ username: "linus" });
    expect(
      await verifyCredentials(db, { login: "LINUS@example.com", password: "penguin-kernel-91" }),
    ).toMatchObject({
      username: "linus",
    });
    expect(
      await verifyCredentials(db, { login: "linus", password: "penguin-kernel-92" }),
    ).toBeNull();
    expect(
      await verifyCredentials(db, { login: "nobody", password: "penguin-kernel-91" }),
    ).toBeNull();
  });

  it("tells a suspended user with the right password that the account is suspended, and a wrong password nothing more", async () => {
    const user = await signUp({
      username: "suspendme",
      email: "s@example.com",
      password: "temporary-pass-77",
    });
    await database().db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    await expect(
      verifyCredentials(database().db, { login: "suspendme", password: "temporary-pass-77" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", details: { reason: "SUSPENDED" } });
    expect(
      await verifyCredentials(database().db, { login: "suspendme", password: "temporary-pass-78" }),
    ).toBeNull();
  });
});

describe("session revocation", () => {
  it("drops a session whose version is stale, or whose user is suspended, and reads the role from the database", async () => {
    const { db } = database();
    const user = await signUp({
      username: "revoked",
      email: "r@example.com",
      password: "revocation-test-1",
    });
    const claims = { userId: user.id, sessionVersion: 0 };
    expect(await resolveSessionUser(db, claims)).toMatchObject({ role: "ATTENDEE" });

    await db.user.update({
      where: { id: user.id },
      data: { role: "ORGANIZER", sessionVersion: { increment: 1 } },
    });
    expect(await resolveSessionUser(db, claims)).toBeNull();
    expect(await resolveSessionUser(db, { ...claims, sessionVersion: 1 })).toMatchObject({
      role: "ORGANIZER",
    });

    await db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    expect(await resolveSessionUser(db, { ...claims, sessionVersion: 1 })).toBeNull();
  });
});

describe("auth.me", () => {
  it("gives UNAUTHORIZED without a session and the profile with one", async () => {
    expect((await failure(anonymous().auth.me())).code).toBe("UNAUTHORIZED");
    const user = await signUp({
      username: "meme",
      email: "me@example.com",
      password: "who-am-i-2026",
    });
    const me = await callerFor(database().db, { ...user, sessionVersion: 0 }).auth.me();
    expect(me).toMatchObject({ username: "meme", email: "me@example.com" });
    expect(me).not.toHaveProperty("passwordHash");
  });
});
