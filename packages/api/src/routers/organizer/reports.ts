// organizer.sales, attendees, attendeesCsv, analytics, comparison (R10, R11, R13): read-only.

import {
  attendeesCsvInput,
  getAttendeesCsv,
} from "../../services/organizer/reports/attendees-csv.ts";
import { compareEvents } from "../../services/organizer/reports/compare-events.ts";
import { analyticsInput, getAnalytics } from "../../services/organizer/reports/get-analytics.ts";
import { eventReportInput, getSales } from "../../services/organizer/reports/get-sales.ts";
import {
  listAttendees,
  listAttendeesInput,
} from "../../services/organizer/reports/list-attendees.ts";
import { organizerProcedure } from "../../trpc.ts";

export const organizerReportProcedures = {
  sales: organizerProcedure
    .input(eventReportInput)
    .query(({ ctx, input }) => getSales(ctx.db, input, ctx)),

  attendees: organizerProcedure
    .input(listAttendeesInput)
    .query(({ ctx, input }) => listAttendees(ctx.db, input, ctx)),

  attendeesCsv: organizerProcedure
    .input(attendeesCsvInput)
    .query(({ ctx, input }) => getAttendeesCsv(ctx.db, input, ctx)),

  analytics: organizerProcedure
    .input(analyticsInput)
    .query(({ ctx, input }) => getAnalytics(ctx.db, input, ctx)),

  comparison: organizerProcedure.query(({ ctx }) => compareEvents(ctx.db, ctx)),
};
