// The server-side caller for server components: `const api = await getServerApi()`, then
// `await api.event.list({...})` — same procedures, same access rules, no HTTP round trip.
import "server-only";
import { createCaller, createContext } from "@openticket/api";
import { cache } from "react";
import { getSessionUser } from "~/auth";
import { getDb } from "~/server/db";

export const getServerApi = cache(async () =>
  createCaller(createContext({ db: getDb(), user: await getSessionUser() })),
);
