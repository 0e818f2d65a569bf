// Mounts the api package over HTTP. Context comes from the next-auth session, re-checked against
// the database. Mutations must be same-origin JSON; queries (GET) never change state.
import { appRouter } from "@openticket/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "~/server/api-context";
import { refuseCrossSiteWrite } from "~/server/same-origin";

async function handler(request: Request) {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: createRequestContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
