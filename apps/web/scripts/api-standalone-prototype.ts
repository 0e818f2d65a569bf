// A PROTOTYPE, for scripts/api-throughput.ts only: the same router served by tRPC's standalone
// adapter (plain Node http, no Next.js), to measure what Next.js's route handling costs. It
// decodes next-auth's session cookie itself and re-checks the user like getSessionUser(), but it
// has none of the route's guards (same-origin check, body limit, security headers, rate limits,
// load shedding): do not expose it. See docs/performance.md, "Issue 13 — serving".
//   DATABASE_URL=… NEXTAUTH_SECRET=… api-standalone-prototype.ts --port 3100
import { parseArgs } from "node:util";
import { appRouter, createContext, defaultSettings, resolveSessionUser } from "@openticket/api";
import { createDb } from "@openticket/db";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { decode } from "next-auth/jwt";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
const { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret = "" } = process.env;
if (!databaseUrl || !secret) throw new Error("DATABASE_URL and NEXTAUTH_SECRET are required");

const db = createDb(databaseUrl);
const SESSION_COOKIE = "next-auth.session-token";

async function sessionUser(cookieHeader: string | undefined) {
  const cookie = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) return null;
  const token = await decode({ token: cookie.slice(SESSION_COOKIE.length + 1), secret });
  if (!token?.userId) return null;
  return resolveSessionUser(db, { userId: token.userId, sessionVersion: token.sessionVersion });
}

const server = createHTTPServer({
  basePath: "/api/trpc/",
  router: appRouter,
  createContext: async ({ req }) =>
    createContext({ db, user: await sessionUser(req.headers.cookie), settings: defaultSettings }),
});
server.listen(Number(values.port), "127.0.0.1");
console.log(`[prototype] standalone tRPC server on 127.0.0.1:${values.port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
