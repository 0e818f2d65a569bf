import { getEvent, getEventInput } from "../services/events/get-event.ts";
import { listEventCities, listEvents, listEventsInput } from "../services/events/list-events.ts";
import { publicProcedure, router } from "../trpc.ts";

export const eventRouter = router({
  list: publicProcedure.input(listEventsInput).query(({ ctx, input }) => listEvents(ctx.db, input)),

  cities: publicProcedure.query(({ ctx }) => listEventCities(ctx.db)),

  byId: publicProcedure
    .input(getEventInput)
    .query(({ ctx, input }) => getEvent(ctx.db, input, ctx.user)),
});
