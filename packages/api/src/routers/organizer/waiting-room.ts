// organizer.waitingRoom.*: a high-demand event's waiting room — mark it, watch its line, change
// its admission rate live.
import {
  getWaitingRoom,
  waitingRoomInput,
} from "../../services/organizer/waiting-room/get-waiting-room.ts";
import {
  setWaitingRoom,
  setWaitingRoomInput,
} from "../../services/organizer/waiting-room/set-waiting-room.ts";
import { organizerProcedure, router } from "../../trpc.ts";

export const organizerWaitingRoomRouter = router({
  get: organizerProcedure
    .input(waitingRoomInput)
    .query(({ ctx, input }) => getWaitingRoom(ctx.db, input, ctx)),

  set: organizerProcedure
    .input(setWaitingRoomInput)
    .mutation(({ ctx, input }) => setWaitingRoom(ctx.db, input, ctx)),
});
