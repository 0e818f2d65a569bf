// organizer.seats.* (R12): one event's seats by state, and blocking them off sale.
import {
  blockSeats,
  blockSeatsInput,
  unblockSeats,
  unblockSeatsInput,
} from "../../services/organizer/block-seats.ts";
import { getSeatMap, seatMapInput } from "../../services/organizer/get-seat-map.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerSeatsRouter = router({
  map: organizerProcedure
    .input(seatMapInput)
    .query(({ ctx, input }) => getSeatMap(ctx.db, input, { actor: ctx.user, now: ctx.now() })),

  block: organizerProcedure
    .input(blockSeatsInput)
    .mutation(({ ctx, input }) => blockSeats(ctx.db, input, { actor: ctx.user, now: ctx.now() })),

  unblock: organizerProcedure
    .input(unblockSeatsInput)
    .mutation(({ ctx, input }) => unblockSeats(ctx.db, input, { actor: ctx.user, now: ctx.now() })),
});
