// admin.audit: the audit log newest first, with actor usernames, filterable and paged; the
// entries the admin actions write can be found by each filter.
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/services/audit/record-audit.ts";
import { callerFor } from "./helpers/callers.ts";
import { failure } from "./helpers/refusals.ts";

const database = useTestDatabase();

let alice: Awaited<ReturnType<typeof makeUser>>;
let bob: Awaited<ReturnType<typeof makeUser>>;
let target: Awaited<ReturnType<typeof makeUser>>;
const api = () => callerFor(database().db, alice).admin;

beforeAll(async () => {
  const { db } = database();
  alice = await makeUser(db, { role: "ADMIN", username: "audit_alice" });
  bob = await makeUser(db, { role: "ADMIN", username: "audit_bob" });
  target = await makeUser(db);
  // Older entries at known times, as an organizer's actions would write them.
  for (const [day, action] of [
    [1, "event.publish"],
    [2, "seat.block"],
    [3, "event.cancel"],
  ] as const) {
    await db.auditLog.create({
      data: {
        actorId: bob.id,
        action,
        entityType: action.split(".")[0] as string,
        entityId: `entity-${day}`,
        createdAt: new Date(`2026-01-0${day}T00:00:00Z`),
      },
    });
  }
  // Then the admin actions themselves.
  await callerFor(db, alice).admin.users.setRole({ userId: target.id, role: "ORGANIZER" });
  await callerFor(db, bob).admin.users.suspend({ userId: target.id, reason: "spam" });
  await callerFor(db, alice).admin.users.unsuspend({ userId: target.id });
});

const actions = (result: { items: { action: string }[] }) => result.items.map((i) => i.action);

describe("admin.audit", () => {
  it("lists entries newest first, with the actor's username", async () => {
    const { items, nextCursor } = await api().audit();
    expect(actions({ items })).toEqual([
      "user.unsuspend",
      "user.suspend",
      "user.role",
      "event.cancel",
      "seat.block",
      "event.publish",
    ]);
    expect(nextCursor).toBeNull();
    expect(items[1]).toMatchObject({
      actor: { id: bob.id, username: "audit_bob", displayName: bob.displayName },
      // Named for a person to read, not by its id.
      entityName: `${target.displayName} (@${target.username})`,
      entityType: "user",
      entityId: target.id,
      before: { suspendedAt: null },
      after: { reason: "spam" },
    });
  });

  it("filters by actor, action, entity and time", async () => {
    expect(actions(await api().audit({ actorId: alice.id }))).toEqual([
      "user.unsuspend",
      "user.role",
    ]);
    expect(actions(await api().audit({ action: "user.suspend" }))).toEqual(["user.suspend"]);
    expect(actions(await api().audit({ entityType: "event" }))).toEqual([
      "event.cancel",
      "event.publish",
    ]);
    expect(actions(await api().audit({ entityType: "user", entityId: target.id }))).toEqual([
      "user.unsuspend",
      "user.suspend",
      "user.role",
    ]);
    expect(
      actions(
        await api().audit({
          from: new Date("2026-01-02T00:00:00Z"),
          to: new Date("2026-01-03T00:00:00Z"),
        }),
      ),
    ).toEqual(["seat.block"]);
    expect(
      actions(await api().audit({ actorId: bob.id, from: new Date("2026-01-02T00:00:00Z") })),
    ).toEqual(["user.suspend", "event.cancel", "seat.block"]);
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await api().audit({ limit: 2, cursor });
      seen.push(...actions(result));
      cursor = result.nextCursor ?? undefined;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(actions(await api().audit()));
  });

  it("keeps the entries of a deleted actor, without the actor", async () => {
    const { db } = database();
    const gone = await makeUser(db, { role: "ADMIN" });
    await recordAudit(db, {
      actorId: gone.id,
      action: "test.gone",
      entityType: "test",
      entityId: "gone",
    });
    await db.user.delete({ where: { id: gone.id } });
    const { items } = await api().audit({ action: "test.gone" });
    expect(items).toEqual([expect.objectContaining({ actor: null, entityId: "gone" })]);
  });

  it.each([
    ["an actor id that is not a uuid", { actorId: "alice" }],
    ["a reversed range", { from: new Date("2026-02-01"), to: new Date("2026-01-01") }],
    ["an empty action", { action: "  " }],
    ["a limit of zero", { limit: 0 }],
  ])("refuses %s with BAD_REQUEST", async (_, input) => {
    expect((await failure(api().audit(input as never))).code).toBe("BAD_REQUEST");
  });

  it("is for admins only", async () => {
    const { db } = database();
    for (const role of ["ORGANIZER", "ATTENDEE"] as const) {
      const caller = callerFor(db, await makeUser(db, { role }));
      expect((await failure(caller.admin.audit())).code).toBe("FORBIDDEN");
    }
    expect((await failure(callerFor(db, null).admin.audit())).code).toBe("UNAUTHORIZED");
  });
});
