// What a person types to identify and protect an account, shared by sign-up, password reset and
// the reset request, so every path refuses the same things with the same words.
import { z } from "zod";
import { text } from "../../input.ts";

export const PASSWORD_MIN_LENGTH = 10;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * An e-mail address, lower-cased. zod's address pattern already refuses spaces, CR, LF and
 * other control characters; the explicit check keeps that true whatever pattern a later zod
 * ships, because an address is copied into a mail header (header injection).
 */
export const emailAddress = text(254, { trim: false })
  .refine((value) => !CONTROL_CHARACTER.test(value), "Enter a valid e-mail address.")
  .pipe(z.email("Enter a valid e-mail address.").max(254))
  .transform((value) => value.toLowerCase());

/** A new password's own rules; `passwordProblem` adds the ones that need the account. */
export const newPassword = text(128, {
  min: PASSWORD_MIN_LENGTH,
  trim: false,
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: "Use at most 128 characters.",
}).refine((value) => new Set(value).size >= 4, { message: "The password is too easy to guess." });

/** Why a password may not protect this account (it contains its name), or null. */
export function passwordProblem(
  password: string,
  account: { username: string; email: string },
): string | null {
  const lower = password.toLowerCase();
  const personal = [account.username, account.email.split("@")[0] ?? ""].filter(
    (part) => part.length >= 4,
  );
  return personal.some((part) => lower.includes(part.toLowerCase()))
    ? "The password must not contain your username or e-mail."
    : null;
}

/** The languages a message can be written in (users.locale). */
export const mailLocale = z.enum(["en", "zh-TW"]);

/** A token from a link: 32 random bytes, base64url (43 characters); anything else is forged. */
export const linkToken = text(100, { trim: false });
