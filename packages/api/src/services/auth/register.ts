// Sign-up (R1): a new attendee account with username, e-mail and password.
import type { Db } from "@openticket/db";
import { hashPassword } from "@openticket/db/password";
import { z } from "zod";
import { AppError, uniqueViolationFields } from "../../errors.ts";
import { text } from "../../input.ts";

export const PASSWORD_MIN_LENGTH = 10;

export const registerInput = z
  .object({
    username: text(30, {
      min: 3,
      tooShort: "Use at least 3 characters.",
      tooLong: "Use at most 30 characters.",
    })
      .regex(/^[a-zA-Z0-9_.-]+$/, "Use letters, digits, dots, dashes and underscores only.")
      .transform((value) => value.toLowerCase()),
    email: z
      .email("Enter a valid e-mail address.")
      .max(254)
      .transform((value) => value.toLowerCase()),
    password: text(128, {
      min: PASSWORD_MIN_LENGTH,
      trim: false,
      tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
      tooLong: "Use at most 128 characters.",
    }),
    displayName: text(80).optional(),
    phone: text(20, { tooLong: "Enter a valid phone number." })
      .regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a valid phone number.")
      .optional(),
  })
  .superRefine((value, ctx) => {
    const password = value.password.toLowerCase();
    const personal = [value.username, value.email.split("@")[0] ?? ""].filter(
      (part) => part.length >= 4,
    );
    if (personal.some((part) => password.includes(part))) {
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: "The password must not contain your username or e-mail.",
      });
    }
    if (new Set(value.password).size < 4) {
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: "The password is too easy to guess.",
      });
    }
  });

export type RegisterInput = z.output<typeof registerInput>;

export async function registerUser(db: Db, input: RegisterInput) {
  // A quick answer for the common case; the unique indexes settle any race below.
  const taken = await db.user.findFirst({
    where: { OR: [{ username: input.username }, { email: input.email }] },
    select: { username: true },
  });
  if (taken) throw takenError(taken.username === input.username ? "username" : "email");

  try {
    return await db.user.create({
      data: {
        username: input.username,
        email: input.email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName || input.username,
        phone: input.phone || null,
      },
      select: { id: true, username: true, email: true, displayName: true, role: true },
    });
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (fields) throw takenError(fields.includes("email") ? "email" : "username");
    throw error;
  }
}

function takenError(field: "username" | "email") {
  return new AppError(
    "CONFLICT",
    field === "username" ? "This username is already taken." : "This e-mail is already registered.",
    { field },
  );
}
