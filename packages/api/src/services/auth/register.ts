// Sign-up (R1): a new attendee account with username, e-mail and password, unverified until
// the link mailed to the address is opened.
//
// The answer never tells whether an e-mail address is registered (issue 14): a registered
// address gets exactly the answer of a successful sign-up, and the account's owner gets a
// message ("someone tried to sign up with your address") instead of a new account. Both paths
// do the same expensive work (the argon2 hash). A taken username is still reported: people
// choose usernames, and a username is public anyway.
import { randomUUID } from "node:crypto";
import type { Db } from "@openticket/db";
import { hashPassword } from "@openticket/db/password";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { AppError, uniqueViolationFields } from "../../errors.ts";
import { text } from "../../input.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { emailAddress, mailLocale, newPassword, passwordProblem } from "./account-input.ts";
import { queueVerification } from "./queue-verification.ts";

export { PASSWORD_MIN_LENGTH } from "./account-input.ts";

export const registerInput = z
  .object({
    username: text(30, {
      min: 3,
      tooShort: "Use at least 3 characters.",
      tooLong: "Use at most 30 characters.",
    })
      .regex(/^[a-zA-Z0-9_.-]+$/, "Use letters, digits, dots, dashes and underscores only.")
      .transform((value) => value.toLowerCase()),
    email: emailAddress,
    password: newPassword,
    displayName: text(80).optional(),
    phone: text(20, { tooLong: "Enter a valid phone number." })
      .regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a valid phone number.")
      .optional(),
    /** The language the app was shown in: the account's messages are written in it. */
    locale: mailLocale.optional(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type RegisterInput = z.output<typeof registerInput>;

/** The one answer of a sign-up that did not fail on its input or username. */
export type SignUpAnswer = { status: "CHECK_INBOX" };

export async function registerUser(
  db: Db,
  input: RegisterInput,
  caller: Pick<Context, "now" | "settings" | "rateLimits">,
): Promise<SignUpAnswer> {
  // Both paths spend it, so a refusal says nothing about the address either.
  await caller.rateLimits?.spendAccountMailTo(input.email);
  const passwordHash = await hashPassword(input.password);
  const now = caller.now();
  const context = { now, publicUrl: caller.settings.publicUrl };
  // A quick answer for the common case; the unique indexes settle any race below.
  // The username is checked first, whoever has the address: otherwise a taken username with a
  // registered address of someone else would answer "check your inbox" and tell the address.
  const taken = await db.user.findMany({
    where: { OR: [{ username: input.username }, { email: input.email }] },
    select: { username: true },
  });
  if (taken.some((user) => user.username === input.username)) throw usernameTaken();
  if (taken.length > 0) return tellOwner(db, input.email, context);

  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          email: input.email,
          passwordHash,
          displayName: input.displayName || input.username,
          phone: input.phone || null,
          locale: input.locale ?? "en",
        },
        select: { id: true, email: true, locale: true },
      });
      await queueVerification(tx, user, context);
    });
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (!fields) throw error;
    if (!fields.includes("email")) throw usernameTaken();
    // Lost a race for the address: its owner (the winner) hears of it, as above.
    return tellOwner(db, input.email, context);
  }
  return { status: "CHECK_INBOX" };
}

/** Someone signed up with a registered address: its owner is told, nothing is created. */
async function tellOwner(
  db: Db,
  email: string,
  context: { now: Date; publicUrl: string },
): Promise<SignUpAnswer> {
  const owner = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, locale: true },
  });
  if (owner) {
    await db.$transaction((tx) =>
      queueMail(tx, {
        key: `sign-up-attempt:${owner.id}:${randomUUID()}`,
        to: owner.email,
        userId: owner.id,
        locale: owner.locale === "zh-TW" ? "zh-TW" : "en",
        mail: {
          kind: "sign-up-attempt",
          signInUrl: new URL("/sign-in", context.publicUrl).toString(),
          resetUrl: new URL("/forgot-password", context.publicUrl).toString(),
        },
      }),
    );
  }
  return { status: "CHECK_INBOX" };
}

function usernameTaken() {
  return new AppError("CONFLICT", "This username is already taken.", { field: "username" });
}
