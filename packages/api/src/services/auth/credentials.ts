// Sign-in by username or e-mail and password. A wrong password and an unknown account answer
// the same (null), after the same argon2 work. A suspended account is told so, but only after
// the right password (issue 16 item 9): whoever knows it may learn the account's state, a
// guesser learns nothing.
import type { Db } from "@openticket/db";
import { decoyPasswordHash, verifyPassword } from "@openticket/db/password";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { name, text } from "../../input.ts";

export const credentialsInput = z.object({
  login: name(254),
  password: text(128, { min: 1, trim: false }),
});

export async function verifyCredentials(db: Db, input: z.input<typeof credentialsInput>) {
  const parsed = credentialsInput.safeParse(input);
  if (!parsed.success) return null;
  const login = parsed.data.login.toLowerCase();
  const user = await db.user.findFirst({
    where: login.includes("@") ? { email: login } : { username: login },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      sessionVersion: true,
      passwordHash: true,
      suspendedAt: true,
    },
  });
  const valid = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    parsed.data.password,
  );
  if (!user || !valid) return null;
  if (user.suspendedAt) {
    throw new AppError("FORBIDDEN", "This account is suspended.", { reason: "SUSPENDED" });
  }
  const { passwordHash: _, suspendedAt: __, ...sessionUser } = user;
  return sessionUser;
}
