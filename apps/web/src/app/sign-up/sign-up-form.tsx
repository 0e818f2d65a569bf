"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { FormField } from "~/components/form-field";
import { useWaitMessage } from "~/components/use-wait-message";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

type Field = "username" | "email" | "password" | "displayName" | "phone";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const waitMessage = useWaitMessage();
  const apiMessage = useApiMessage();
  const register = useMutation(trpc.auth.register.mutationOptions());

  const error = register.error;
  const fieldErrors: Partial<Record<Field, string>> = {};
  if (error?.data?.code === "CONFLICT") {
    const field = error.data.details?.field;
    if (field === "username") fieldErrors.username = t("usernameTaken");
  }
  for (const [field, messages] of Object.entries(error?.data?.zodError?.fieldErrors ?? {})) {
    if (Array.isArray(messages) && messages[0])
      fieldErrors[field as Field] = apiMessage(messages[0]);
  }
  const generalError =
    error?.data?.code === "TOO_MANY_REQUESTS"
      ? waitMessage(error.data.details?.retryAfterSeconds)
      : error && Object.keys(fieldErrors).length === 0
        ? t("genericError")
        : null;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: Field) => String(form.get(key) ?? "").trim();
    const input = {
      username: text("username"),
      email: text("email"),
      password: String(form.get("password") ?? ""),
      displayName: text("displayName") || undefined,
      phone: text("phone") || undefined,
      locale: locale === "zh-TW" ? ("zh-TW" as const) : ("en" as const),
    };
    // A new account and an address that already had one get the same answer: the page after
    // must not differ either, so nobody is signed in here (issue 14).
    const answer = await register.mutateAsync(input).catch(() => null);
    if (!answer) return;
    router.push(`/sign-up/check-inbox?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }

  const pending = register.isPending || register.isSuccess;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6"
    >
      <FormField
        label={t("username")}
        name="username"
        autoComplete="username"
        required
        error={fieldErrors.username}
      />
      <FormField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <FormField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={fieldErrors.password}
      />
      <FormField
        label={t("displayName")}
        name="displayName"
        autoComplete="name"
        error={fieldErrors.displayName}
      />
      <FormField
        label={t("phone")}
        name="phone"
        type="tel"
        autoComplete="tel"
        error={fieldErrors.phone}
      />
      {generalError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {generalError}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("working") : t("submitSignUp")}
      </button>
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="text-brand-700 underline"
        >
          {t("submitSignIn")}
        </Link>
      </p>
    </form>
  );
}
