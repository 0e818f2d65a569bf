// organizer.seats.* (R12): one event's seats by state, and blocking them off sale.
import {
  blockSeats,
  blockSeatsInput,
  unblockSeats,
  unblockSeatsInput,
} from "../../services/organizer/seats/block-seats.ts";
import {
  getOrganizerSeatMap,
  organizerSeatMapInput,
} from "../../services/organizer/seats/get-organizer-seat-map.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerSeatsRouter = router({
  map: organizerProcedure
    .input(organizerSeatMapInput)
    .query(({ ctx, input }) => getOrganizerSeatMap(ctx.db, input, ctx)),

  block: organizerProcedure
    .input(blockSeatsInput)
    .mutation(({ ctx, input }) => blockSeats(ctx.db, input, ctx)),

  unblock: organizerProcedure
    .input(unblockSeatsInput)
    .mutation(({ ctx, input }) => unblockSeats(ctx.db, input, ctx)),
});
