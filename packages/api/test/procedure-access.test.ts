// The one table of who may call what. A procedure added without an entry here fails this test,
// and each entry is checked by calling the procedure as each role.
import type { Role } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import type { Access } from "../src/trpc.ts";
import { callerFor } from "./helpers/callers.ts";

const ACCESS: Record<string, Access> = {
  "auth.register": "public",
  "auth.me": "authed",
  "auth.requestPasswordReset": "public",
  "auth.resetPassword": "public",
  "auth.checkResetLink": "public",
  "auth.verifyEmail": "public",
  "auth.resendVerification": "authed",
  "auth.changeEmail": "authed",
  "auth.setLocale": "authed",
  "event.list": "public",
  "event.cities": "public",
  "event.byId": "public",
  "event.seatMap": "public",
  "event.ticketTypes": "public",
  "event.onSeatChange": "public",
  "event.seatLayout": "public",
  "event.seatStatus": "public",
  "event.onSeatStatus": "public",
  "reservation.hold": "authed",
  "reservation.holdBestAvailable": "authed",
  "reservation.release": "authed",
  "reservation.mine": "authed",
  "waitingRoom.join": "authed",
  "waitingRoom.place": "authed",
  "order.checkout": "authed",
  "order.previewDiscount": "authed",
  "order.list": "authed",
  "order.byId": "authed",
  "order.cancel": "authed",
  "order.resendTickets": "authed",
  "admin.events": "admin",
  "admin.sales": "admin",
  "admin.salesCsv": "admin",
  "admin.users.search": "admin",
  "admin.users.setRole": "admin",
  "admin.users.suspend": "admin",
  "admin.users.unsuspend": "admin",
  "admin.audit": "admin",
  "admin.mail.outbox": "admin",
  "admin.mail.retry": "admin",
  "admin.mail.mailbox": "admin",
  "admin.mail.message": "admin",
  "organizer.venues.list": "organizer",
  "organizer.venues.byId": "organizer",
  "organizer.venues.create": "organizer",
  "organizer.venues.update": "organizer",
  "organizer.venues.addSection": "organizer",
  "organizer.venues.addStandingZone": "organizer",
  "organizer.ticketTypes.list": "organizer",
  "organizer.ticketTypes.create": "organizer",
  "organizer.ticketTypes.update": "organizer",
  "organizer.ticketTypes.delete": "organizer",
  "organizer.venues.removeSeats": "organizer",
  "organizer.venues.removeSection": "organizer",
  "organizer.venues.importLayout": "organizer",
  "organizer.events.list": "organizer",
  "organizer.events.byId": "organizer",
  "organizer.events.create": "organizer",
  "organizer.events.update": "organizer",
  "organizer.events.setSeatTiers": "organizer",
  "organizer.events.publish": "organizer",
  "organizer.events.delete": "organizer",
  "organizer.events.cancel": "organizer",
  "organizer.seats.map": "organizer",
  "organizer.seats.block": "organizer",
  "organizer.seats.unblock": "organizer",
  "organizer.waitingRoom.get": "organizer",
  "organizer.waitingRoom.set": "organizer",
  "organizer.discountCodes.list": "organizer",
  "organizer.discountCodes.create": "organizer",
  "organizer.discountCodes.update": "organizer",
  "organizer.discountCodes.delete": "organizer",
  "organizer.sales": "organizer",
  "organizer.attendees": "organizer",
  "organizer.attendeesCsv": "organizer",
  "organizer.analytics": "organizer",
  "organizer.comparison": "organizer",
  "me.attendedEvents": "authed",
  "me.recommendations": "authed",
  "demoPayment.byReference": "public",
  "demoPayment.approve": "public",
  "demoPayment.decline": "public",
  "demoPayment.cancel": "public",
  "checkin.events": "authed",
  "checkin.scan": "authed",
  "checkin.offlineKit": "authed",
  "checkin.sync": "authed",
  "checkin.rotateKey": "organizer",
  "checkin.undo": "organizer",
  "checkin.counts": "organizer",
  "checkin.recent": "organizer",
  "checkin.staff.list": "organizer",
  "checkin.staff.invite": "organizer",
  "checkin.staff.remove": "organizer",
};

const ALLOWED: Record<Access, (Role | null)[]> = {
  public: [null, "ATTENDEE", "ORGANIZER", "ADMIN"],
  authed: ["ATTENDEE", "ORGANIZER", "ADMIN"],
  organizer: ["ORGANIZER", "ADMIN"],
  admin: ["ADMIN"],
};

const database = useTestDatabase();
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { meta?: { access?: Access } } }
>;

async function call(path: string, role: Role | null) {
  const { db } = database();
  const user = role ? await makeUser(db, { role }) : null;
  let target: unknown = callerFor(db, user);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  // Deliberately invalid input: access is decided before input is even parsed.
  return (target as (input: unknown) => Promise<unknown>)({ __invalid: true }).then(
    () => null,
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}

describe("procedure access", () => {
  it("lists every procedure, and each declares the access the table says", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(ACCESS).sort());
    for (const [path, procedure] of Object.entries(procedures)) {
      expect({ path, access: procedure._def.meta?.access }).toEqual({ path, access: ACCESS[path] });
    }
  });

  for (const [path, access] of Object.entries(ACCESS)) {
    it(`${path} (${access}) refuses whoever may not call it`, async () => {
      for (const role of [null, "ATTENDEE", "ORGANIZER", "ADMIN"] as const) {
        const code = await call(path, role);
        if (ALLOWED[access].includes(role)) {
          expect({ role, code }).not.toEqual({ role, code: role ? "FORBIDDEN" : "UNAUTHORIZED" });
        } else {
          expect({ role, code }).toEqual({ role, code: role ? "FORBIDDEN" : "UNAUTHORIZED" });
        }
      }
    });
  }
});
