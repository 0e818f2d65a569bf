"use client";
// The new password for a reset link. The link is checked when the form is sent: a forged, used
// or expired one replaces the form with what happened and a way to ask for a new link.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LinkProblem, useLinkProblem } from "~/components/account/link-problem";
import { FormField } from "~/components/form-field";
import { useWaitMessage } from "~/components/use-wait-message";
import { useTRPC } from "~/trpc/react";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const trpc = useTRPC();
  const waitMessage = useWaitMessage();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const error = reset.error;
  const linkProblem = useLinkProblem(error?.data?.details?.reason);

  if (reset.isSuccess) {
    return (
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("resetDone")}
        </p>
        <Link
          href="/sign-in"
          className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {t("signInNow")}
        </Link>
      </div>
    );
  }
  if (linkProblem)
    return (
      <LinkProblem message={linkProblem} retryHref="/forgot-password" retryLabel={t("askAgain")} />
    );

  const passwordError =
    "password" in (error?.data?.zodError?.fieldErrors ?? {}) ||
    error?.data?.details?.field === "password"
      ? t("passwordRules")
      : undefined;
  const generalError =
    error?.data?.code === "TOO_MANY_REQUESTS"
      ? waitMessage(error.data.details?.retryAfterSeconds)
      : error && !passwordError
        ? tAuth("genericError")
        : null;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const password = String(new FormData(event.currentTarget).get("password") ?? "");
        reset.mutate({ token, password });
      }}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6"
    >
      <FormField
        label={t("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={passwordError ? undefined : t("passwordRules")}
        error={passwordError}
      />
      {generalError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {generalError}
        </p>
      )}
      <button
        type="submit"
        disabled={reset.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {reset.isPending ? tAuth("working") : t("resetSubmit")}
      </button>
    </form>
  );
}
