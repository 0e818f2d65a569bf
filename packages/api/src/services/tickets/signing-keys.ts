// Each event's Ed25519 key for signing ticket codes (issue 17; the code's layout:
// ../../ticket-code.ts). The key in use is created with the event's first ticket (or its first
// offline kit) and, once committed, cached per process: settling an order signs its tickets with
// no extra statement. The cache can be stale
// after another process rotated the key, so the statement that issues tickets checks that its
// key is still in use (and share-locks it against a rotation running at that moment); when it is
// not, the caller forgets the key and settles again (settle-checkout.ts).
import {
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
} from "node:crypto";
import type { Db, Tx } from "@openticket/db";
import { joinTicketCode, ticketCodeSignedPart } from "../../ticket-code.ts";

export type SigningKey = { id: string; eventId: string; number: number; privateKey: KeyObject };

const inUse = new Map<string, SigningKey>();

/** Thrown when tickets were about to be signed with a key another process has just retired. */
export class StaleSigningKeyError extends Error {
  constructor(eventId: string) {
    super(`The signing key of event ${eventId} was rotated while tickets were being issued.`);
  }
}

/** The event's key in use, created if the event has none yet. */
export async function signingKeyInUse(db: Db | Tx, eventId: string): Promise<SigningKey> {
  const cached = inUse.get(eventId);
  if (cached) return cached;
  let row = await findKeyInUse(db, eventId);
  // A key this call inserts may be inside a transaction that rolls back: it is used, not cached.
  let ours = false;
  if (!row) {
    const { publicKey, privateKey } = newKeyPair();
    // Two first tickets at once: the partial unique index lets one key in, the other reads it.
    const inserted = await db.$queryRaw<unknown[]>`
      INSERT INTO ticket_signing_keys (id, event_id, number, public_key, private_key)
      SELECT ${randomUUID()}::uuid, ${eventId}::uuid, coalesce(max(number), 0) + 1,
             ${publicKey}, ${privateKey}
      FROM ticket_signing_keys WHERE event_id = ${eventId}::uuid
      ON CONFLICT (event_id) WHERE retired_at IS NULL DO NOTHING
      RETURNING id`;
    ours = inserted.length > 0;
    row = await findKeyInUse(db, eventId);
    if (!row) throw new Error(`Event ${eventId} has no signing key.`);
  }
  const key = {
    id: row.id,
    eventId,
    number: row.number,
    privateKey: createPrivateKey({
      key: Buffer.from(row.privateKey, "base64url"),
      format: "der",
      type: "pkcs8",
    }),
  };
  if (!ours) inUse.set(eventId, key);
  return key;
}

export function forgetSigningKey(eventId: string) {
  inUse.delete(eventId);
}

/** A code for each ticket id, signed by the key. */
export function signTicketCodes(key: SigningKey, ticketIds: readonly string[]): string[] {
  return ticketIds.map((ticketId) => {
    const signedPart = ticketCodeSignedPart({
      eventId: key.eventId,
      ticketId,
      keyNumber: key.number,
    });
    return joinTicketCode(signedPart, sign(null, signedPart, key.privateKey));
  });
}

/** A new key pair: the public key raw (32 bytes) and the private key PKCS#8, both base64url. */
export function newKeyPair() {
  const pair = generateKeyPairSync("ed25519");
  const jwk = pair.publicKey.export({ format: "jwk" });
  if (!jwk.x) throw new Error("Ed25519 public key without x.");
  return {
    publicKey: jwk.x,
    privateKey: pair.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64url"),
    privateKeyObject: pair.privateKey,
  };
}

function findKeyInUse(db: Db | Tx, eventId: string) {
  return db.ticketSigningKey.findFirst({
    where: { eventId, retiredAt: null },
    select: { id: true, number: true, privateKey: true },
  });
}
