// checkin.* (issue 17): door scanning, for the check-in app (apps/checkin). Organizers, admins
// and invited door staff scan; only the organizer (or an admin) undoes scans, sees the counts
// and recent admissions, manages door staff and rotates the event's code-signing key. Devices
// take an offline kit (the public key) and sync the scans they made offline. Who may scan which
// event: services/checkin/scanner-access.ts.
import { countCheckIns, countCheckInsInput } from "../services/checkin/count-check-ins.ts";
import {
  inviteDoorStaff,
  inviteDoorStaffInput,
  listDoorStaff,
  listDoorStaffInput,
  removeDoorStaff,
  removeDoorStaffInput,
} from "../services/checkin/door-staff.ts";
import {
  listRecentCheckIns,
  listRecentCheckInsInput,
} from "../services/checkin/list-recent-check-ins.ts";
import { listScannableEvents } from "../services/checkin/list-scannable-events.ts";
import { offlineKit, offlineKitInput } from "../services/checkin/offline-kit.ts";
import { rotateSigningKey, rotateSigningKeyInput } from "../services/checkin/rotate-signing-key.ts";
import { scanTicket, scanTicketInput } from "../services/checkin/scan-ticket.ts";
import { syncOfflineScans, syncOfflineScansInput } from "../services/checkin/sync-offline-scans.ts";
import { undoCheckIn, undoCheckInInput } from "../services/checkin/undo-check-in.ts";
import { authedProcedure, organizerProcedure, router } from "../trpc.ts";

export const checkinRouter = router({
  events: authedProcedure.query(({ ctx }) => listScannableEvents(ctx.db, ctx)),

  scan: authedProcedure.input(scanTicketInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits?.spendScan(ctx.user.id, input.deviceId);
    return scanTicket(ctx.db, input, ctx);
  }),

  /** What a device needs to scan offline: the event's public key and the tickets not to admit. */
  offlineKit: authedProcedure
    .input(offlineKitInput)
    .query(({ ctx, input }) => offlineKit(ctx.db, input, ctx)),

  /** Scans a device made offline, reported when it is back; retried syncs record nothing twice. */
  sync: authedProcedure.input(syncOfflineScansInput).mutation(async ({ ctx, input }) => {
    await ctx.rateLimits?.spendScan(ctx.user.id, input.deviceId);
    return syncOfflineScans(ctx.db, input, ctx);
  }),

  /** A new signing key for the event; every live ticket's code is re-issued with it. */
  rotateKey: organizerProcedure
    .input(rotateSigningKeyInput)
    .mutation(({ ctx, input }) => rotateSigningKey(ctx.db, input, ctx)),

  undo: organizerProcedure
    .input(undoCheckInInput)
    .mutation(({ ctx, input }) => undoCheckIn(ctx.db, input, ctx)),

  counts: organizerProcedure
    .input(countCheckInsInput)
    .query(({ ctx, input }) => countCheckIns(ctx.db, input, ctx)),

  recent: organizerProcedure
    .input(listRecentCheckInsInput)
    .query(({ ctx, input }) => listRecentCheckIns(ctx.db, input, ctx)),

  staff: {
    list: organizerProcedure
      .input(listDoorStaffInput)
      .query(({ ctx, input }) => listDoorStaff(ctx.db, input, ctx)),
    invite: organizerProcedure
      .input(inviteDoorStaffInput)
      .mutation(({ ctx, input }) => inviteDoorStaff(ctx.db, input, ctx)),
    remove: organizerProcedure
      .input(removeDoorStaffInput)
      .mutation(({ ctx, input }) => removeDoorStaff(ctx.db, input, ctx)),
  },
});
