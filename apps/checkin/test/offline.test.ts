// The phone's own answers without the network (src/offline.ts), with real Ed25519 keys and codes
// laid out by @openticket/api/ticket-code: a valid code is let in once, a repeat is "already in",
// a forgery and a key rotated away are unknown, a newer key than the phone holds or an old
// unsigned code cannot be checked offline, another event's ticket is named, cancelled and
// already-admitted tickets of the kit are refused; scans are kept until they sync.
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { joinTicketCode, ticketCodeSignedPart } from "@openticket/api/ticket-code";
import { beforeEach, describe, expect, it } from "vitest";

// The browser's storage, in memory (Node has none).
const stored = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  },
});
const { admittedHereUnsynced, pendingScans, scanOffline } = await import("../src/offline.ts");

const eventId = randomUUID();
const otherEventId = randomUUID();

function keyPair(number: number) {
  const pair = generateKeyPairSync("ed25519");
  const publicKey = pair.publicKey.export({ format: "jwk" }).x ?? "";
  const codeFor = (ticketId: string, forEvent = eventId) => {
    const signed = ticketCodeSignedPart({ eventId: forEvent, ticketId, keyNumber: number });
    return joinTicketCode(signed, sign(null, signed, pair.privateKey));
  };
  return { verifyKey: { number, publicKey }, codeFor };
}

const current = keyPair(2);
const rotatedAway = keyPair(1);
const newer = keyPair(3);
const cancelled = randomUUID();
const alreadyIn = randomUUID();

beforeEach(() => {
  stored.clear();
  stored.set(
    `openticket.checkin.kit.${eventId}`,
    JSON.stringify({
      eventId,
      keys: [current.verifyKey],
      cancelled: [cancelled],
      checkedIn: [alreadyIn],
      unsignedTickets: 0,
    }),
  );
});

describe("scanning offline", () => {
  it("lets a valid ticket in once and keeps the scan; a repeat is already in", async () => {
    const ticketId = randomUUID();
    const code = current.codeFor(ticketId);
    expect(admittedHereUnsynced(eventId, code)).toBe(false);
    expect(await scanOffline(eventId, "East gate", code)).toEqual({
      outcome: "ADMITTED",
      offline: true,
    });
    expect(pendingScans(eventId)).toEqual([
      expect.objectContaining({ code, ticketId, door: "East gate" }),
    ]);
    expect(admittedHereUnsynced(eventId, code)).toBe(true);
    expect((await scanOffline(eventId, "East gate", code)).outcome).toBe("ALREADY_CHECKED_IN");
    expect(pendingScans(eventId)).toHaveLength(1);
  });

  it("refuses what it must and says what it cannot check, keeping nothing", async () => {
    const ticketId = randomUUID();
    const code = current.codeFor(ticketId);
    const forged = code.slice(0, 100) + (code[100] === "A" ? "B" : "A") + code.slice(101);
    const answers = {
      forged: await scanOffline(eventId, "G", forged),
      rotatedAway: await scanOffline(eventId, "G", rotatedAway.codeFor(ticketId)),
      otherEvent: await scanOffline(eventId, "G", current.codeFor(ticketId, otherEventId)),
      cancelled: await scanOffline(eventId, "G", current.codeFor(cancelled)),
      alreadyIn: await scanOffline(eventId, "G", current.codeFor(alreadyIn)),
      newerKey: await scanOffline(eventId, "G", newer.codeFor(ticketId)),
      unsignedOldCode: await scanOffline(eventId, "G", "q3Vd0Zk2Xh7cA1bN4mR8sT"),
      garbage: await scanOffline(eventId, "G", "hello world"),
      noKit: await scanOffline(randomUUID(), "G", code),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.outcome]))).toEqual({
      forged: "UNKNOWN",
      rotatedAway: "UNKNOWN",
      otherEvent: "WRONG_EVENT",
      cancelled: "CANCELLED",
      alreadyIn: "ALREADY_CHECKED_IN",
      newerKey: "NOT_VERIFIABLE",
      unsignedOldCode: "NOT_VERIFIABLE",
      garbage: "UNKNOWN",
      noKit: "NOT_VERIFIABLE",
    });
    expect(pendingScans(eventId)).toEqual([]);
  });
});
