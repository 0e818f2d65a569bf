// The organizer console (R8–R13): organizers and admins only, every procedure. An organizer
// sees and changes only their own venues and events (anyone else's id is NOT_FOUND); an admin
// may act on all of them. The logic lives in services/organizer/.
import { router } from "../trpc.ts";
import { organizerDiscountCodesRouter } from "./organizer/discount-codes.ts";
import { organizerEventsRouter } from "./organizer/events.ts";
import { organizerReportProcedures } from "./organizer/reports.ts";
import { organizerSeatsRouter } from "./organizer/seats.ts";
import { organizerTicketTypesRouter } from "./organizer/ticket-types.ts";
import { organizerVenuesRouter } from "./organizer/venues.ts";
import { organizerWaitingRoomRouter } from "./organizer/waiting-room.ts";

export const organizerRouter = router({
  venues: organizerVenuesRouter,
  events: organizerEventsRouter,
  seats: organizerSeatsRouter,
  waitingRoom: organizerWaitingRoomRouter,
  discountCodes: organizerDiscountCodesRouter,
  ticketTypes: organizerTicketTypesRouter,
  ...organizerReportProcedures,
});
