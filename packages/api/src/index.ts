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
  jobQueueDepth,
  jobQueueFor,
  runDueJobs,
  startJobRunner,
} from "./jobs/job-queue.ts";
export {
  currentRequestId,
  type LogLevel,
  logger,
  requestIdFor,
  setLogLevel,
  withRequestId,
} from "./observability/logger.ts";
export {
  metrics,
  observeDatabasePool,
  observeJobQueue,
  observeRequestGate,
  observeWaitingRooms,
  scrapeMetrics,
} from "./observability/metrics.ts";
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
export { SessionUsers, type SessionUsersOptions } from "./services/auth/session-cache.ts";
export {
  resolveSessionUser,
  type SessionClaims,
  type SessionUser,
} from "./services/auth/session-user.ts";
export { signIn } from "./services/auth/sign-in.ts";
export {
  coverTooLarge,
  MAX_COVER_BYTES,
} from "./services/event-cover/cover-image.ts";
export { type CoverStorage, diskCoverStorage } from "./services/event-cover/cover-storage.ts";
export { checkReadiness, type Readiness } from "./services/health/readiness.ts";
export {
  type CoverCaller,
  removeEventCover,
  setEventCover,
} from "./services/organizer/events/set-cover.ts";
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
export { getSeatLayout, type ServerSeatLayout } from "./services/seat-map/layout.ts";
export { openWaitingRooms } from "./services/waiting-room/open-rooms.ts";
export type { WaitingRoomQueue } from "./services/waiting-room/queue.ts";
export { waitingRoomQueueFor } from "./services/waiting-room/queue-for.ts";
export type { Access, Meta } from "./trpc.ts";
