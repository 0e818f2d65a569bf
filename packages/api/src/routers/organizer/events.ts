// organizer.events.*: the caller's events, from draft to published to cancelled.
import { cancelEvent, cancelEventInput } from "../../services/organizer/cancel-event.ts";
import { createEvent, createEventInput } from "../../services/organizer/create-event.ts";
import { deleteEvent, deleteEventInput } from "../../services/organizer/delete-event.ts";
import { getEvent, getEventInput } from "../../services/organizer/get-event.ts";
import { listEvents, listEventsInput } from "../../services/organizer/list-events.ts";
import { publishEvent, publishEventInput } from "../../services/organizer/publish-event.ts";
import { setSeatTiers, setSeatTiersInput } from "../../services/organizer/set-seat-tiers.ts";
import { updateEvent, updateEventInput } from "../../services/organizer/update-event.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerEventsRouter = router({
  list: organizerProcedure
    .input(listEventsInput)
    .query(({ ctx, input }) => listEvents(ctx.db, input, ctx.user)),

  byId: organizerProcedure
    .input(getEventInput)
    .query(({ ctx, input }) => getEvent(ctx.db, input, ctx.user)),

  create: organizerProcedure
    .input(createEventInput)
    .mutation(({ ctx, input }) => createEvent(ctx.db, input, ctx.user)),

  update: organizerProcedure
    .input(updateEventInput)
    .mutation(({ ctx, input }) => updateEvent(ctx.db, input, ctx.user)),

  setSeatTiers: organizerProcedure
    .input(setSeatTiersInput)
    .mutation(({ ctx, input }) => setSeatTiers(ctx.db, input, { actor: ctx.user, now: ctx.now() })),

  publish: organizerProcedure
    .input(publishEventInput)
    .mutation(({ ctx, input }) => publishEvent(ctx.db, input, { actor: ctx.user, now: ctx.now() })),

  delete: organizerProcedure
    .input(deleteEventInput)
    .mutation(({ ctx, input }) => deleteEvent(ctx.db, input, ctx.user)),

  cancel: organizerProcedure
    .input(cancelEventInput)
    .mutation(({ ctx, input }) =>
      cancelEvent(ctx.db, input, { actor: ctx.user, now: ctx.now(), payments: ctx.payments }),
    ),
});
