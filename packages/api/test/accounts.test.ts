// Accounts by e-mail (issue 14): password reset, e-mail verification, sign-up that does not tell
// whether an address is registered, and the rule that only a verified buyer may pay. Messages
// are read the way a person would get them — the link in the newest message to an address
// (latestMailLink), from the outbox the sender delivers.
import { verifyPassword } from "@openticket/db/password";
import { latestMailLink, mailKindsSentTo, makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { uniqueViolationFields } from "../src/errors.ts";
import { memoryStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { verifyCredentials } from "../src/services/auth/credentials.ts";
import { resolveSessionUser } from "../src/services/auth/session-user.ts";
import { callerFor } from "./helpers/callers.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";
import { checkoutAndPay, eventOnSale } from "./helpers/sale.ts";

const database = useTestDatabase();
const PUBLIC_URL = "https://tickets.example";
const anonymous = (overrides: Parameters<typeof callerFor>[2] = {}) =>
  callerFor(database().db, null, { settings: { publicUrl: PUBLIC_URL }, ...overrides });
const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";
const HOUR = 3600_000;

let counter = 0;
async function account(options: { locale?: "en" | "zh-TW"; password?: string } = {}) {
  counter++;
  const username = `acct_${counter}_${Date.now().toString(36)}`;
  const email = `${username}@example.com`;
  const password = options.password ?? "a-sturdy-passphrase-1";
  await anonymous().auth.register({ username, email, password, locale: options.locale });
  const user = await database().db.user.findUniqueOrThrow({ where: { username } });
  return { user, username, email, password };
}

describe("password reset", () => {
  it("mails a single-use link in the user's language; using it sets the password, ends every session and voids the other links", async () => {
    const { db } = database();
    const { user, username, email, password } = await account({ locale: "zh-TW" });
    const oldSession = { userId: user.id, sessionVersion: user.sessionVersion };

    expect(await anonymous().auth.requestPasswordReset({ email: email.toUpperCase() })).toEqual({
      status: "CHECK_INBOX",
    });
    const first = await latestMailLink(db, email, "password-reset");
    await anonymous().auth.requestPasswordReset({ email });
    const second = await latestMailLink(db, email, "password-reset");
    expect(second).not.toBe(first);
    expect(second.startsWith(`${PUBLIC_URL}/reset-password?token=`)).toBe(true);
    const mail = await db.mailOutbox.findFirstOrThrow({
      where: { toAddress: email, kind: "password-reset" },
    });
    expect(mail).toMatchObject({ locale: "zh-TW", userId: user.id });
    // Only the hash is stored.
    const stored = await db.accountToken.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.tokenHash)).not.toContain(tokenOf(second));
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);

    expect(
      await anonymous().auth.resetPassword({
        token: tokenOf(second),
        password: "brand-new-secret-22",
      }),
    ).toEqual({ username });
    expect(await verifyCredentials(db, { login: username, password })).toBeNull();
    expect(
      await verifyCredentials(db, { login: username, password: "brand-new-secret-22" }),
    ).toMatchObject({ username });
    // Every session issued before is over.
    expect(await resolveSessionUser(db, oldSession)).toBeNull();

    // The link is spent, and the earlier one was voided with it: nothing changes.
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    for (const [url, reason] of [
      [second, "TOKEN_USED"],
      [first, "TOKEN_USED"],
    ] as const) {
      const refused = await failure(
        anonymous().auth.resetPassword({ token: tokenOf(url), password: "third-try-secret-33" }),
      );
      expect(refused.code).toBe("BAD_REQUEST");
      expect(detailsOf(refused)?.reason).toBe(reason);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(after);
  });

  it("lets exactly one of two simultaneous uses of a link through", async () => {
    const { db } = database();
    const { user, email } = await account();
    await anonymous().auth.requestPasswordReset({ email });
    const token = tokenOf(await latestMailLink(db, email, "password-reset"));
    const results = await Promise.allSettled(
      ["racing-secret-one-1", "racing-secret-two-2"].map((password) =>
        anonymous().auth.resetPassword({ token, password }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("refuses an expired link after 30 minutes, and a forged one, changing nothing", async () => {
    const { db } = database();
    const { user, email } = await account();
    const asked = new Date("2026-12-01T10:00:00Z");
    await anonymous({ now: () => asked }).auth.requestPasswordReset({ email });
    const token = tokenOf(await latestMailLink(db, email, "password-reset"));
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });

    const late = anonymous({ now: () => new Date(asked.getTime() + 30 * 60_000 + 1) });
    const expired = await failure(
      late.auth.resetPassword({ token, password: "too-late-secret-44" }),
    );
    expect(detailsOf(expired)?.reason).toBe("TOKEN_EXPIRED");

    const altered = `${token.startsWith("A") ? "B" : "A"}${token.slice(1)}`;
    for (const forged of [altered, "", "x".repeat(100)]) {
      const refused = await failure(
        anonymous({ now: () => asked }).auth.resetPassword({
          token: forged,
          password: "forged-secret-55",
        }),
      );
      expect(refused.code).toBe("BAD_REQUEST");
      expect(detailsOf(refused)?.reason).toBe("TOKEN_INVALID");
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    // The reset page asks first, without using the link: expired, forged, usable, then used.
    expect(await late.auth.checkResetLink({ token })).toEqual({ state: "TOKEN_EXPIRED" });
    expect(await late.auth.checkResetLink({ token: altered })).toEqual({ state: "TOKEN_INVALID" });
    // Still usable in time.
    const inTime = anonymous({ now: () => new Date(asked.getTime() + 29 * 60_000) });
    expect(await inTime.auth.checkResetLink({ token })).toEqual({ state: "USABLE" });
    expect(await inTime.auth.checkResetLink({ token })).toEqual({ state: "USABLE" });
    await inTime.auth.resetPassword({ token, password: "in-time-secret-66" });
    expect(await inTime.auth.checkResetLink({ token })).toEqual({ state: "TOKEN_USED" });
  });

  it("refuses a password that breaks sign-up's rules, leaving the link usable", async () => {
    const { db } = database();
    const { username, email } = await account();
    await anonymous().auth.requestPasswordReset({ email });
    const token = tokenOf(await latestMailLink(db, email, "password-reset"));
    for (const password of ["short", "aaaaaaaaaaaa", `${username}-secret`]) {
      const refused = await failure(anonymous().auth.resetPassword({ token, password }));
      expect(refused.code).toBe("BAD_REQUEST");
    }
    await anonymous().auth.resetPassword({ token, password: "finally-good-one-7" });
  });

  it("answers an unknown address exactly like a known one, and mails nothing", async () => {
    const { db } = database();
    const { email } = await account();
    const known = await anonymous().auth.requestPasswordReset({ email });
    const unknown = await anonymous().auth.requestPasswordReset({
      email: "nobody-here@example.com",
    });
    expect(unknown).toEqual(known);
    expect(await mailKindsSentTo(db, "nobody-here@example.com")).toEqual([]);
  });

  it("refuses addresses carrying header-injection characters", async () => {
    for (const email of [
      "a@example.com\r\nBcc: victim@example.com",
      "a@example.com\nX: y",
      "a\u0000@example.com",
      "a\u0085b@example.com",
    ]) {
      const refused = await failure(anonymous().auth.requestPasswordReset({ email }));
      expect(refused.code).toBe("BAD_REQUEST");
    }
    expect(await database().db.mailOutbox.count({ where: { toAddress: { contains: "\n" } } })).toBe(
      0,
    );
  });

  it("is rate limited per address (known or not alike) and per IP address", async () => {
    const { db } = database();
    const { email } = await account();
    const rateLimits = new RateLimits(memoryStore(), {
      accountMailPerAddressPerHour: 2,
      accountMailPerIpPerHour: 5,
    });
    const from = (ip: string) => anonymous({ rateLimits, ip });
    for (const address of [email, "unknown-one@example.com"]) {
      await from("198.51.100.1").auth.requestPasswordReset({ email: address });
      await from("198.51.100.2").auth.requestPasswordReset({ email: address });
      const refused = await failure(
        from("198.51.100.3").auth.requestPasswordReset({ email: address }),
      );
      expect(refused.code).toBe("TOO_MANY_REQUESTS");
      expect(detailsOf(refused)?.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(
      (await mailKindsSentTo(db, email)).filter((kind) => kind === "password-reset"),
    ).toHaveLength(2);
    // One IP address asking for many inboxes.
    const ip = "198.51.100.9";
    for (let i = 0; i < 5; i++) {
      await from(ip).auth.requestPasswordReset({ email: `spray-${i}@example.com` });
    }
    const sprayed = await failure(
      from(ip).auth.requestPasswordReset({ email: "spray-5@example.com" }),
    );
    expect(sprayed.code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("sign-up and e-mail verification", () => {
  it("queues a verification link in the sign-up language; opening it verifies the address once", async () => {
    const { db } = database();
    const { user, email } = await account({ locale: "zh-TW" });
    expect(user).toMatchObject({ locale: "zh-TW", emailVerifiedAt: null });
    expect(await mailKindsSentTo(db, email)).toEqual(["verify-email"]);
    const mail = await db.mailOutbox.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail.locale).toBe("zh-TW");
    const link = await latestMailLink(db, email, "verify-email");
    expect(link.startsWith(`${PUBLIC_URL}/verify-email?token=`)).toBe(true);

    expect(await anonymous().auth.verifyEmail({ token: tokenOf(link) })).toEqual({
      email,
      changed: false,
    });
    const verified = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(verified.emailVerifiedAt).not.toBeNull();
    const again = await failure(anonymous().auth.verifyEmail({ token: tokenOf(link) }));
    expect(detailsOf(again)?.reason).toBe("TOKEN_USED");
  });

  it("refuses a verification link after 48 hours, and a reset link used as a verification one", async () => {
    const { db } = database();
    const signedUp = new Date("2026-12-01T10:00:00Z");
    const username = `late_${Date.now().toString(36)}`;
    const email = `${username}@example.com`;
    await anonymous({ now: () => signedUp }).auth.register({
      username,
      email,
      password: "patient-person-88",
    });
    const token = tokenOf(await latestMailLink(db, email, "verify-email"));
    const late = anonymous({ now: () => new Date(signedUp.getTime() + 48 * HOUR + 1) });
    expect(detailsOf(await failure(late.auth.verifyEmail({ token })))?.reason).toBe(
      "TOKEN_EXPIRED",
    );
    await anonymous().auth.requestPasswordReset({ email });
    const resetToken = tokenOf(await latestMailLink(db, email, "password-reset"));
    expect(detailsOf(await failure(late.auth.verifyEmail({ token: resetToken })))?.reason).toBe(
      "TOKEN_INVALID",
    );
    const user = await db.user.findUniqueOrThrow({ where: { username } });
    expect(user.emailVerifiedAt).toBeNull();
  });

  it("resends a link to a signed-in unverified user, and refuses a verified one", async () => {
    const { db } = database();
    const { user, email } = await account();
    const me = callerFor(db, user, { settings: { publicUrl: PUBLIC_URL } });
    expect(await me.auth.me()).toMatchObject({ emailVerified: false });
    expect(await me.auth.resendVerification()).toEqual({ status: "CHECK_INBOX" });
    expect(await mailKindsSentTo(db, email)).toEqual(["verify-email", "verify-email"]);
    await anonymous().auth.verifyEmail({
      token: tokenOf(await latestMailLink(db, email, "verify-email")),
    });
    expect(await me.auth.me()).toMatchObject({ emailVerified: true });
    const refused = await failure(me.auth.resendVerification());
    expect(detailsOf(refused)?.reason).toBe("ALREADY_VERIFIED");
    expect((await failure(anonymous().auth.resendVerification())).code).toBe("UNAUTHORIZED");
  });

  it("rate limits resending per address", async () => {
    const { db } = database();
    const { user, email } = await account();
    const rateLimits = new RateLimits(memoryStore(), { accountMailPerAddressPerHour: 2 });
    const me = callerFor(db, user, { settings: { publicUrl: PUBLIC_URL }, rateLimits });
    await me.auth.resendVerification();
    await me.auth.resendVerification();
    const refused = await failure(me.auth.resendVerification());
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(detailsOf(refused)?.retryAfterSeconds).toBeGreaterThan(0);
    // Sign-up's message and the two resends; the refused one mailed nothing.
    expect(await mailKindsSentTo(db, email)).toEqual([
      "verify-email",
      "verify-email",
      "verify-email",
    ]);
  });

  it("refuses a sign-up address carrying header-injection characters, creating nothing", async () => {
    const { db } = database();
    const before = await db.user.count();
    for (const [index, email] of [
      "a@example.com\r\nBcc: victim@example.com",
      "a@example.com\nX: y",
      "a\u0000@example.com",
      "a\u0085b@example.com",
    ].entries()) {
      const refused = await failure(
        anonymous().auth.register({
          username: `injector_${index}`,
          email,
          password: "trying-my-luck-99",
        }),
      );
      expect(refused.code).toBe("BAD_REQUEST");
    }
    expect(await db.user.count()).toBe(before);
    expect(await db.mailOutbox.count({ where: { toAddress: { contains: "victim" } } })).toBe(0);
  });

  it("answers a registered address exactly like a new one, creates nothing, and tells the owner", async () => {
    const { db } = database();
    const owner = await account({ locale: "zh-TW" });
    const before = await db.user.count();
    const answer = await anonymous().auth.register({
      username: `squatter_${counter}`,
      email: owner.email.toUpperCase(),
      password: "trying-my-luck-99",
      locale: "en",
    });
    const fresh = await anonymous().auth.register({
      username: `newcomer_${counter}`,
      email: `newcomer_${counter}@example.com`,
      password: "trying-my-luck-99",
    });
    expect(answer).toEqual(fresh);
    expect(await db.user.count()).toBe(before + 1);
    expect(await db.user.findUnique({ where: { username: `squatter_${counter}` } })).toBeNull();
    expect(await mailKindsSentTo(db, owner.email)).toEqual(["verify-email", "sign-up-attempt"]);
    const attempt = await db.mailOutbox.findFirstOrThrow({
      where: { toAddress: owner.email, kind: "sign-up-attempt" },
    });
    // In the owner's language, not the stranger's.
    expect(attempt).toMatchObject({ locale: "zh-TW", userId: owner.user.id });
    expect(attempt.payload).toMatchObject({ resetUrl: `${PUBLIC_URL}/forgot-password` });

    // A taken username is still reported.
    const taken = await failure(
      anonymous().auth.register({
        username: owner.username,
        email: "someone-else@example.com",
        password: "trying-my-luck-99",
      }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(detailsOf(taken)?.field).toBe("username");

    // A taken username with someone else's registered address: still "username taken", as with
    // an unregistered address, so the answer tells nothing about the address.
    const other = await account();
    for (const email of [other.email, "nobody-has-this@example.com"]) {
      const refused = await failure(
        anonymous().auth.register({
          username: owner.username,
          email,
          password: "trying-my-luck-99",
        }),
      );
      expect(detailsOf(refused)?.field).toBe("username");
    }
  });

  it("knows a lost race for the address from one for the username (the database names the column)", async () => {
    const { db } = database();
    const { username, email } = await account();
    const violation = (data: { username: string; email: string }) =>
      db.user.create({ data: { ...data, passwordHash: "x", displayName: "x" } }).catch((e) => e);
    // register.ts answers the first like a registered address, the second "username taken".
    expect(uniqueViolationFields(await violation({ username: "racer_one", email }))).toEqual([
      "email",
    ]);
    expect(
      uniqueViolationFields(await violation({ username, email: "racer@example.com" })),
    ).toEqual(["username"]);
  });

  it("keeps the account's language in step with the app's", async () => {
    const { db } = database();
    const { user } = await account();
    expect(user.locale).toBe("en");
    await callerFor(db, user).auth.setLocale({ locale: "zh-TW" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh-TW");
    expect((await failure(callerFor(db, user).auth.setLocale({ locale: "fr" as "en" }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("only verified buyers pay", () => {
  it("refuses checkout to an unverified buyer (FORBIDDEN, nothing recorded) and lets them pay once verified", async () => {
    const { db } = database();
    const sale = await eventOnSale(db);
    const buyer = await makeUser(db, { emailVerified: false });
    const api = callerFor(db, buyer);
    await api.reservation.hold({ eventId: sale.event.id, seatIds: sale.seatIds.slice(0, 2) });

    const refused = await failure(
      api.order.checkout({ eventId: sale.event.id, idempotencyKey: "unverified-1" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(detailsOf(refused)?.reason).toBe("EMAIL_NOT_VERIFIED");
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(0);
    expect(await db.seatHold.count({ where: { userId: buyer.id, orderId: null } })).toBe(2);

    await callerFor(db, buyer, { settings: { publicUrl: PUBLIC_URL } }).auth.resendVerification();
    await anonymous().auth.verifyEmail({
      token: tokenOf(await latestMailLink(db, buyer.email, "verify-email")),
    });
    const order = await checkoutAndPay(api, sale.event.id, "verified-1");
    expect(order.status).toBe("PAID");
  });
});

describe("passwords at rest", () => {
  it("stores the reset password as argon2id", async () => {
    const { db } = database();
    const { user, email } = await account();
    await anonymous().auth.requestPasswordReset({ email });
    await anonymous().auth.resetPassword({
      token: tokenOf(await latestMailLink(db, email, "password-reset")),
      password: "hashed-at-rest-10",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "hashed-at-rest-10")).toBe(true);
  });
});
