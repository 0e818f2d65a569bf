"use client";
// Asks for a reset link. The answer is the same whether or not the address has an account, and
// so is what this form says afterwards.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "~/components/form-field";
import { useWaitMessage } from "~/components/use-wait-message";
import { useTRPC } from "~/trpc/react";

export function ForgotPasswordForm() {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const trpc = useTRPC();
  const waitMessage = useWaitMessage();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const error = request.error;

  if (request.isSuccess) {
    return (
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("forgotSent", { email })}
        </p>
        <button
          type="button"
          onClick={() => request.reset()}
          className="self-start text-sm text-brand-700 underline hover:no-underline"
        >
          {t("forgotAgain")}
        </button>
      </div>
    );
  }

  const fieldError =
    "email" in (error?.data?.zodError?.fieldErrors ?? {}) ? t("invalidEmail") : undefined;
  const generalError =
    error?.data?.code === "TOO_MANY_REQUESTS"
      ? waitMessage(error.data.details?.retryAfterSeconds)
      : error && !fieldError
        ? tAuth("genericError")
        : null;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("email") ?? "").trim();
        setEmail(value);
        request.mutate({ email: value });
      }}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6"
    >
      <FormField
        label={tAuth("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldError}
      />
      {generalError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {generalError}
        </p>
      )}
      <button
        type="submit"
        disabled={request.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {request.isPending ? tAuth("working") : t("forgotSubmit")}
      </button>
    </form>
  );
}
