// Sign-in with its guessing limits: verifyCredentials, behind the lockout of
// rate-limits/sign-in-lockout.ts. A locked account or IP address is refused with
// TOO_MANY_REQUESTS before any password is checked; the answer is otherwise the same as
// verifyCredentials' (the user, null, or FORBIDDEN for a suspended account).
import type { Db } from "@openticket/db";
import type { RateLimits } from "../../rate-limits/rate-limits.ts";
import { verifyCredentials } from "./credentials.ts";

export async function signIn(
  db: Db,
  input: { login: string; password: string },
  caller: { ip: string | null; rateLimits: RateLimits | null },
) {
  const lockout = caller.rateLimits?.signIn;
  if (!lockout) return verifyCredentials(db, input);
  const account = await lockoutKey(db, input.login);
  await lockout.check(account, caller.ip);
  const user = await verifyCredentials(db, input);
  if (user) await lockout.recordSuccess(account);
  else await lockout.recordFailure(account, caller.ip);
  return user;
}

/**
 * The account a login names, so that its username and e-mail address share one lock; a login
 * that names no account is counted as itself (guessing it is refused the same way).
 */
async function lockoutKey(db: Db, rawLogin: string): Promise<string> {
  const login = rawLogin.trim().toLowerCase();
  const account = await db.user.findFirst({
    where: login.includes("@") ? { email: login } : { username: login },
    select: { id: true },
  });
  return account ? `user:${account.id}` : `login:${login}`;
}
