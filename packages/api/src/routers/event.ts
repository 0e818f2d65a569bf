import { TRPCError } from "@trpc/server";
import { getEvent, getEventInput } from "../services/event/get-event.ts";
import { assertSeatMapVisible, getSeatMap, seatMapInput } from "../services/event/get-seat-map.ts";
import { listEventCities, listEvents, listEventsInput } from "../services/event/list-events.ts";
import { listEventTicketTypes, listTicketTypesInput } from "../services/event/list-ticket-types.ts";
import { getSeatLayout, seatLayoutInput } from "../services/seat-map/layout.ts";
import {
  getSeatStatus,
  seatStatusInput,
  seatStatusStreamInput,
  streamSeatStatus,
} from "../services/seat-map/seat-status.ts";
import { publicProcedure, router } from "../trpc.ts";

export const eventRouter = router({
  list: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(listEventsInput)
    .query(({ ctx, input }) => listEvents(ctx.db, input, ctx)),

  cities: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .query(({ ctx }) => listEventCities(ctx.db, ctx)),

  byId: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(getEventInput)
    .query(({ ctx, input }) => getEvent(ctx.db, input, ctx)),

  /** The ticket types a buyer may hold seats as, with what is left of each quota (issue 15). */
  ticketTypes: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(listTicketTypesInput)
    .query(({ ctx, input }) => listEventTicketTypes(ctx.db, input, ctx)),

  seatMap: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(seatMapInput)
    .query(({ ctx, input }) => getSeatMap(ctx.db, input, ctx)),

  /**
   * What never changes during a sale, columnar (decode with `@openticket/api/seat-map`); seats
   * are addressed by position. The web app also serves it as a cacheable URL.
   */
  seatLayout: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(seatLayoutInput)
    .query(
      async ({ ctx, input, signal }) =>
        (await getSeatLayout(ctx.db, input.eventId, ctx, { signal })).wire,
    ),

  /** Every seat's status, 2 bits per position, shared by all callers; plus the caller's own. */
  seatStatus: publicProcedure
    .meta({ rateLimit: "anonymousReads" })
    .input(seatStatusInput)
    .query(({ ctx, input, signal }) => getSeatStatus(ctx.db, input, { ...ctx, signal })),

  /**
   * Live status deltas (server-sent events): from `since` when this process still has it, else
   * a snapshot first. Apply a delta only when its `previous` is the version you hold.
   */
  onSeatStatus: publicProcedure
    .meta({ rateLimit: "liveStreams" })
    .input(seatStatusStreamInput)
    .subscription(async ({ ctx, input, signal }) => {
      if (!ctx.seatChanges) {
        throw new TRPCError({
          code: "METHOD_NOT_SUPPORTED",
          message: "Live seat updates are not available here.",
        });
      }
      return streamSeatStatus(ctx.db, input, { ...ctx, signal });
    }),

  /**
   * Live seat status changes (server-sent events). Statuses are as the caller sees them; held
   * seats carry when their hold ends. Visibility is checked before anything streams, with the
   * same rule as seatMap.
   */
  onSeatChange: publicProcedure
    .meta({ rateLimit: "liveStreams" })
    .input(seatMapInput)
    .subscription(async ({ ctx, input, signal }) => {
      const feed = ctx.seatChanges;
      if (!feed) {
        throw new TRPCError({
          code: "METHOD_NOT_SUPPORTED",
          message: "Live seat updates are not available here.",
        });
      }
      await assertSeatMapVisible(ctx.db, input.eventId, ctx);
      const viewerId = ctx.user?.id ?? null;
      return (async function* () {
        for await (const batch of feed.subscribe(input.eventId, signal)) {
          yield {
            resync: batch.resync,
            seats: batch.changes.map(({ seatId, status, holderId, expiresAt }) => ({
              id: seatId,
              status: status === "HELD" && holderId === viewerId ? ("MINE" as const) : status,
              ...(status === "HELD" && expiresAt && { expiresAt }),
            })),
          };
        }
      })();
    }),
});
