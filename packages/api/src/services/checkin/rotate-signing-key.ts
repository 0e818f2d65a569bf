// checkin.rotateKey: the organizer (or an admin) replaces the event's signing key, e.g. when
// ticket codes were copied or shared. In one transaction the old key is retired, a new one takes its place and
// every live ticket of the event gets a new code signed by it: codes shown before (and forged
// with the old key) stop working online and offline; buyers' order pages and e-mails sent from
// now on show the new ones. Tickets issued before codes were signed get signed codes this way.
// Devices pick the new public key up with their next offline kit (offline-kit.ts).
import { randomUUID } from "node:crypto";
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { findOwnEvent } from "../organizer/ownership.ts";
import { forgetSigningKey, newKeyPair, signTicketCodes } from "../tickets/signing-keys.ts";

export const rotateSigningKeyInput = z.object({ eventId: id });

/** Key numbers are two bytes of every code. */
const MAX_KEY_NUMBER = 65_535;

export async function rotateSigningKey(
  db: Db,
  input: z.output<typeof rotateSigningKeyInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const { eventId } = input;
  const rotated = await runGuarded(
    db,
    async (tx) => {
      // Retiring locks the old key's row: a settlement signing with it waits, then sees it retired
      // and signs again with the new key (settle-checkout.ts); one that got in first is committed
      // before this reads the tickets below.
      // Two rotations at once take turns (the event's row lock; orders referencing it are not held up).
      await tx.$executeRaw`SELECT 1 FROM events WHERE id = ${eventId}::uuid FOR NO KEY UPDATE`;
      const [old] = await tx.$queryRaw<{ number: number }[]>`
      UPDATE ticket_signing_keys SET retired_at = ${caller.now()}
      WHERE event_id = ${eventId}::uuid AND retired_at IS NULL
      RETURNING number`;
      const pair = newKeyPair();
      const keyId = randomUUID();
      if ((old?.number ?? 0) >= MAX_KEY_NUMBER) {
        throw new AppError("CONFLICT", "This event's ticket codes cannot be re-issued again.");
      }
      const [inserted] = await tx.$queryRaw<{ number: number }[]>`
      INSERT INTO ticket_signing_keys (id, event_id, number, public_key, private_key)
      SELECT ${keyId}::uuid, ${eventId}::uuid, coalesce(max(number), 0) + 1,
             ${pair.publicKey}, ${pair.privateKey}
      FROM ticket_signing_keys WHERE event_id = ${eventId}::uuid
      ON CONFLICT (event_id) WHERE retired_at IS NULL DO NOTHING
      RETURNING number`;
      // The event's first key, created by a first ticket at this moment: rotate again over it.
      if (!inserted) throw Object.assign(new Error("A key appeared meanwhile."), { code: "40001" });
      const key = {
        id: keyId,
        eventId,
        number: inserted.number,
        privateKey: pair.privateKeyObject,
      };
      const live = await tx.$queryRaw<{ id: string }[]>`
      SELECT t.id::text FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE o.event_id = ${eventId}::uuid AND t.status IN ('VALID', 'CHECKED_IN')`;
      const ticketIds = live.map((ticket) => ticket.id);
      await tx.$executeRaw`
      UPDATE tickets SET code = t.code
      FROM unnest(${ticketIds}::uuid[], ${signTicketCodes(key, ticketIds)}::text[]) AS t(id, code)
      WHERE tickets.id = t.id`;
      await recordAudit(tx, {
        actorId: caller.user.id,
        action: "event.rotateSigningKey",
        entityType: "event",
        entityId: eventId,
        before: { keyNumber: old?.number ?? null },
        after: { keyNumber: key.number, reissuedTickets: ticketIds.length },
      });
      return { keyNumber: key.number, reissuedTickets: ticketIds.length };
      // A stadium's 50,000 codes are signed and written in a few seconds; settlements of the event
      // wait for it (they need the key), anything else goes on.
    },
    { timeoutMs: 60_000 },
  );
  // This process signs with the new key from now on (others find out as settle-checkout.ts says).
  forgetSigningKey(eventId);
  return rotated;
}
