// The platform admin console (R14, R15, users, audit log, mail): admins only, every procedure.

import { listAllEvents, listAllEventsInput } from "../services/admin/list-all-events.ts";
import { listAuditLog, listAuditLogInput } from "../services/admin/list-audit-log.ts";
import { listOutbox, listOutboxInput } from "../services/admin/mail/list-outbox.ts";
import {
  getLocalMail,
  getLocalMailInput,
  listLocalMailbox,
  listLocalMailboxInput,
} from "../services/admin/mail/local-mailbox.ts";
import { retryMail, retryMailInput } from "../services/admin/mail/retry-mail.ts";
import { getSalesCsv } from "../services/admin/sales-csv.ts";
import { getSalesReport, salesReportInput } from "../services/admin/sales-report.ts";
import { searchUsers, searchUsersInput } from "../services/admin/users/search-users.ts";
import { setUserRole, setUserRoleInput } from "../services/admin/users/set-user-role.ts";
import { suspendUser, suspendUserInput } from "../services/admin/users/suspend-user.ts";
import { unsuspendUser, unsuspendUserInput } from "../services/admin/users/unsuspend-user.ts";
import { adminProcedure, router } from "../trpc.ts";

const adminUsersRouter = router({
  search: adminProcedure
    .input(searchUsersInput)
    .query(({ ctx, input }) => searchUsers(ctx.db, input)),

  setRole: adminProcedure
    .input(setUserRoleInput)
    .mutation(({ ctx, input }) => setUserRole(ctx.db, input, ctx)),

  suspend: adminProcedure
    .input(suspendUserInput)
    .mutation(({ ctx, input }) => suspendUser(ctx.db, input, ctx)),

  unsuspend: adminProcedure
    .input(unsuspendUserInput)
    .mutation(({ ctx, input }) => unsuspendUser(ctx.db, input, ctx)),
});

const adminMailRouter = router({
  outbox: adminProcedure
    .input(listOutboxInput)
    .query(({ ctx, input }) => listOutbox(ctx.db, input)),

  retry: adminProcedure
    .input(retryMailInput)
    .mutation(({ ctx, input }) => retryMail(ctx.db, input, ctx)),

  mailbox: adminProcedure
    .input(listLocalMailboxInput)
    .query(({ ctx, input }) => listLocalMailbox(ctx.db, input)),

  message: adminProcedure
    .input(getLocalMailInput)
    .query(({ ctx, input }) => getLocalMail(ctx.db, input)),
});

export const adminRouter = router({
  events: adminProcedure
    .input(listAllEventsInput)
    .query(({ ctx, input }) => listAllEvents(ctx.db, input, ctx)),

  sales: adminProcedure
    .input(salesReportInput)
    .query(({ ctx, input }) => getSalesReport(ctx.db, input)),

  salesCsv: adminProcedure
    .input(salesReportInput)
    .query(({ ctx, input }) => getSalesCsv(ctx.db, input, ctx)),

  users: adminUsersRouter,

  mail: adminMailRouter,

  audit: adminProcedure
    .input(listAuditLogInput)
    .query(({ ctx, input }) => listAuditLog(ctx.db, input)),
});
