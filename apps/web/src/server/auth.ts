// next-auth configuration: credentials sign-in (username or e-mail) with a JWT session that
// carries the user's id, role and sessionVersion. The token alone is never trusted for access:
// getSessionUser() checks it against the user's row, kept per process by SessionUsers, which
// forgets a row as soon as the database announces a change to it (role, suspension, session
// version), so role changes and suspensions still apply at the next request.
import "server-only";
import { AppError, logger, signIn } from "@openticket/api";
import type { Role } from "@openticket/db";
import { headers } from "next/headers";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { env } from "~/env";
import { getRateLimits } from "~/server/api-context";
import { clientIp } from "~/server/client-ip";
import { getDb } from "~/server/db";
import {
  getSessionUsers,
  type SignedInUser,
  sessionUserFromCookies,
  useSecureCookies,
} from "~/server/session-cookie";

// No username or e-mail contains one, and PostgreSQL refuses a NUL in text outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** What the sign-in form hears when sign-in itself failed (not the credentials). */
const SIGN_IN_UNAVAILABLE = "SignInUnavailable";

declare module "next-auth" {
  interface User {
    username: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; username: string; role: Role; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    username: string;
    role: Role;
    sessionVersion: number;
  }
}

/** The sign-in error of a suspended account whose password was right (read by sign-in-form.tsx). */
const SIGN_IN_SUSPENDED = "AccountSuspended";

/** The sign-in error a locked login gets, then the seconds to wait (read by sign-in-form.tsx). */
export const SIGN_IN_LOCKED = "TooManyAttempts:";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  // Behind HTTPS, cookies are Secure (and __Secure-/__Host- prefixed); one setting decides it
  // for next-auth's routes and for getServerSession alike.
  useSecureCookies,
  providers: [
    CredentialsProvider({
      name: "OpenTicket",
      credentials: { login: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const login = credentials?.login ?? "";
        if (typeof login !== "string" || CONTROL_CHARACTER.test(login)) return null;
        const user = await signIn(
          getDb(),
          { login, password: credentials?.password ?? "" },
          {
            ip: clientIp(forwardedFor(request.headers)),
            rateLimits: await getRateLimits(),
          },
        ).catch((error: unknown) => {
          // next-auth hands a thrown message to the form as `error`: it shows the wait.
          if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") {
            throw new Error(`${SIGN_IN_LOCKED}${error.details?.retryAfterSeconds ?? 60}`);
          }
          // Thrown only after the right password (credentials.ts), so it tells a guesser nothing.
          if (error instanceof AppError && error.details?.reason === "SUSPENDED") {
            throw new Error(SIGN_IN_SUSPENDED);
          }
          return refuseWithoutDetails(error);
        });
        if (!user) return null;
        return {
          id: user.id,
          name: user.displayName,
          username: user.username,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.username = user.username;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.userId,
        name: token.name ?? token.username,
        username: token.username,
        role: token.role,
        sessionVersion: token.sessionVersion,
      };
      return session;
    },
  },
};

/** next-auth hands the request's headers over as a plain object. */
function forwardedFor(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.["x-forwarded-for"];
  return typeof value === "string" ? value : null;
}

/**
 * next-auth copies a thrown error's message into the redirect URL (/api/auth/error?error=…), so
 * only a code may leave: a refusal's AppError code, or SIGN_IN_UNAVAILABLE for anything else
 * (a database or library failure), whose details go to the server log instead.
 */
function refuseWithoutDetails(error: unknown): never {
  if (error instanceof AppError) throw new Error(error.code);
  logger.error({ err: error }, "sign-in failed");
  throw new Error(SIGN_IN_UNAVAILABLE);
}

/** The signed-in user as the database sees them now, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SignedInUser | null> => {
  const found = await sessionUserFromCookies((await headers()).get("cookie"));
  if (found !== undefined) return found;
  // No NEXTAUTH_SECRET (development): only next-auth knows the key it derived.
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const { id, sessionVersion, name } = session.user;
  const user = await getSessionUsers().resolve({ userId: id, sessionVersion });
  return user && { ...user, name };
});
