// tRPC setup: the procedure builders by role, and the error formatter.
// Default denial: every procedure must declare who may call it through one of the builders
// below; a procedure without `meta.access` is refused at run time and by the access test.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Context } from "./context.ts";
import { AppError, toTRPCError } from "./errors.ts";
import { defaultValidationMessage } from "./messages.ts";
import { metrics, outcomeOf } from "./observability/metrics.ts";
import { holdLiveStream, spendForProcedure } from "./rate-limits/procedure-limits.ts";
import type { RateLimitName } from "./rate-limits/rate-limits.ts";

export type Access = "public" | "authed" | "organizer" | "admin";
export type Meta = {
  access?: Access;
  /** The request-rate limit this procedure spends from (rate-limits/rate-limits.ts). */
  rateLimit?: RateLimitName;
};

// Where a schema names no message, say it in a sentence the web can translate (messages.ts).
z.config({ customError: defaultValidationMessage });

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      const details = error.cause instanceof AppError ? (error.cause.details ?? null) : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        // Never leak SQL, Prisma or stack details of an unexpected error.
        message: internal ? "Something went wrong on our side." : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError,
          details,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const guarded = t.procedure.use(async ({ meta, path, type, next }) => {
  const started = performance.now();
  // A live stream's "duration" is how long a seat map stayed open: not a latency.
  const timed = (outcome: string) => {
    if (type === "subscription") return;
    const seconds = (performance.now() - started) / 1000;
    metrics.procedureDuration.observe({ procedure: path, outcome }, seconds);
  };
  if (!meta?.access) {
    timed("FORBIDDEN");
    throw new TRPCError({ code: "FORBIDDEN", message: "This procedure declares no access rule." });
  }
  const result = await next();
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR; give domain errors
  // and database refusals their real code.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause) {
    const error = toTRPCError(result.error.cause);
    timed(outcomeOf(error));
    throw error;
  }
  timed(result.ok ? "ok" : outcomeOf(result.error));
  return result;
});

// Runs after the role check, so limits count only callers who may call the procedure, and
// per-user limits see the signed-in user.
const limited = t.middleware(async ({ meta, ctx, type, next }) => {
  // A refusal thrown here is an AppError; `guarded` gives it its TOO_MANY_REQUESTS code.
  if (meta?.rateLimit) await spendForProcedure(meta.rateLimit, ctx);
  const result = await next();
  if (type === "subscription" && meta?.rateLimit === "liveStreams" && result.ok) {
    const stream = await holdLiveStream(ctx, result.data as AsyncIterable<unknown>);
    return { ...result, data: stream };
  }
  return result;
});

export const publicProcedure = guarded.meta({ access: "public" }).use(limited);

export const authedProcedure = guarded
  .meta({ access: "authed" })
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    return next({ ctx: { ...ctx, user: ctx.user } });
  })
  .use(limited);

export const organizerProcedure = guarded
  .meta({ access: "organizer" })
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    if (ctx.user.role !== "ORGANIZER" && ctx.user.role !== "ADMIN") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Organizers only." });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  })
  .use(limited);

export const adminProcedure = guarded
  .meta({ access: "admin" })
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    if (ctx.user.role !== "ADMIN") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Platform admins only." });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  })
  .use(limited);
