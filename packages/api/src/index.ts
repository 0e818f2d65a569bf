// @openticket/api — OpenTicket's typed API. Servers mount `appRouter` with a context from
// `createContext`; clients import the `AppRouter` type (see ./client.ts).
export { type Context, createContext, defaultSettings, type Settings } from "./context.ts";
export {
  AppError,
  type AppErrorDetails,
  type AppErrorReason,
  toTRPCError,
} from "./errors.ts";
export {
  type AppRouter,
  appRouter,
  createCaller,
  type RouterInputs,
  type RouterOutputs,
} from "./root.ts";
export { verifyCredentials } from "./services/auth/credentials.ts";
export {
  resolveSessionUser,
  type SessionClaims,
  type SessionUser,
} from "./services/auth/session-user.ts";
export {
  DEMO_DECLINED_CARD,
  demoPaymentProvider,
  type PaymentProvider,
} from "./services/payments/payment-provider.ts";
export { sweepExpiredHolds } from "./services/reservation/sweep-expired-holds.ts";
export { SeatChangeFeed } from "./services/seat-changes/feed.ts";
export type { Access, Meta } from "./trpc.ts";
