// The server-side caller for server components: `const api = await getServerApi()`, then
// `await api.event.list({...})` — same procedures, same access rules, no HTTP round trip.
import "server-only";
import { createCaller } from "@openticket/api";
import { cache } from "react";
import { createRequestContext } from "~/server/api-context";

export const getServerApi = cache(async () => createCaller(await createRequestContext()));

export type ServerApi = Awaited<ReturnType<typeof getServerApi>>;
