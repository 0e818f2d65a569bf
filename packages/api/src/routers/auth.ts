import { changeEmail, changeEmailInput } from "../services/auth/change-email.ts";
import { checkAccountToken, checkResetLinkInput } from "../services/auth/check-account-token.ts";
import { registerInput, registerUser } from "../services/auth/register.ts";
import {
  requestPasswordReset,
  requestPasswordResetInput,
} from "../services/auth/request-password-reset.ts";
import { resendVerification } from "../services/auth/resend-verification.ts";
import { resetPassword, resetPasswordInput } from "../services/auth/reset-password.ts";
import { setLocale, setLocaleInput } from "../services/auth/set-locale.ts";
import { verifyEmail, verifyEmailInput } from "../services/auth/verify-email.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  register: publicProcedure
    .meta({ rateLimit: "signUp" })
    .input(registerInput)
    .mutation(({ ctx, input }) => registerUser(ctx.db, input, ctx)),

  requestPasswordReset: publicProcedure
    .meta({ rateLimit: "accountMail" })
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input, ctx)),

  resetPassword: publicProcedure
    .meta({ rateLimit: "accountLinks" })
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input, ctx)),

  checkResetLink: publicProcedure
    .meta({ rateLimit: "accountLinks" })
    .input(checkResetLinkInput)
    .query(({ ctx, input }) => checkAccountToken(ctx.db, input.token, "PASSWORD_RESET", ctx)),

  verifyEmail: publicProcedure
    .meta({ rateLimit: "accountLinks" })
    .input(verifyEmailInput)
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input, ctx)),

  resendVerification: authedProcedure
    .meta({ rateLimit: "accountMail" })
    .mutation(({ ctx }) => resendVerification(ctx.db, ctx)),

  changeEmail: authedProcedure
    .meta({ rateLimit: "accountMail" })
    .input(changeEmailInput)
    .mutation(({ ctx, input }) => changeEmail(ctx.db, input, ctx)),

  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => setLocale(ctx.db, input, ctx)),

  me: authedProcedure.query(async ({ ctx }) => {
    const { emailVerifiedAt, ...me } = await ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: {
        id: true,
        username: true,
        email: true,
        displayName: true,
        phone: true,
        role: true,
        locale: true,
        emailVerifiedAt: true,
        createdAt: true,
      },
    });
    return { ...me, emailVerified: emailVerifiedAt !== null };
  }),
});
