import {
  holdBestAvailable,
  holdBestAvailableInput,
} from "../services/reservation/hold-best-available.ts";
import { holdSeats, holdSeatsInput } from "../services/reservation/hold-seats.ts";
import { getMyHolds, myHoldsInput } from "../services/reservation/my-holds.ts";
import { releaseSeats, releaseSeatsInput } from "../services/reservation/release-seats.ts";
import {
  byPosition,
  checkPositionInput,
  seatIdsAtPositions,
  seatPositions,
} from "../services/seat-map/positions.ts";
import { authedProcedure, router } from "../trpc.ts";

// Seats by id (seatIds), or by position in a layout version (event.seatLayout).
const holdInput = holdSeatsInput
  .extend({ seatIds: holdSeatsInput.shape.seatIds.optional(), ...seatPositions })
  .superRefine((input, context) => {
    checkPositionInput(input, context);
    if (!input.seatIds && !input.positions) {
      context.addIssue({ code: "custom", path: ["seatIds"], message: "Name the seats to hold." });
    }
  });

const releaseInput = releaseSeatsInput.extend(seatPositions).superRefine(checkPositionInput);

export const reservationRouter = router({
  hold: authedProcedure
    .meta({ rateLimit: "seatWrites" })
    .input(holdInput)
    .mutation(async ({ ctx, input, signal }) => {
      const caller = { ...ctx, signal };
      const { eventId, layoutVersion, positions, seatIds, admission, ticketTypeId } = input;
      if (!positions || !layoutVersion) {
        return holdSeats(
          ctx.db,
          { eventId, seatIds: seatIds ?? [], admission, ticketTypeId },
          caller,
        );
      }
      const resolved = await seatIdsAtPositions(
        ctx.db,
        { eventId, layoutVersion, positions },
        caller,
      );
      try {
        const held = await holdSeats(
          ctx.db,
          { eventId, seatIds: resolved.seatIds, admission, ticketTypeId },
          caller,
        );
        return { ...held, positions };
      } catch (error) {
        throw byPosition(error, resolved.layout);
      }
    }),

  /** The best free seats of the event, a section or a tier, together when possible (issue 15). */
  holdBestAvailable: authedProcedure
    .meta({ rateLimit: "seatWrites" })
    .input(holdBestAvailableInput)
    .mutation(({ ctx, input, signal }) => holdBestAvailable(ctx.db, input, { ...ctx, signal })),

  mine: authedProcedure
    .input(myHoldsInput)
    .query(({ ctx, input }) => getMyHolds(ctx.db, input, ctx)),

  release: authedProcedure
    .meta({ rateLimit: "seatWrites" })
    .input(releaseInput)
    .mutation(async ({ ctx, input, signal }) => {
      const caller = { ...ctx, signal };
      const { eventId, layoutVersion, positions, seatIds } = input;
      if (!positions || !layoutVersion) return releaseSeats(ctx.db, { eventId, seatIds }, caller);
      const resolved = await seatIdsAtPositions(
        ctx.db,
        { eventId, layoutVersion, positions },
        caller,
      );
      return releaseSeats(ctx.db, { eventId, seatIds: resolved.seatIds }, caller);
    }),
});
