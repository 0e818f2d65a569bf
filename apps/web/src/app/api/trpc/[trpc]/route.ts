// /api/trpc/* inside Next.js: for `next dev` and serverless hosts. `pnpm start` answers these
// paths in its API server before they reach Next.js (scripts/api-server.ts); both run the same
// handler with the same guards (src/server/api-handler.ts).
import { handleApiRequest } from "~/server/api-handler";
import { createRequestContext } from "~/server/request-context";

function handler(request: Request) {
  return handleApiRequest(request, () => createRequestContext());
}

export { handler as GET, handler as POST };
