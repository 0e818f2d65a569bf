// How another app consumes the package: mount `appRouter` on any HTTP server, and talk to it
// with the typed client from "@openticket/api/client".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { makeEvent, makeUser, makeVenue, useTestDatabase } from "@openticket/db/testing";
import { TRPCClientError } from "@trpc/client";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOpenTicketClient } from "../src/client.ts";
import { createContext } from "../src/context.ts";
import { type AppRouter, appRouter } from "../src/root.ts";
import { publicProcedure, router } from "../src/trpc.ts";

const database = useTestDatabase();
let server: Server;
let url: string;
const logged: unknown[] = [];

// The real router plus one procedure that fails the way a bug would.
const testRouter = router({
  ...appRouter._def.record,
  broken: publicProcedure.query(() => {
    throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
  }),
});

beforeAll(async () => {
  server = createServer(
    createHTTPHandler({
      router: testRouter,
      createContext: () => createContext({ db: database().db, user: null }),
      onError: ({ error }) => logged.push(error.cause),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("lists events through the typed client, with dates revived by superjson", async () => {
  const { db } = database();
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id, city: "Hsinchu" });
  await makeEvent(db, { organizerId: organizer.id, venueId: venue.id, title: "Client Demo" });

  const api = createOpenTicketClient({ url });
  const { items } = await api.event.list.query({ city: "Hsinchu" });
  expect(items.map((item) => item.title)).toEqual(["Client Demo"]);
  expect(items[0]?.startsAt).toBeInstanceOf(Date);
});

it("reports errors with their code and never leaks internals of an unexpected one", async () => {
  const api = createOpenTicketClient({ url });
  const unauthorized = await api.auth.me.query().catch((error: unknown) => error);
  expect(unauthorized).toBeInstanceOf(TRPCClientError);
  expect((unauthorized as TRPCClientError<AppRouter>).data?.code).toBe("UNAUTHORIZED");

  const internal = createOpenTicketClient({ url }) as unknown as {
    broken: { query(): Promise<unknown> };
  };
  const failure = (await internal.broken
    .query()
    .catch((error: unknown) => error)) as TRPCClientError<AppRouter>;
  expect(failure.data?.code).toBe("INTERNAL_SERVER_ERROR");
  expect(failure.message).toBe("Something went wrong on our side.");
  expect(JSON.stringify(failure.shape)).not.toMatch(/secret_table|stack/);
  // …while the server side still gets the real error to log.
  expect(String(logged.at(-1))).toContain("secret_table");
});
