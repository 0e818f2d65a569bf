// The next-auth session cookie, read from a request's Cookie header without Next.js, so that the
// API server (scripts/api-server.ts) and the Next.js app read sessions alike. The token is
// decrypted once per distinct cookie and kept until it expires: a buyer's requests during an
// on-sale all carry the same cookie, and next-auth's getServerSession would derive the key,
// decrypt it and encrypt a renewed token on every one. Only tokens that decrypted are kept, so
// garbage cookies cannot fill the cache.
import { type SessionUser, SessionUsers } from "@openticket/api";
import { decode, type JWT } from "next-auth/jwt";
import { env, requireDatabaseUrl } from "~/env";
import { getDb } from "~/server/db";

/** Behind HTTPS next-auth's cookies are Secure and so prefixed (authOptions.useSecureCookies). */
export const useSecureCookies = env.publicUrl.startsWith("https://");
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

const MAX_DECODED_TOKENS = 5_000;
/** Decoded session tokens by cookie value, least recently used first. */
const decodedTokens = new Map<string, { token: JWT; expiresAt: number }>();

export type SessionClaimsAndName = { userId: string; sessionVersion: number; name: string };

const globalForSessions = globalThis as unknown as { openticketSessionUsers?: SessionUsers };

/**
 * This process's session checks, kept per user by SessionUsers, which forgets a row as soon as
 * the database announces a change to it (role, suspension, session version): one LISTEN
 * connection; uncached until it listens.
 */
export function getSessionUsers(): SessionUsers {
  if (!globalForSessions.openticketSessionUsers) {
    const users = new SessionUsers(getDb(), { connectionString: requireDatabaseUrl() });
    globalForSessions.openticketSessionUsers = users;
    void users.start();
  }
  return globalForSessions.openticketSessionUsers;
}

export type SignedInUser = SessionUser & { name: string };

/** The signed-in user of a request as the database sees them now; undefined as below. */
export async function sessionUserFromCookies(
  cookieHeader: string | null,
): Promise<SignedInUser | null | undefined> {
  const session = await readSessionCookie(cookieHeader);
  if (!session) return session;
  const user = await getSessionUsers().resolve(session);
  return user && { ...user, name: session.name };
}

/**
 * The session's claims from a Cookie header: null when there is no valid session, undefined
 * when only next-auth itself can tell (no NEXTAUTH_SECRET: next-auth derives one in development).
 */
export async function readSessionCookie(
  cookieHeader: string | null,
): Promise<SessionClaimsAndName | null | undefined> {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) return undefined;
  const value = sessionCookieValue(cookieHeader ?? "");
  if (!value) return null;
  const token = await decodeOnce(value, secret);
  if (!token?.userId) return null;
  return {
    userId: token.userId,
    sessionVersion: token.sessionVersion,
    name: token.name ?? token.username,
  };
}

/** The cookie's value, joined back together when next-auth split a large one (name.0, name.1 …). */
function sessionCookieValue(cookieHeader: string): string | null {
  const chunks: [number, string][] = [];
  for (const pair of cookieHeader.split(";")) {
    const at = pair.indexOf("=");
    if (at === -1) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (name === SESSION_COOKIE) return value;
    if (name.startsWith(`${SESSION_COOKIE}.`)) {
      const index = Number(name.slice(SESSION_COOKIE.length + 1));
      if (Number.isInteger(index) && index >= 0) chunks.push([index, value]);
    }
  }
  if (chunks.length === 0) return null;
  return chunks
    .sort(([a], [b]) => a - b)
    .map(([, value]) => value)
    .join("");
}

async function decodeOnce(value: string, secret: string): Promise<JWT | null> {
  const now = Date.now();
  const kept = decodedTokens.get(value);
  decodedTokens.delete(value);
  if (kept && kept.expiresAt > now) {
    decodedTokens.set(value, kept);
    return kept.token;
  }
  const token = await decode({ token: value, secret }).catch(() => null);
  if (!token || typeof token.exp !== "number" || token.exp * 1000 <= now) return null;
  decodedTokens.set(value, { token, expiresAt: token.exp * 1000 });
  if (decodedTokens.size > MAX_DECODED_TOKENS) {
    const oldest = decodedTokens.keys().next().value;
    if (oldest !== undefined) decodedTokens.delete(oldest);
  }
  return token;
}
