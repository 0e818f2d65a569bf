// Who is calling, according to the database rather than the token alone. A JWT session cannot
// be revoked, so it carries the user's sessionVersion; bumping that column (role change,
// suspension, password change) invalidates every session issued before, at the next request.
import type { Db, Role } from "@openticket/db";

export type SessionUser = { id: string; username: string; role: Role; sessionVersion: number };

/** The claims a session token carries about its user. */
export type SessionClaims = { userId: string; sessionVersion: number };

/** What a session check reads of a user (session-cache.ts keeps these). */
export type SessionUserRow = SessionUser & { suspendedAt: Date | null };

export async function resolveSessionUser(
  db: Db,
  claims: SessionClaims | null | undefined,
): Promise<SessionUser | null> {
  if (!claims) return null;
  return judgeSession(await readSessionUser(db, claims.userId), claims);
}

export function readSessionUser(db: Db, userId: string): Promise<SessionUserRow | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, role: true, sessionVersion: true, suspendedAt: true },
  });
}

/** The session's user if the row still accepts the session's claims, else null. */
export function judgeSession(
  user: SessionUserRow | null,
  claims: SessionClaims,
): SessionUser | null {
  if (!user || user.suspendedAt || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
