// The signed-in attendee's own corner (R6): events they attended and what to see next.
import { attendedEventsInput, listAttendedEvents } from "../services/me/attended-events.ts";
import { recommendationsInput, recommendEvents } from "../services/me/recommend-events.ts";
import { authedProcedure, router } from "../trpc.ts";

export const meRouter = router({
  attendedEvents: authedProcedure
    .input(attendedEventsInput)
    .query(({ ctx, input }) => listAttendedEvents(ctx.db, input, ctx)),

  recommendations: authedProcedure
    .input(recommendationsInput)
    .query(({ ctx, input }) => recommendEvents(ctx.db, input, ctx)),
});
