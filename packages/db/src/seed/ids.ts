// Deterministic identifiers for demo rows. Every id is a pure function of a natural key (e.g.
// "seat:taipei-arena:Floor A:C:12"), so a second seed run produces the same ids and
// createMany's skipDuplicates turns it into a no-op.
import { createHash } from "node:crypto";

/** Fixed namespace for the demo data's name-based (version 5) UUIDs; never change it. */
const DEMO_NAMESPACE = Buffer.from("3c9d5b0e7a4f4e1b9c2d8f6a1e0b7c54", "hex");

/** An RFC 4122 version 5 UUID: SHA-1 of the namespace and the natural key. */
export function demoId(naturalKey: string): string {
  const bytes = createHash("sha1").update(DEMO_NAMESPACE).update(naturalKey).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...groups, hex.slice(20)].join("-");
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * The QR code text of a demo ticket: 128 bits, base64url (22 characters), like real codes.
 * Derived from the ticket id so reruns agree; anyone with this source can recompute them,
 * which is acceptable only because these tickets are demo data.
 */
export function demoTicketCode(ticketId: string): string {
  return sha256(`ticket-code:${ticketId}`).subarray(0, 16).toString("base64url");
}

/** A payment provider's reference in the shape the demo provider uses. */
export function demoProviderReference(kind: "ch" | "re", orderId: string): string {
  return `demo_${kind}_${sha256(`${kind}:${orderId}`).subarray(0, 12).toString("hex")}`;
}
