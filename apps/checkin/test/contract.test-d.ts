// The contract between this app and OpenTicket: the shapes of the procedures the app calls, as
// the router declares them. A change to one of them fails this typecheck (vitest --typecheck),
// and `tsc` fails on the app's own code that uses them; nothing here is a hand-written copy.
import type { RouterInputs, RouterOutputs } from "@openticket/api";
import type { verifyTicketCode } from "@openticket/api/ticket-code";
import { describe, expectTypeOf, it } from "vitest";
import type { api } from "../src/api.ts";

type Scan = RouterOutputs["checkin"]["scan"];
type Ticket = Extract<Scan, { outcome: "ADMITTED" }>["ticket"];

describe("the procedures the check-in app uses", () => {
  it("checkin.scan takes an event, a code, a door and a device", () => {
    expectTypeOf<RouterInputs["checkin"]["scan"]>().toEqualTypeOf<{
      eventId: string;
      code: string;
      door: string;
      deviceId: string;
    }>();
  });

  it("checkin.scan answers one of five outcomes, with the ticket where there is one", () => {
    expectTypeOf<Scan["outcome"]>().toEqualTypeOf<
      "ADMITTED" | "ALREADY_CHECKED_IN" | "CANCELLED" | "WRONG_EVENT" | "UNKNOWN"
    >();
    expectTypeOf<Ticket>().toEqualTypeOf<{
      ticketId: string;
      seat: string;
      section: string;
      tier: string;
      ticketType: string | null;
      holder: string;
    }>();
    expectTypeOf<Extract<Scan, { outcome: "ALREADY_CHECKED_IN" }>>().toMatchTypeOf<{
      checkedInAt: Date | null;
      door: string | null;
    }>();
    expectTypeOf<Extract<Scan, { outcome: "UNKNOWN" }>>().toEqualTypeOf<{ outcome: "UNKNOWN" }>();
  });

  it("checkin.events lists what a station needs; checkin.undo takes an event and a ticket", () => {
    expectTypeOf<RouterOutputs["checkin"]["events"][number]>().toEqualTypeOf<{
      id: string;
      title: string;
      startsAt: Date;
      endsAt: Date;
      venue: { name: string; timeZone: string };
      canUndo: boolean;
    }>();
    expectTypeOf<RouterInputs["checkin"]["undo"]>().toEqualTypeOf<{
      eventId: string;
      ticketId: string;
    }>();
    expectTypeOf<RouterOutputs["checkin"]["undo"]>().toEqualTypeOf<{
      ticketId: string;
      undone: boolean;
    }>();
  });

  it("checkin.offlineKit gives the event's public keys and the tickets not to let in", () => {
    expectTypeOf<RouterInputs["checkin"]["offlineKit"]>().toEqualTypeOf<{ eventId: string }>();
    expectTypeOf<RouterOutputs["checkin"]["offlineKit"]>().toMatchTypeOf<{
      eventId: string;
      keys: { number: number; publicKey: string }[];
      cancelled: string[];
      checkedIn: string[];
      unsignedTickets: number;
    }>();
    // The keys are what the code verifier takes.
    expectTypeOf<RouterOutputs["checkin"]["offlineKit"]["keys"]>().toMatchTypeOf<
      Parameters<typeof verifyTicketCode>[1]
    >();
  });

  it("checkin.sync takes a door's offline scans and answers each, conflicts included", () => {
    type Sync = RouterInputs["checkin"]["sync"];
    expectTypeOf<Omit<Sync, "scans">>().toEqualTypeOf<{
      eventId: string;
      door: string;
      deviceId: string;
    }>();
    expectTypeOf<Omit<Sync["scans"][number], "scannedAt">>().toEqualTypeOf<{
      localId: string;
      code: string;
    }>();
    expectTypeOf<Date>().toMatchTypeOf<Sync["scans"][number]["scannedAt"]>();
    expectTypeOf<RouterOutputs["checkin"]["sync"]["results"][number]>().toEqualTypeOf<{
      localId: string;
      outcome: "ADMITTED" | "DUPLICATE" | "CANCELLED" | "WRONG_EVENT" | "UNKNOWN";
      ticket: Ticket | null;
      firstScan: boolean | null;
      other: { door: string | null; at: Date } | null;
    }>();
  });

  it("the client the app holds is the typed client of that router", () => {
    expectTypeOf<typeof api.checkin.scan.mutate>()
      .parameter(0)
      .toEqualTypeOf<RouterInputs["checkin"]["scan"]>();
  });
});
