// @openticket/api — OpenTicket's typed API. Servers mount `appRouter` with a context from
// `createContext`; clients import the `AppRouter` type (see ./client.ts).
export { type Context, createContext, defaultSettings, type Settings } from "./context.ts";
export { DatabaseClock, type DatabaseClockOptions } from "./database-clock.ts";
export {
  AppError,
  type AppErrorDetails,
  type AppErrorReason,
  toTRPCError,
} from "./errors.ts";
export {
  type JobDependencies,
  type JobQueue,
  jobQueueFor,
  runDueJobs,
  startJobRunner,
} from "./jobs/job-queue.ts";
export {
  defaultLimitConfig,
  type LimitConfig,
  type LimiterStore,
  memoryStore,
  postgresStore,
  type RateLimitName,
  RateLimits,
  rateLimitsFor,
  redisStore,
} from "./rate-limits/index.ts";
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
export { signIn } from "./services/auth/sign-in.ts";
export {
  createDemoProvider,
  DEMO_SIGNATURE_HEADER,
  type DemoProvider,
  isDemoProvider,
} from "./services/payments/demo-provider.ts";
export { handlePaymentWebhook } from "./services/payments/handle-webhook.ts";
export { inProcessDemoProvider } from "./services/payments/in-process-demo.ts";
export {
  type PaymentProvider,
  PaymentProviderUnavailable,
  WebhookRejected,
} from "./services/payments/payment-provider.ts";
export { reconcilePayments } from "./services/payments/reconcile-payments.ts";
export { createStripeProvider } from "./services/payments/stripe-provider.ts";
export {
  type HoldExpirySweeper,
  startHoldExpirySweeper,
} from "./services/reservation/hold-expiry-sweeper.ts";
export { sweepExpiredHolds } from "./services/reservation/sweep-expired-holds.ts";
export { SeatChangeFeed } from "./services/seat-changes/feed.ts";
export type { Access, Meta } from "./trpc.ts";
