// reservation.hold / release by position: the client names seats by their index in a layout
// version it holds; this turns them into event seat ids with the cached layout, so the
// reservation engine itself stays as it is.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { INT4_MAX, int, MAX_SEATS_PER_ORDER, text } from "../../input.ts";
import { getSeatLayout, type ServerSeatLayout } from "./layout.ts";

/** Seats by position in a layout version (event.seatLayout). */
export const seatPositions = {
  layoutVersion: text(64).optional(),
  positions: z.array(int(0, INT4_MAX)).min(1).max(MAX_SEATS_PER_ORDER).optional(),
};

type PositionInput = { eventId: string; layoutVersion?: string; positions?: number[] };

/** The input rule both procedures share: positions come with the layout version they index. */
export function checkPositionInput(
  input: { seatIds?: string[]; layoutVersion?: string; positions?: number[] },
  context: z.RefinementCtx,
) {
  if (input.positions && input.seatIds) {
    context.addIssue({ code: "custom", message: "Send seatIds or positions, not both." });
  }
  if (input.positions && !input.layoutVersion) {
    context.addIssue({
      code: "custom",
      path: ["layoutVersion"],
      message: "Positions need the layout version they refer to.",
    });
  }
  if (input.positions && new Set(input.positions).size !== input.positions.length) {
    context.addIssue({ code: "custom", path: ["positions"], message: "A seat is named twice." });
  }
}

/** The event seat ids at `positions`, checked against the current layout. */
export async function seatIdsAtPositions(
  db: Db,
  input: PositionInput & { positions: number[]; layoutVersion: string },
  caller: Visitor & { signal?: AbortSignal },
): Promise<{ seatIds: string[]; layout: ServerSeatLayout }> {
  const layout = await getSeatLayout(db, input.eventId, caller, { signal: caller.signal });
  if (layout.wire.version !== input.layoutVersion) {
    throw new AppError("CONFLICT", "The seat map changed; please reload it.", {
      reason: "LAYOUT_CHANGED",
    });
  }
  const outside = input.positions.filter((position) => position >= layout.eventSeatIds.length);
  if (outside.length) {
    throw new AppError("BAD_REQUEST", "Some seats are not on this seat map.", {
      field: "positions",
    });
  }
  return {
    seatIds: input.positions.map((position) => layout.eventSeatIds[position] as string),
    layout,
  };
}

/** A refusal that names seats by id, retold by position for a caller who sent positions. */
export function byPosition(error: unknown, layout: ServerSeatLayout): unknown {
  if (!(error instanceof AppError) || !error.details?.unavailableSeatIds) return error;
  const unavailablePositions = error.details.unavailableSeatIds.flatMap(
    (seatId) => layout.positionOf.get(seatId) ?? [],
  );
  return new AppError(error.code, error.message, { ...error.details, unavailablePositions });
}
