// A buyer in an event's waiting room (docs/waiting-room.md): join the line (once per account,
// however many tabs or devices ask), then ask for one's place until admitted.
import {
  getPlaceInLine,
  joinWaitingRoom,
  placeInLineInput,
} from "../services/waiting-room/place-in-line.ts";
import { authedProcedure, router } from "../trpc.ts";

export const waitingRoomRouter = router({
  join: authedProcedure
    .meta({ rateLimit: "waitingRoom" })
    .input(placeInLineInput)
    .mutation(({ ctx, input }) => joinWaitingRoom(ctx.db, input, ctx)),

  place: authedProcedure
    .meta({ rateLimit: "waitingRoom" })
    .input(placeInLineInput)
    .query(({ ctx, input }) => getPlaceInLine(ctx.db, input, ctx)),
});
