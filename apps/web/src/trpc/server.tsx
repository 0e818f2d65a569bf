// The api for server components, two ways (the create-t3-turbo pattern):
// - `const api = await getServerApi()`, then `await api.event.list({...})`: data the server
//   renders itself — same procedures, same access rules, no HTTP round trip.
// - `prefetch(trpc.event.seatMap.queryOptions(input))` in a page, under `<HydrateClient>`: data a
//   client component keeps live. The query starts on the server and its result is handed to the
//   browser's cache, where the component reads the same query with useSuspenseQuery — one fetch,
//   no spinner.
import "server-only";
import { type AppRouter, appRouter, createCaller } from "@openticket/api";
import {
  dehydrate,
  type FetchQueryOptions,
  HydrationBoundary,
  type QueryKey,
} from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { createRequestContext } from "~/server/request-context";
import { makeQueryClient } from "./query-client";

/** One context a request: the caller and the prefetched queries see the same session. */
const getContext = cache(createRequestContext);

export const getServerApi = cache(async () => createCaller(await getContext()));

export type ServerApi = Awaited<ReturnType<typeof getServerApi>>;

/** One query client a request: what a page prefetches is what HydrateClient hands over. */
const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: getContext,
  queryClient: getQueryClient,
});

/** Hands this request's prefetched queries, finished or still running, to client components. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Starts a query without waiting for it; HydrateClient streams its result when it comes. */
export function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryOptions: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
) {
  void getQueryClient().prefetchQuery(queryOptions);
}
