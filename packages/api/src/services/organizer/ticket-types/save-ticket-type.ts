// organizer.ticketTypes.create / update: a ticket type of one of the caller's events — its price,
// the tier it is sold for, its quota, sale window and note. A held seat keeps the price it was
// held at; a quota cannot go below what is already held and sold (the type's counts, read under
// its row lock, so no hold or sale is half-way; the database checks it again at commit).
import { type Db, runGuarded } from "@openticket/db";
import type { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { say } from "../../../messages.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { isUniqueViolation } from "../../payments/unique-violation.ts";
import { findOwnEvent } from "../ownership.ts";
import {
  checkTicketType,
  lockOwnTicketType,
  ticketTypeFields,
  ticketTypeSelect,
} from "./ticket-type-fields.ts";

export const createTicketTypeInput = ticketTypeFields.extend({ eventId: id });
export const updateTicketTypeInput = ticketTypeFields.extend({ ticketTypeId: id });

export async function createTicketType(
  db: Db,
  input: z.output<typeof createTicketTypeInput>,
  caller: Caller,
) {
  const { eventId, ...fields } = input;
  return named(fields.name, () =>
    runGuarded(db, async (tx) => {
      const event = await findOwnEvent(tx, caller.user, eventId, { id: true });
      await checkTicketType(tx, event.id, fields);
      const ordering = await tx.ticketType.count({ where: { eventId: event.id } });
      const created = await tx.ticketType.create({
        data: { ...fields, eventId: event.id, ordering },
        select: ticketTypeSelect,
      });
      await recordAudit(tx, {
        actorId: caller.user.id,
        action: "ticketType.create",
        entityType: "event",
        entityId: event.id,
        after: { ticketTypeId: created.id, ...fields },
      });
      return created;
    }),
  );
}

export async function updateTicketType(
  db: Db,
  input: z.output<typeof updateTicketTypeInput>,
  caller: Caller,
) {
  const { ticketTypeId, ...fields } = input;
  return named(fields.name, () =>
    runGuarded(db, async (tx) => {
      const type = await lockOwnTicketType(tx, caller.user, ticketTypeId);
      await checkTicketType(tx, type.eventId, fields);
      const taken = type.held + type.sold;
      if (fields.quota !== null && fields.quota < taken) {
        throw new AppError("BAD_REQUEST", say("ticketTypeQuotaBelowTaken", { count: taken }), {
          field: "quota",
        });
      }
      const updated = await tx.ticketType.update({
        where: { id: type.id },
        data: fields,
        select: ticketTypeSelect,
      });
      await recordAudit(tx, {
        actorId: caller.user.id,
        action: "ticketType.update",
        entityType: "event",
        entityId: type.eventId,
        after: { ticketTypeId: type.id, ...fields },
      });
      return updated;
    }),
  );
}

/** Two types of one event may not share a name. */
async function named<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", `This event already has a ticket type named "${name}".`, {
      field: "name",
    });
  }
}
