// tRPC setup: the procedure builders by role, and the error formatter.
// Default denial: every procedure must declare who may call it through one of the builders
// below; a procedure without `meta.access` is refused at run time and by the access test.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Context } from "./context.ts";
import { AppError, toTRPCError } from "./errors.ts";

export type Access = "public" | "authed" | "organizer" | "admin";
export type Meta = { access?: Access };

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

const guarded = t.procedure.use(async ({ meta, next }) => {
  if (!meta?.access) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This procedure declares no access rule." });
  }
  const result = await next();
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR; give domain errors
  // and database refusals their real code.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = guarded.meta({ access: "public" });

export const authedProcedure = guarded.meta({ access: "authed" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const organizerProcedure = guarded.meta({ access: "organizer" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (ctx.user.role !== "ORGANIZER" && ctx.user.role !== "ADMIN") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Organizers only." });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = guarded.meta({ access: "admin" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (ctx.user.role !== "ADMIN") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Platform admins only." });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
