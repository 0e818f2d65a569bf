// Signed ticket codes (issue 17): what a ticket's QR code says, and how a door checks it without
// the network. A code is 99 bytes in base64url (132 characters):
//
//   [0]       version, 1
//   [1..17)   the event's id (a UUID's 16 bytes)
//   [17..33)  the ticket's id
//   [33..35)  the number of the event's signing key (big-endian)
//   [35..99)  an Ed25519 signature of bytes [0..35) by that key
//
// OpenTicket signs with the event's private key when it issues tickets; the check-in app
// downloads the event's public key and verifies offline (WebCrypto, in the browser and in Node).
// A forged code fails; so does a code signed by a key the organizer has rotated away (rotating
// re-issues every live ticket's code). Tickets issued before codes were signed carry 128 random
// bits instead: they are checked online only.
//
// This module has no server dependencies: the check-in app imports it as
// `@openticket/api/ticket-code`.

export const TICKET_CODE_VERSION = 1;
const SIGNED_LENGTH = 35;
const CODE_LENGTH = SIGNED_LENGTH + 64;

export type TicketCodeClaims = { eventId: string; ticketId: string; keyNumber: number };

/** An event's public key as the check-in app downloads it: raw 32 bytes, base64url. */
export type TicketVerifyKey = { number: number; publicKey: string };

export type TicketCodeCheck =
  | { valid: true; claims: TicketCodeClaims }
  /** NOT_SIGNED: not a signed code (garbage, truncated, or a code from before signing).
   *  UNKNOWN_KEY: signed with a key the device does not hold (rotated, or another event's).
   *  FORGED: the signature does not match. */
  | { valid: false; reason: "NOT_SIGNED" | "UNKNOWN_KEY" | "FORGED"; claims?: TicketCodeClaims };

/** The bytes a signature covers. */
export function ticketCodeSignedPart(claims: TicketCodeClaims): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(SIGNED_LENGTH);
  bytes[0] = TICKET_CODE_VERSION;
  bytes.set(uuidBytes(claims.eventId), 1);
  bytes.set(uuidBytes(claims.ticketId), 17);
  bytes[33] = (claims.keyNumber >> 8) & 0xff;
  bytes[34] = claims.keyNumber & 0xff;
  return bytes;
}

/** The code: the signed part and its signature, in base64url. */
export function joinTicketCode(signedPart: Uint8Array, signature: Uint8Array): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  bytes.set(signedPart, 0);
  bytes.set(signature, SIGNED_LENGTH);
  return toBase64Url(bytes);
}

/** What a signed code claims, before checking its signature; null when it is not one. */
export function readTicketCode(code: string): TicketCodeClaims | null {
  const bytes = signedCodeBytes(code);
  if (!bytes) return null;
  return {
    eventId: bytesToUuid(bytes.subarray(1, 17)),
    ticketId: bytesToUuid(bytes.subarray(17, 33)),
    keyNumber: ((bytes[33] ?? 0) << 8) | (bytes[34] ?? 0),
  };
}

/** Checks a code's signature against the keys the device holds (one event's). */
export async function verifyTicketCode(
  code: string,
  keys: readonly TicketVerifyKey[],
): Promise<TicketCodeCheck> {
  const bytes = signedCodeBytes(code);
  const claims = readTicketCode(code);
  if (!bytes || !claims) return { valid: false, reason: "NOT_SIGNED" };
  const key = keys.find((candidate) => candidate.number === claims.keyNumber);
  if (!key) return { valid: false, reason: "UNKNOWN_KEY", claims };
  const publicKey = await crypto.subtle.importKey(
    "raw",
    fromBase64Url(key.publicKey),
    { name: "Ed25519" },
    false,
    ["verify"],
  );
  const valid = await crypto.subtle.verify(
    { name: "Ed25519" },
    publicKey,
    bytes.slice(SIGNED_LENGTH),
    bytes.slice(0, SIGNED_LENGTH),
  );
  return valid ? { valid: true, claims } : { valid: false, reason: "FORGED", claims };
}

function signedCodeBytes(code: string): Uint8Array<ArrayBuffer> | null {
  if (code.length !== Math.ceil((CODE_LENGTH * 4) / 3) || !/^[A-Za-z0-9_-]+$/.test(code)) {
    return null;
  }
  const bytes = fromBase64Url(code);
  return bytes.length === CODE_LENGTH && bytes[0] === TICKET_CODE_VERSION ? bytes : null;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
