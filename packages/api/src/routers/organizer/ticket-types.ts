// organizer.ticketTypes.*: an event's ticket (price) types (issue 15) — list, create, update,
// delete while unused.
import {
  deleteTicketType,
  deleteTicketTypeInput,
} from "../../services/organizer/ticket-types/delete-ticket-type.ts";
import {
  listTicketTypes,
  listTicketTypesInput,
} from "../../services/organizer/ticket-types/list-ticket-types.ts";
import {
  createTicketType,
  createTicketTypeInput,
  updateTicketType,
  updateTicketTypeInput,
} from "../../services/organizer/ticket-types/save-ticket-type.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerTicketTypesRouter = router({
  list: organizerProcedure
    .input(listTicketTypesInput)
    .query(({ ctx, input }) => listTicketTypes(ctx.db, input, ctx)),

  create: organizerProcedure
    .input(createTicketTypeInput)
    .mutation(({ ctx, input }) => createTicketType(ctx.db, input, ctx)),

  update: organizerProcedure
    .input(updateTicketTypeInput)
    .mutation(({ ctx, input }) => updateTicketType(ctx.db, input, ctx)),

  delete: organizerProcedure
    .input(deleteTicketTypeInput)
    .mutation(({ ctx, input }) => deleteTicketType(ctx.db, input, ctx)),
});
