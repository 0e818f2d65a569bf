// The React Query client settings, the same on the server (one a request, for prefetching) and
// in the browser (one a tab), so that what the server dehydrates the browser can hydrate.
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Data the server just prefetched is not fetched again on arrival.
      queries: { staleTime: 30_000, retry: 1 },
      dehydrate: {
        // Dates and other non-JSON values survive the trip, as they do over the tRPC link.
        serializeData: superjson.serialize,
        // Queries still running are handed over too; the browser waits for them.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
