// Changing the account's e-mail address (issue 14): the current password is asked for; the new
// address gets a link and the account takes it only when the link is opened, verified, with
// every session signed out and the old address told; an address that belongs to another account
// is answered exactly like a free one, and its owner hears of it instead.
import { latestMailLink, mailKindsSentTo, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { memoryStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { verifyCredentials } from "../src/services/auth/credentials.ts";
import { resolveSessionUser } from "../src/services/auth/session-user.ts";
import { callerFor } from "./helpers/callers.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase();
const PUBLIC_URL = "https://tickets.example";
const anonymous = (overrides: Parameters<typeof callerFor>[2] = {}) =>
  callerFor(database().db, null, { settings: { publicUrl: PUBLIC_URL }, ...overrides });
const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";
const PASSWORD = "a-sturdy-passphrase-1";

let counter = 0;
/** A signed-up, verified account and a caller signed in as it. */
async function account(options: { locale?: "en" | "zh-TW"; rateLimits?: RateLimits } = {}) {
  const { db } = database();
  counter++;
  const username = `chg_${counter}_${Date.now().toString(36)}`;
  const email = `${username}@example.com`;
  await anonymous().auth.register({ username, email, password: PASSWORD, locale: options.locale });
  await anonymous().auth.verifyEmail({
    token: tokenOf(await latestMailLink(db, email, "verify-email")),
  });
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const api = callerFor(db, user, {
    settings: { publicUrl: PUBLIC_URL },
    rateLimits: options.rateLimits,
  });
  return { user, username, email, api };
}

describe("changing the e-mail address", () => {
  it("refuses a wrong password, changing nothing and mailing nothing", async () => {
    const { db } = database();
    const { user, api } = await account();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const refused = await failure(
      api.auth.changeEmail({ email: "new-home@example.com", password: "not-my-password-1" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(detailsOf(refused)).toMatchObject({ field: "password", reason: "WRONG_PASSWORD" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await mailKindsSentTo(db, "new-home@example.com")).toEqual([]);
    // Signed out: nobody to change.
    expect(
      (await failure(anonymous().auth.changeEmail({ email: "x@example.com", password: PASSWORD })))
        .code,
    ).toBe("UNAUTHORIZED");
  });

  it("mails a link to the new address; opening it moves the account, verified, signs every session out and tells the old address", async () => {
    const { db } = database();
    const { user, username, email, api } = await account({ locale: "zh-TW" });
    const session = { userId: user.id, sessionVersion: user.sessionVersion };
    const newEmail = `moved_${counter}@example.com`;

    expect(
      await api.auth.changeEmail({ email: newEmail.toUpperCase(), password: PASSWORD }),
    ).toEqual({ status: "CHECK_INBOX" });
    // Nothing changes until the link is opened: the account keeps its verified address.
    const pending = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(pending).toMatchObject({ email, sessionVersion: user.sessionVersion });
    expect(pending.emailVerifiedAt).not.toBeNull();
    expect(await mailKindsSentTo(db, newEmail)).toEqual(["confirm-email-change"]);
    const mail = await db.mailOutbox.findFirstOrThrow({ where: { toAddress: newEmail } });
    expect(mail).toMatchObject({ locale: "zh-TW", userId: user.id });
    const link = await latestMailLink(db, newEmail, "confirm-email-change");
    expect(link.startsWith(`${PUBLIC_URL}/verify-email?token=`)).toBe(true);

    expect(await anonymous().auth.verifyEmail({ token: tokenOf(link) })).toEqual({
      email: newEmail,
      changed: true,
    });
    const moved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).not.toBeNull();
    expect(moved.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await resolveSessionUser(db, session)).toBeNull();
    // The old address is told, in the account's language, where the account went.
    expect(await mailKindsSentTo(db, email)).toEqual(["verify-email", "email-changed"]);
    const told = await db.mailOutbox.findFirstOrThrow({
      where: { toAddress: email, kind: "email-changed" },
    });
    expect(told).toMatchObject({ locale: "zh-TW", userId: user.id });
    expect(told.payload).toMatchObject({ newEmail });
    // Sign-in now takes the new address, not the old one.
    expect(await verifyCredentials(db, { login: newEmail, password: PASSWORD })).toMatchObject({
      username,
    });
    expect(await verifyCredentials(db, { login: email, password: PASSWORD })).toBeNull();

    const again = await failure(anonymous().auth.verifyEmail({ token: tokenOf(link) }));
    expect(detailsOf(again)?.reason).toBe("TOKEN_USED");
  });

  it("voids a pending change when the password is reset, and old reset links when the address moves", async () => {
    const { db } = database();
    // Someone who knew the password asks to move the account; its owner resets the password.
    const first = await account();
    await first.api.auth.changeEmail({ email: `thief_${counter}@example.com`, password: PASSWORD });
    const stolen = await latestMailLink(db, `thief_${counter}@example.com`, "confirm-email-change");
    await anonymous().auth.requestPasswordReset({ email: first.email });
    const reset = await latestMailLink(db, first.email, "password-reset");
    await anonymous().auth.resetPassword({
      token: tokenOf(reset),
      password: "owner-took-it-back-2",
    });
    const refused = await failure(anonymous().auth.verifyEmail({ token: tokenOf(stolen) }));
    expect(detailsOf(refused)?.reason).toBe("TOKEN_USED");
    expect((await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).email).toBe(
      first.email,
    );

    // A reset link sent to the old inbox no longer works once the account has moved.
    const second = await account();
    await anonymous().auth.requestPasswordReset({ email: second.email });
    const oldInbox = await latestMailLink(db, second.email, "password-reset");
    const newEmail = `new_home_${counter}@example.com`;
    await second.api.auth.changeEmail({ email: newEmail, password: PASSWORD });
    await anonymous().auth.verifyEmail({
      token: tokenOf(await latestMailLink(db, newEmail, "confirm-email-change")),
    });
    const late = await failure(
      anonymous().auth.resetPassword({ token: tokenOf(oldInbox), password: "someone-else-pw-3" }),
    );
    expect(late.code).toBe("BAD_REQUEST");
    expect(await verifyCredentials(db, { login: newEmail, password: PASSWORD })).toMatchObject({
      username: second.username,
    });
  });

  it("answers an address of another account exactly like a free one, changes nothing, and tells that account's owner", async () => {
    const { db } = database();
    const owner = await account({ locale: "zh-TW" });
    const { user, email, api } = await account();
    const free = `free_${counter}@example.com`;
    const taken = await api.auth.changeEmail({ email: owner.email, password: PASSWORD });
    expect(taken).toEqual(await api.auth.changeEmail({ email: free, password: PASSWORD }));
    // No link went anywhere for the taken address; its owner got a notice, in their language.
    expect(await mailKindsSentTo(db, owner.email)).toEqual([
      "verify-email",
      "email-change-attempt",
    ]);
    const notice = await db.mailOutbox.findFirstOrThrow({
      where: { toAddress: owner.email, kind: "email-change-attempt" },
    });
    expect(notice).toMatchObject({ locale: "zh-TW", userId: owner.user.id });
    expect(await db.accountToken.count({ where: { email: owner.email } })).toBe(1); // sign-up's
    // The caller's account is as it was, as after asking for the free one.
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      email,
      sessionVersion: user.sessionVersion,
    });
    expect(await mailKindsSentTo(db, email)).toEqual(["verify-email"]);
  });

  it("keeps only the newest change: opening it voids the older links; a link for an address taken meanwhile changes nothing", async () => {
    const { db } = database();
    const { user, api } = await account();
    const first = `first_${counter}@example.com`;
    const second = `second_${counter}@example.com`;
    await api.auth.changeEmail({ email: first, password: PASSWORD });
    await api.auth.changeEmail({ email: second, password: PASSWORD });
    const firstLink = await latestMailLink(db, first, "confirm-email-change");
    await anonymous().auth.verifyEmail({
      token: tokenOf(await latestMailLink(db, second, "confirm-email-change")),
    });
    const voided = await failure(anonymous().auth.verifyEmail({ token: tokenOf(firstLink) }));
    expect(detailsOf(voided)?.reason).toBe("TOKEN_USED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(second);

    // Someone else signs up with an address after a link to it was sent.
    const other = await account();
    const contested = `contested_${counter}@example.com`;
    await other.api.auth.changeEmail({ email: contested, password: PASSWORD });
    const contestedLink = await latestMailLink(db, contested, "confirm-email-change");
    await anonymous().auth.register({
      username: `squatter_${counter}`,
      email: contested,
      password: PASSWORD,
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: other.user.id } });
    const refused = await failure(anonymous().auth.verifyEmail({ token: tokenOf(contestedLink) }));
    expect(refused.code).toBe("CONFLICT");
    expect(detailsOf(refused)?.reason).toBe("EMAIL_TAKEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: other.user.id } })).toEqual(before);
  });

  it("refuses the current address and addresses carrying header-injection characters", async () => {
    const { db } = database();
    const { user, email, api } = await account();
    const same = await failure(api.auth.changeEmail({ email, password: PASSWORD }));
    expect(detailsOf(same)?.reason).toBe("SAME_EMAIL");
    for (const hostile of [
      "a@example.com\r\nBcc: victim@example.com",
      "a@example.com\nX: y",
      "a\u0000@example.com",
      "a\u0085b@example.com",
    ]) {
      const refused = await failure(api.auth.changeEmail({ email: hostile, password: PASSWORD }));
      expect(refused.code).toBe("BAD_REQUEST");
    }
    expect(await db.mailOutbox.count({ where: { toAddress: { contains: "\n" } } })).toBe(0);
    expect(
      await db.accountToken.count({ where: { userId: user.id, purpose: "CHANGE_EMAIL" } }),
    ).toBe(0);
  });

  it("is rate limited per new address, taken or free alike", async () => {
    const { db } = database();
    const owner = await account();
    const rateLimits = new RateLimits(memoryStore(), { accountMailPerAddressPerHour: 2 });
    const { api } = await account({ rateLimits });
    for (const address of [`limited_${counter}@example.com`, owner.email]) {
      await api.auth.changeEmail({ email: address, password: PASSWORD });
      await api.auth.changeEmail({ email: address, password: PASSWORD });
      const refused = await failure(api.auth.changeEmail({ email: address, password: PASSWORD }));
      expect(refused.code).toBe("TOO_MANY_REQUESTS");
      expect(detailsOf(refused)?.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(await mailKindsSentTo(db, `limited_${counter}@example.com`)).toHaveLength(2);
    expect(
      (await mailKindsSentTo(db, owner.email)).filter((kind) => kind === "email-change-attempt"),
    ).toHaveLength(2);
  });
});
