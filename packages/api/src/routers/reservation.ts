import { holdSeats, holdSeatsInput } from "../services/reservation/hold-seats.ts";
import { getMyHolds, myHoldsInput } from "../services/reservation/my-holds.ts";
import { releaseSeats, releaseSeatsInput } from "../services/reservation/release-seats.ts";
import { authedProcedure, router } from "../trpc.ts";

export const reservationRouter = router({
  hold: authedProcedure
    .meta({ rateLimit: "seatWrites" })
    .input(holdSeatsInput)
    .mutation(({ ctx, input, signal }) => holdSeats(ctx.db, input, { ...ctx, signal })),

  mine: authedProcedure
    .input(myHoldsInput)
    .query(({ ctx, input }) => getMyHolds(ctx.db, input, ctx)),

  release: authedProcedure
    .meta({ rateLimit: "seatWrites" })
    .input(releaseSeatsInput)
    .mutation(({ ctx, input, signal }) => releaseSeats(ctx.db, input, { ...ctx, signal })),
});
