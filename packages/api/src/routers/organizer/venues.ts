// organizer.venues.*: the caller's venues and their seat layouts.
import { addSection, addSectionInput } from "../../services/organizer/venues/add-section.ts";
import {
  addStandingZone,
  addStandingZoneInput,
} from "../../services/organizer/venues/add-standing-zone.ts";
import { createVenue, createVenueInput } from "../../services/organizer/venues/create-venue.ts";
import { getVenue, getVenueInput } from "../../services/organizer/venues/get-venue.ts";
import { importLayout, importLayoutInput } from "../../services/organizer/venues/import-layout.ts";
import { listVenues } from "../../services/organizer/venues/list-venues.ts";
import { removeSeats, removeSeatsInput } from "../../services/organizer/venues/remove-seats.ts";
import {
  removeSection,
  removeSectionInput,
} from "../../services/organizer/venues/remove-section.ts";
import { updateVenue, updateVenueInput } from "../../services/organizer/venues/update-venue.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerVenuesRouter = router({
  list: organizerProcedure.query(({ ctx }) => listVenues(ctx.db, ctx)),

  byId: organizerProcedure
    .input(getVenueInput)
    .query(({ ctx, input }) => getVenue(ctx.db, input, ctx)),

  create: organizerProcedure
    .input(createVenueInput)
    .mutation(({ ctx, input }) => createVenue(ctx.db, input, ctx)),

  update: organizerProcedure
    .input(updateVenueInput)
    .mutation(({ ctx, input }) => updateVenue(ctx.db, input, ctx)),

  addSection: organizerProcedure
    .input(addSectionInput)
    .mutation(({ ctx, input }) => addSection(ctx.db, input, ctx)),

  addStandingZone: organizerProcedure
    .input(addStandingZoneInput)
    .mutation(({ ctx, input }) => addStandingZone(ctx.db, input, ctx)),

  removeSeats: organizerProcedure
    .input(removeSeatsInput)
    .mutation(({ ctx, input }) => removeSeats(ctx.db, input, ctx)),

  removeSection: organizerProcedure
    .input(removeSectionInput)
    .mutation(({ ctx, input }) => removeSection(ctx.db, input, ctx)),

  importLayout: organizerProcedure
    .input(importLayoutInput)
    .mutation(({ ctx, input }) => importLayout(ctx.db, input, ctx)),
});
