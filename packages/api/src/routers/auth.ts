import { registerInput, registerUser } from "../services/auth/register.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  register: publicProcedure
    .meta({ rateLimit: "signUp" })
    .input(registerInput)
    .mutation(({ ctx, input }) => registerUser(ctx.db, input)),

  me: authedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: {
        id: true,
        username: true,
        email: true,
        displayName: true,
        phone: true,
        role: true,
        createdAt: true,
      },
    }),
  ),
});
