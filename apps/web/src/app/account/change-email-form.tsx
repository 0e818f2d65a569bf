"use client";
// Asks for a new address and the current password. The answer is the same whether or not
// another account has the address (issue 14), and so is what this form says afterwards.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "~/components/form-field";
import { useWaitMessage } from "~/components/use-wait-message";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

type Field = "email" | "password";

export function ChangeEmailForm() {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const trpc = useTRPC();
  const waitMessage = useWaitMessage();
  const apiMessage = useApiMessage();
  const [email, setEmail] = useState("");
  const change = useMutation(trpc.auth.changeEmail.mutationOptions());
  const error = change.error;

  if (change.isSuccess) {
    return (
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("changeEmailSent", { email })}
        </p>
        <button
          type="button"
          onClick={() => change.reset()}
          className="self-start text-sm text-brand-700 underline hover:no-underline"
        >
          {t("forgotAgain")}
        </button>
      </div>
    );
  }

  const fieldErrors: Partial<Record<Field, string>> = {};
  const field = error?.data?.details?.field;
  if (error && (field === "email" || field === "password")) {
    fieldErrors[field] = apiMessage(error.message);
  }
  for (const [name, messages] of Object.entries(error?.data?.zodError?.fieldErrors ?? {})) {
    if (Array.isArray(messages) && messages[0])
      fieldErrors[name as Field] = apiMessage(messages[0]);
  }
  const generalError =
    error?.data?.code === "TOO_MANY_REQUESTS"
      ? waitMessage(error.data.details?.retryAfterSeconds)
      : error && Object.keys(fieldErrors).length === 0
        ? tAuth("genericError")
        : null;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const value = String(form.get("email") ?? "").trim();
        setEmail(value);
        change.mutate({ email: value, password: String(form.get("password") ?? "") });
      }}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6"
    >
      <FormField
        label={t("newEmail")}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <FormField
        label={t("currentPassword")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      {generalError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {generalError}
        </p>
      )}
      <button
        type="submit"
        disabled={change.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {change.isPending ? tAuth("working") : t("changeEmailSubmit")}
      </button>
    </form>
  );
}
