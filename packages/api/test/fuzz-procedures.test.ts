// Fuzzing every procedure: for each field of each procedure's input schema, hostile values
// (NUL, lone surrogates, 100k characters, RTL/emoji/combining text, SQL and HTML; years 0 and
// 275760; NaN, ±Infinity, 2^31, 1e308, fractions; empty and 20k-element arrays; wrong types;
// extra keys) put into an otherwise valid input, called as anonymous, attendee, organizer (who
// owns the seeded venue and events) and admin against a real database.
// Asserted: no call ends in INTERNAL_SERVER_ERROR (or anything but a TRPCError); a role that may
// not call the procedure is refused as such; an input the schema refuses is BAD_REQUEST; and a
// refused call changes no row (a fingerprint of the key tables before and after).
import { randomUUID } from "node:crypto";
import type { Db, Role } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Access } from "../src/trpc.ts";
import { callerFor } from "./helpers/callers.ts";
import { DAY, organizerEvent, sell } from "./helpers/organizer.ts";
import { bound, defOf, type ProcedureInput, procedureInputs } from "./helpers/procedure-inputs.ts";
import { demoReference } from "./helpers/sale.ts";

const HUGE_TEXT = 100_000;
/** Above every array's maximum (10,000 seat ids) without spending the run building arrays. */
const HUGE_ARRAY = 20_000;

const HOSTILE_STRINGS = [
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\ud83d",
  "x".repeat(HUGE_TEXT),
  "\u202Eevil\u202C عربى עברית",
  "👩‍👩‍👧‍👦🎟️",
  "e\u0301\u0301\u0301\u0301",
  `' OR 1=1; DROP TABLE "users"; --`,
  "<script>alert(1)</script>",
  "%_\\",
  "",
  "   ",
];
const HOSTILE_NUMBERS = [
  Number.NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  -(2 ** 31) - 1,
  -1,
  1e308,
  1.5,
  0,
];
const HOSTILE_DATES = [
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  new Date(Number.NaN),
  "not a date",
  8.64e15,
];
const WRONG_TYPES: unknown[] = [null, true, 42, "text", {}, [], { toString: "x" }];

type Path = (string | number)[];

/** The hostile values for the field a schema describes. */
function hostileValues(schema: z.ZodType): unknown[] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return def.innerType ? hostileValues(def.innerType) : WRONG_TYPES;
    case "pipe":
      return def.in ? hostileValues(def.in) : WRONG_TYPES;
    case "string":
      return [...HOSTILE_STRINGS, ...WRONG_TYPES];
    case "number":
      return [...HOSTILE_NUMBERS, "1", ...WRONG_TYPES];
    case "date":
      return [...HOSTILE_DATES, ...WRONG_TYPES];
    case "array": {
      const element = def.element ? sample(def.element, "element") : null;
      return [[], Array.from({ length: HUGE_ARRAY }, () => element), [WRONG_TYPES], ...WRONG_TYPES];
    }
    default:
      return [...HOSTILE_STRINGS.slice(0, 4), ...WRONG_TYPES];
  }
}

/** Each field of a schema (objects and array elements included), with its schema. */
function fields(schema: z.ZodType, path: Path = []): [Path, z.ZodType][] {
  const def = defOf(schema);
  if (["optional", "nullable", "default", "prefault"].includes(def.type) && def.innerType) {
    return fields(def.innerType, path);
  }
  if (def.type === "pipe" && def.in) return fields(def.in, path);
  const own: [Path, z.ZodType][] = path.length ? [[path, schema]] : [];
  if (def.type === "object") {
    return [
      ...own,
      ...Object.entries(def.shape ?? {}).flatMap(([key, inner]) => fields(inner, [...path, key])),
    ];
  }
  if (def.type === "array" && def.element) return [...own, ...fields(def.element, [...path, 0])];
  return own;
}

type Seed = {
  eventId: string;
  spareEventId: string;
  draftEventId: string;
  venueId: string;
  sectionId: string;
  venueSeatId: string;
  eventSeatIds: string[];
  tierId: string;
  orderId: string;
  targetUserId: string;
  organizerId: string;
  paymentReference: string;
  layoutVersion: string;
  discountCodeId: string;
};
let seed: Seed;

// Valid values by field name, so that a hostile value in one field meets valid neighbours and
// the call goes as deep as it can.
function knownValue(key: string): unknown {
  const soon = Date.now() + 30 * DAY;
  const values: Record<string, unknown> = {
    eventId: seed.eventId,
    id: seed.eventId,
    venueId: seed.venueId,
    sectionId: seed.sectionId,
    section: seed.sectionId,
    tierId: seed.tierId,
    orderId: seed.orderId,
    userId: seed.targetUserId,
    organizerId: seed.organizerId,
    actorId: seed.organizerId,
    seatIds: [seed.eventSeatIds[0]],
    reference: seed.paymentReference,
    layoutVersion: seed.layoutVersion,
    discountCodeId: seed.discountCodeId,
    positions: [0],
    currency: "TWD",
    timeZone: "Asia/Taipei",
    firstLabel: "A",
    phone: "+886 912 345 678",
    password: "a long fuzz passphrase",
    // A pipe (control-character guard, then the address format) samples from its input side.
    email: `fuzz-${randomUUID().slice(0, 8)}@test.example`,
    imageUrl: "https://example.com/poster.png",
    startsAt: new Date(soon),
    endsAt: new Date(soon + 2 * 3600_000),
    salesStartAt: new Date(Date.now() + DAY),
    salesEndAt: new Date(soon - DAY),
    from: new Date(Date.now() - DAY),
    to: new Date(Date.now() + 60 * DAY),
  };
  return values[key];
}

let unique = 0;

/** A valid value for a schema, named `key` in its object. */
function sample(schema: z.ZodType, key: string): unknown {
  const known = knownValue(key);
  if (known !== undefined) return known;
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return def.innerType ? sample(def.innerType, key) : undefined;
    case "pipe":
      return def.in ? sample(def.in, key) : undefined;
    case "string": {
      if (def.format === "uuid") return randomUUID();
      unique += 1;
      if (def.format === "email") return `fuzz${unique}@test.example`;
      const min = Math.max(Number(bound(schema, "min") ?? 1), 1);
      return `fuzz${unique}_${"x".repeat(min)}`.slice(
        0,
        Math.max(min, Number(bound(schema, "max"))),
      );
    }
    case "number":
      return Math.max(Number(bound(schema, "min") ?? 0), 0);
    case "date":
      return new Date();
    case "boolean":
      return false;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "array":
      return def.element ? [sample(def.element, key)] : [];
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([name, inner]) => [name, sample(inner, name)]),
      );
    default:
      throw new Error(`No sample for a ${def.type} schema (${key})`);
  }
}

// Where a procedure needs other ids than its field names suggest, or must not use up the event
// the others work on.
const BASELINE_OVERRIDES: Record<string, () => Record<string, unknown>> = {
  "organizer.venues.removeSeats": () => ({ seatIds: [seed.venueSeatId] }),
  "organizer.events.cancel": () => ({ eventId: seed.spareEventId }),
  "organizer.events.delete": () => ({ eventId: seed.draftEventId }),
  "organizer.events.publish": () => ({ eventId: seed.draftEventId }),
  "organizer.events.create": () => ({ sectionTiers: [] }),
  "organizer.events.update": () => ({
    priceTiers: [{ id: seed.tierId, name: "Standard", price: 1000 }],
  }),
  // Off: a waiting room on the shared event would refuse the others' holds without a pass.
  "organizer.waitingRoom.set": () => ({ opensAt: null }),
  "organizer.venues.importLayout": () => ({ csv: "section,row,number,x,y\nFuzz,A,1,0,0\n" }),
  // Seats by position (the seat map's way); seatIds alone is the other, older way.
  "reservation.hold": () => ({ seatIds: undefined }),
  "reservation.release": () => ({ seatIds: undefined }),
  "auth.register": () => ({ username: `fuzz_${randomUUID().slice(0, 8)}` }),
  // A percentage (at most 100), under a code not taken yet.
  "organizer.discountCodes.create": () => ({
    value: 10,
    code: `FUZZ-${randomUUID().slice(0, 8)}`,
  }),
};

function baseline(procedure: ProcedureInput): unknown {
  if (!procedure.input) return undefined;
  const value = sample(procedure.input, "");
  const override = BASELINE_OVERRIDES[procedure.path];
  return override ? { ...(value as object), ...override() } : value;
}

function withValue(input: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) {
    node[step] ??= {};
    node = node[step] as Record<string | number, unknown>;
  }
  node[path.at(-1) as string | number] = value;
  return copy;
}

/** Every hostile input for a procedure: whole-input garbage, then one field at a time. */
function hostileInputs(procedure: ProcedureInput): unknown[] {
  const valid = baseline(procedure);
  const whole: unknown[] = [
    undefined,
    null,
    "a\u0000b",
    42,
    [],
    {},
    { ...(valid as object), unexpected: "\ud800", constructor: "x" },
    JSON.parse('{"__proto__": {"role": "ADMIN"}}'),
  ];
  if (!procedure.input) return whole;
  // A fresh baseline each time: a sign-up whose username is taken stops before the values
  // under test reach the insert.
  const perField = fields(procedure.input).flatMap(([path, schema]) =>
    hostileValues(schema).map((value) => withValue(baseline(procedure), path, value)),
  );
  return [...whole, ...perField];
}

const ALLOWED: Record<Access, (Role | null)[]> = {
  public: [null, "ATTENDEE", "ORGANIZER", "ADMIN"],
  authed: ["ATTENDEE", "ORGANIZER", "ADMIN"],
  organizer: ["ORGANIZER", "ADMIN"],
  admin: ["ADMIN"],
};

/** The rows a refused call must leave as they were, in one query. */
async function fingerprint(db: Db) {
  const [row] = await db.$queryRawUnsafe<{ state: unknown }[]>(`
    SELECT json_build_object(
      'users', (SELECT count(*)::int FROM users), 'usersAt', (SELECT max(updated_at) FROM users),
      'venues', (SELECT count(*)::int FROM venues), 'venuesAt', (SELECT max(updated_at) FROM venues),
      'sections', (SELECT count(*)::int FROM sections), 'seats', (SELECT count(*)::int FROM seats),
      'events', (SELECT count(*)::int FROM events), 'eventsAt', (SELECT max(updated_at) FROM events),
      'tiers', (SELECT count(*)::int FROM price_tiers),
      'eventSeats', (SELECT sum(hashtext(id::text || status::text || tier_id::text)) FROM event_seats),
      'holds', (SELECT count(*)::int FROM seat_holds),
      'orders', (SELECT count(*)::int FROM orders), 'ordersAt', (SELECT max(updated_at) FROM orders),
      'tickets', (SELECT count(*)::int FROM tickets), 'payments', (SELECT count(*)::int FROM payments),
      'attempts', (SELECT count(*)::int FROM payment_attempts),
      'audit', (SELECT count(*)::int FROM audit_logs),
      'discountCodes', (SELECT count(*)::int FROM discount_codes),
      'discountCodesAt', (SELECT max(updated_at) FROM discount_codes)
    ) AS state`);
  return JSON.stringify(row?.state);
}

const database = useTestDatabase();

describe("fuzzing every procedure", () => {
  let callers: { role: Role | null; api: ReturnType<typeof callerFor> }[];

  beforeAll(async () => {
    const { db } = database();
    const { organizer, api, venue, event, seatIds } = await organizerEvent(db, {
      rows: 2,
      seatsPerRow: 5,
    });
    const startsAt = new Date(Date.now() + 14 * DAY);
    const more = {
      venueId: venue.id,
      title: "Fuzz spare",
      category: "CONCERT" as const,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
      priceTiers: [{ name: "Standard", price: 1000 }],
    };
    const spare = await api.events.publish({ eventId: (await api.events.create(more)).id });
    const draft = await api.events.create({ ...more, title: "Fuzz draft" });
    const attendee = await makeUser(db);
    const admin = await makeUser(db, { role: "ADMIN" });
    const target = await makeUser(db);
    const order = await sell(db, {
      eventId: event.id,
      buyerId: attendee.id,
      eventSeatIds: [seatIds.at(-1) as string],
    });
    const section = await db.section.findFirstOrThrow({ where: { venueId: venue.id } });
    const venueSeat = await db.seat.findFirstOrThrow({ where: { venueId: venue.id } });
    const tier = await db.priceTier.findFirstOrThrow({ where: { eventId: event.id } });
    // A payment in flight on the spare event, for demoPayment.* (and for its cancellation).
    const buyer = callerFor(db, attendee);
    const spareSeat = await db.eventSeat.findFirstOrThrow({ where: { eventId: spare.id } });
    await buyer.reservation.hold({ eventId: spare.id, seatIds: [spareSeat.id] });
    const started = await buyer.order.checkout({ eventId: spare.id, idempotencyKey: "fuzz-seed" });
    seed = {
      eventId: event.id,
      spareEventId: spare.id,
      draftEventId: draft.id,
      venueId: venue.id,
      sectionId: section.id,
      venueSeatId: venueSeat.id,
      eventSeatIds: seatIds,
      tierId: tier.id,
      orderId: order.id,
      targetUserId: target.id,
      organizerId: organizer.id,
      paymentReference: demoReference(started.redirectUrl),
      layoutVersion: (await buyer.event.seatLayout({ eventId: event.id })).version,
      discountCodeId: (
        await api.discountCodes.create({
          eventId: event.id,
          code: "FUZZ-SEED",
          kind: "PERCENT",
          value: 10,
        })
      ).id,
    };
    callers = [
      { role: null, api: callerFor(db, null) },
      { role: "ATTENDEE", api: callerFor(db, attendee) },
      { role: "ORGANIZER", api: callerFor(db, organizer) },
      { role: "ADMIN", api: callerFor(db, admin) },
    ];
  });

  it("starts each procedure from a valid input, so hostile fields meet valid neighbours", () => {
    const invalid = procedureInputs()
      .filter((procedure) => procedure.input)
      .filter((procedure) => !procedure.input?.safeParse(baseline(procedure)).success)
      .map((procedure) => procedure.path);
    expect(invalid).toEqual([]);
  });

  // About 30 s alone on 2 cores; the generous timeout is for a machine busy with other work.
  it("never answers INTERNAL_SERVER_ERROR, and a refused call changes nothing", {
    timeout: 240_000,
  }, async () => {
    const { db } = database();
    const failures: string[] = [];
    let calls = 0;
    let deepCalls = 0;
    const started = performance.now();
    const procedures = procedureInputs();
    for (const procedure of procedures) {
      const inputs = hostileInputs(procedure);
      for (const { role, api } of callers) {
        const allowed = procedure.access ? ALLOWED[procedure.access].includes(role) : false;
        // The rows as last seen. Only a permitted mutation with a valid input may change them;
        // after one that was refused, and at the end of the batch, they must be as they were.
        // (Calls refused by role or schema never reach a handler; the batch check proves it.)
        let rows = await fingerprint(db);
        for (const input of inputs) {
          calls += 1;
          const valid = !procedure.input || procedure.input.safeParse(input).success;
          const deep = allowed && valid && procedure.type === "mutation";
          const outcome = await call(api, procedure, input);
          const where = () =>
            `${procedure.path} as ${role ?? "anonymous"} with ${describeInput(input)}`;
          if (outcome === "INTERNAL_SERVER_ERROR" || outcome === "NOT_A_TRPC_ERROR") {
            failures.push(`${where()}: ${outcome}`);
          } else if (!allowed && outcome !== "UNAUTHORIZED" && outcome !== "FORBIDDEN") {
            failures.push(`${where()}: ${outcome} for a role that may not call it`);
          } else if (allowed && !valid && outcome !== "BAD_REQUEST") {
            failures.push(`${where()}: ${outcome} for an input its schema refuses`);
          }
          if (!deep) continue;
          deepCalls += 1;
          const after = await fingerprint(db);
          if (outcome !== "OK" && after !== rows) {
            failures.push(`${where()}: refused (${outcome}) but changed rows`);
          }
          rows = after;
        }
        if ((await fingerprint(db)) !== rows) {
          failures.push(
            `${procedure.path} as ${role ?? "anonymous"}: rows changed by refused calls`,
          );
        }
      }
    }
    const withInput = procedures.filter((procedure) => procedure.input).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz-procedures: ${procedures.length} procedures (${withInput} with input) × ${callers.length} roles, ${calls} calls, ${deepCalls} of them checked one by one, in ${seconds} s`,
    );
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(10_000);
  });
});

type Outcome = "OK" | "NOT_A_TRPC_ERROR" | TRPCError["code"];

async function call(
  api: ReturnType<typeof callerFor>,
  procedure: ProcedureInput,
  input: unknown,
): Promise<Outcome> {
  let target: unknown = api;
  for (const step of procedure.path.split(".")) target = (target as Record<string, unknown>)[step];
  try {
    const result = await (target as (input: unknown) => Promise<unknown>)(input);
    // A subscription answers an async iterable that has not started: close it.
    if (procedure.type === "subscription") {
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    }
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "NOT_A_TRPC_ERROR";
  }
}

function describeInput(input: unknown) {
  const text = JSON.stringify(input, (_key, value) =>
    typeof value === "string" && value.length > 40
      ? `${value.slice(0, 20)}…(${value.length})`
      : value,
  );
  return (text ?? String(input)).slice(0, 200);
}
