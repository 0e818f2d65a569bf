export { rateLimitsFor } from "./from-urls.ts";
export { type LimiterStore, memoryStore, postgresStore, redisStore } from "./limiter-store.ts";
export { defaultLimitConfig, type LimitConfig } from "./limits-config.ts";
export { type RateLimitName, RateLimits } from "./rate-limits.ts";
