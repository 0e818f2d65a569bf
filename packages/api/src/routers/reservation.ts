import { holdSeats, holdSeatsInput } from "../services/reservations/hold-seats.ts";
import { releaseSeats, releaseSeatsInput } from "../services/reservations/release-seats.ts";
import { authedProcedure, router } from "../trpc.ts";

export const reservationRouter = router({
  hold: authedProcedure.input(holdSeatsInput).mutation(({ ctx, input }) =>
    holdSeats(ctx.db, input, {
      userId: ctx.user.id,
      now: ctx.now(),
      holdDurationMs: ctx.settings.holdDurationMs,
    }),
  ),

  release: authedProcedure
    .input(releaseSeatsInput)
    .mutation(({ ctx, input }) => releaseSeats(ctx.db, input, ctx.user.id)),
});
