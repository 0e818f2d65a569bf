// Input hygiene: what PostgreSQL cannot store never gets past a procedure's input schema.
// The first block walks every procedure's schema (and every schema a service or router
// exports) and fails when a string, number, date or array is not bounded by the vocabulary in
// src/input.ts, so a new procedure gets it by construction. The rest calls procedures with the
// inputs an outside attack turned into HTTP 500s, and checks they are refused and change nothing.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  EARLIEST_DATE,
  INT4_MAX,
  INT4_MIN,
  isStorableText,
  LATEST_DATE,
  MAX_SEATS_PER_ORDER,
  money,
} from "../src/input.ts";
import { recordAudit } from "../src/services/audit/record-audit.ts";
import { callerFor, callerWithRole } from "./helpers/callers.ts";
import { organizerEvent } from "./helpers/organizer.ts";
import { bound, checksOf, defOf, procedureInputs } from "./helpers/procedure-inputs.ts";
import { failure } from "./helpers/refusals.ts";
import { checkoutAndPay } from "./helpers/sale.ts";

// Formats whose pattern admits ASCII only, so neither NUL nor a surrogate can pass.
const ASCII_FORMATS = new Set(["uuid", "email"]);
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch"]);
const LEAVES = new Set(["enum", "boolean", "literal", "transform"]);

/** What is unbounded in a schema, as "where: what" lines; empty when it is all vocabulary. */
function unboundedParts(schema: z.ZodType, where: string): string[] {
  const def = defOf(schema);
  const checks = checksOf(schema);
  const max = bound(schema, "max");
  const min = bound(schema, "min");
  if (def.type === "string") {
    if (def.format === "uuid") return [];
    const problems: string[] = [];
    if (
      !(def.format && ASCII_FORMATS.has(def.format)) &&
      !checks.some((c) => c.fn === isStorableText)
    ) {
      problems.push(`${where}: a string without the NUL/surrogate guard (use text(), name()…)`);
    }
    if (typeof max !== "number") problems.push(`${where}: a string without a maximum length`);
    return problems;
  }
  if (def.type === "number") {
    const isInt = checks.some((c) => c.check === "number_format" && c.format === "safeint");
    const fits =
      typeof min === "number" && typeof max === "number" && min >= INT4_MIN && max <= INT4_MAX;
    return isInt && fits ? [] : [`${where}: a number that is not an int4 (use int())`];
  }
  if (def.type === "date") {
    const fits =
      min instanceof Date && max instanceof Date && min >= EARLIEST_DATE && max <= LATEST_DATE;
    return fits ? [] : [`${where}: a date without the product's range (use dateTime)`];
  }
  if (def.type === "array") {
    const problems = typeof max === "number" ? [] : [`${where}: an array without a maximum length`];
    return def.element ? [...problems, ...unboundedParts(def.element, `${where}[]`)] : problems;
  }
  if (def.type === "object") {
    return Object.entries(def.shape ?? {}).flatMap(([key, inner]) =>
      unboundedParts(inner, `${where}.${key}`),
    );
  }
  if (WRAPPERS.has(def.type) && def.innerType) return unboundedParts(def.innerType, where);
  if (def.type === "pipe" && def.in && def.out) {
    return [...unboundedParts(def.in, where), ...unboundedParts(def.out, where)];
  }
  if (def.type === "union") return (def.options ?? []).flatMap((o) => unboundedParts(o, where));
  if (LEAVES.has(def.type)) return [];
  return [`${where}: a ${def.type} schema, which this test does not know how to check yet`];
}

/** Every zod schema exported by a service or router module, by "file#export". */
async function exportedSchemas() {
  const root = join(import.meta.dirname, "../src");
  const files = ["services", "routers"].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => join(folder, file)),
  );
  const schemas: [string, z.ZodType][] = [];
  for (const file of files) {
    const module: Record<string, unknown> = await import(join(root, file));
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === "object" && "_zod" in value) {
        schemas.push([`${file}#${name}`, value as z.ZodType]);
      }
    }
  }
  return schemas;
}

describe("every input schema is built from the vocabulary", () => {
  it("bounds every string, number, date and array of every procedure's input", () => {
    const procedures = procedureInputs();
    expect(procedures.length).toBeGreaterThan(50);
    const problems = procedures.flatMap(({ path, input }) =>
      input ? unboundedParts(input, path) : [],
    );
    expect(problems).toEqual([]);
  });

  it("bounds every schema a service or router exports (inputs used outside tRPC too)", async () => {
    const schemas = await exportedSchemas();
    expect(schemas.map(([name]) => name)).toContain(
      "services/auth/credentials.ts#credentialsInput",
    );
    expect(schemas.flatMap(([name, schema]) => unboundedParts(schema, name))).toEqual([]);
  });

  it("notices a bare z.string(), z.date() or z.number()", async () => {
    const { z } = await import("zod");
    const bare = z.object({
      a: z.string(),
      b: z.coerce.date(),
      c: z.number().int(),
      d: z.array(z.uuid()),
    });
    expect(unboundedParts(bare, "bare")).toHaveLength(5);
  });

  it("trusts only formats that refuse NUL and lone surrogates themselves", async () => {
    const { z } = await import("zod");
    const valid = { uuid: "6f1c2b1e-8a6e-4a53-9d47-0c5a8f1e2b3c", email: "ann@test.example" };
    for (const format of ASCII_FORMATS) {
      const schema = format === "uuid" ? z.uuid() : z.email();
      const good = valid[format as keyof typeof valid];
      expect(schema.safeParse(good).success).toBe(true);
      for (const bad of ["\u0000", "\ud800", "\udc00"]) {
        // In place of one character, so only the character itself can make it invalid.
        expect(schema.safeParse(`${good.slice(0, 3)}${bad}${good.slice(4)}`).success).toBe(false);
      }
    }
  });
});

const database = useTestDatabase();

/** Counts of the rows a refused call must leave alone. */
async function rowCounts() {
  const { db } = database();
  const [users, venues, events, audit, orders] = await Promise.all([
    db.user.count(),
    db.venue.count(),
    db.event.count(),
    db.auditLog.count(),
    db.order.count(),
  ]);
  return { users, venues, events, audit, orders };
}

describe("inputs PostgreSQL cannot store are refused before any query", () => {
  it("refuses NUL in a search as BAD_REQUEST on that field, for anyone", async () => {
    const error = await failure(callerFor(database().db, null).event.list({ q: "a\u0000b" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("NUL");
  });

  it("refuses a date PostgreSQL has no timestamp for", async () => {
    const anonymous = callerFor(database().db, null);
    for (const from of ["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "not a date"]) {
      expect((await failure(anonymous.event.list({ from }))).code).toBe("BAD_REQUEST");
    }
  });

  it("refuses NUL in a sign-up's display name, and makes no account", async () => {
    const before = await rowCounts();
    const error = await failure(
      callerFor(database().db, null).auth.register({
        username: "nul_display",
        email: "nul_display@test.example",
        password: "correct horse battery",
        displayName: "Ann\u0000",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses lone surrogates in what the audit log would record, and changes nothing", async () => {
    const { db } = database();
    const { api, event } = await organizerEvent(db);
    const { caller: admin } = await callerWithRole(db, "ADMIN");
    const target = await makeUser(db);
    const before = await rowCounts();

    const refusals = [
      api.venues.create({ name: "Hall \ud800", city: "Taipei", address: "1 Road" }),
      api.events.update({ eventId: event.id, title: "Show \udc00" }),
      api.events.cancel({ eventId: event.id, reason: "\ud83d oops" }),
      admin.admin.users.suspend({ userId: target.id, reason: "bye \udfff" }),
    ];
    for (const refusal of refusals) expect((await failure(refusal)).code).toBe("BAD_REQUEST");

    expect(await rowCounts()).toEqual(before);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe(
      "PUBLISHED",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();
  });

  it("takes a city filter literally: % and _ are no wildcards, a trailing \\ is no error", async () => {
    const { db } = database();
    const { event } = await organizerEvent(db);
    const anonymous = callerFor(db, null);
    const cities = async (city: string) =>
      (await anonymous.event.list({ city, limit: 50 })).items.map((item) => item.id);
    expect(await cities("taipei")).toContain(event.id);
    expect(await cities("%")).toEqual([]);
    expect(await cities("T_ipei")).toEqual([]);
    expect(await cities("Taipei\\")).toEqual([]);
  });

  it("keeps well-formed text of any script, emoji included", async () => {
    const { db } = database();
    const { api } = await organizerEvent(db);
    const venue = await api.venues.create({
      name: "國家音樂廳 🎻 مسرح",
      city: "臺北",
      address: "中山南路21-1號",
    });
    expect(venue.name).toBe("國家音樂廳 🎻 مسرح");
  });

  it("stores text from elsewhere (a provider, an old row) in the audit log, made storable", async () => {
    const { db } = database();
    await recordAudit(db, {
      actorId: null,
      action: "payment.note",
      entityType: "payment",
      entityId: "p_\u0000",
      after: { message: "declined \ud800", "key\udc00": ["\u0000"] },
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "payment.note" } });
    expect(entry.entityId).toBe("p_\ufffd");
    expect(entry.after).toEqual({ message: "declined \ufffd", "key\ufffd": ["\ufffd"] });
  });
});

describe("numbers fit the int4 columns they are stored in", () => {
  it("refuses a price whose largest order would not fit an order's total", async () => {
    const { db } = database();
    const { api, venue } = await organizerEvent(db);
    const startsAt = new Date(Date.now() + 30 * 24 * 3600_000);
    const tooDear = Math.floor(INT4_MAX / MAX_SEATS_PER_ORDER) + 1;
    const error = await failure(
      api.events.create({
        venueId: venue.id,
        title: "Too dear",
        category: "CONCERT",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        maxSeatsPerOrder: MAX_SEATS_PER_ORDER,
        priceTiers: [{ name: "Gold", price: tooDear }],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("sells the most seats an order may have at the highest price", async () => {
    const { db } = database();
    const highest = bound(money, "max") as number;
    const { api, event, seatIds } = await organizerEvent(db, {
      rows: 5,
      seatsPerRow: 10,
      price: highest,
    });
    await api.events.update({ eventId: event.id, maxSeatsPerOrder: MAX_SEATS_PER_ORDER });
    const { caller: buyer } = await callerWithRole(db, "ATTENDEE");
    await buyer.reservation.hold({ eventId: event.id, seatIds });
    const order = await checkoutAndPay(buyer, event.id, "max-order-key");
    expect(order.status).toBe("PAID");
    expect(order.total).toBe(highest * MAX_SEATS_PER_ORDER);
  });
});
