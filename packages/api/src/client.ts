// A typed client for apps that talk to OpenTicket over HTTP:
//   const api = createOpenTicketClient({ url: "https://tickets.example/api/trpc" });
//   const { items } = await api.event.list.query({ city: "Taipei" });
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "./root.ts";

export function createOpenTicketClient(options: {
  url: string;
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof fetch;
}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: options.url,
        transformer: superjson,
        headers: options.headers,
        fetch: options.fetch,
      }),
    ],
  });
}
