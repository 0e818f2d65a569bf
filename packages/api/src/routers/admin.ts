// The platform admin console (R14, R15, users, audit log): admins only, every procedure.

import { listAllEvents, listAllEventsInput } from "../services/admin/list-all-events.ts";
import { listAuditLog, listAuditLogInput } from "../services/admin/list-audit-log.ts";
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

  audit: adminProcedure
    .input(listAuditLogInput)
    .query(({ ctx, input }) => listAuditLog(ctx.db, input)),
});
