// The api context of the Next.js request being served (server components, route handlers):
// its headers from Next.js's request scope, and the session user as getSessionUser reads it.
import "server-only";
import type { Context } from "@openticket/api";
import { headers } from "next/headers";
import { createApiContext } from "~/server/api-context";
import { getSessionUser } from "~/server/auth";

export async function createRequestContext(): Promise<Context> {
  return createApiContext(await headers(), await getSessionUser());
}
