// organizer.events.*: the caller's events, from draft to published to cancelled.
import { cancelEvent, cancelEventInput } from "../../services/organizer/events/cancel-event.ts";
import { createEvent, createEventInput } from "../../services/organizer/events/create-event.ts";
import { deleteEvent, deleteEventInput } from "../../services/organizer/events/delete-event.ts";
import {
  getOrganizerEvent,
  organizerEventInput,
} from "../../services/organizer/events/get-organizer-event.ts";
import {
  listOrganizerEvents,
  listOrganizerEventsInput,
} from "../../services/organizer/events/list-organizer-events.ts";
import { publishEvent, publishEventInput } from "../../services/organizer/events/publish-event.ts";
import { setSeatTiers, setSeatTiersInput } from "../../services/organizer/events/set-seat-tiers.ts";
import { updateEvent, updateEventInput } from "../../services/organizer/events/update-event.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerEventsRouter = router({
  list: organizerProcedure
    .input(listOrganizerEventsInput)
    .query(({ ctx, input }) => listOrganizerEvents(ctx.db, input, ctx)),

  byId: organizerProcedure
    .input(organizerEventInput)
    .query(({ ctx, input }) => getOrganizerEvent(ctx.db, input, ctx)),

  create: organizerProcedure
    .input(createEventInput)
    .mutation(({ ctx, input }) => createEvent(ctx.db, input, ctx)),

  update: organizerProcedure
    .input(updateEventInput)
    .mutation(({ ctx, input }) => updateEvent(ctx.db, input, ctx)),

  setSeatTiers: organizerProcedure
    .input(setSeatTiersInput)
    .mutation(({ ctx, input }) => setSeatTiers(ctx.db, input, ctx)),

  publish: organizerProcedure
    .input(publishEventInput)
    .mutation(({ ctx, input }) => publishEvent(ctx.db, input, ctx)),

  delete: organizerProcedure
    .input(deleteEventInput)
    .mutation(({ ctx, input }) => deleteEvent(ctx.db, input, ctx)),

  cancel: organizerProcedure
    .input(cancelEventInput)
    .mutation(({ ctx, input }) => cancelEvent(ctx.db, input, ctx)),
});
