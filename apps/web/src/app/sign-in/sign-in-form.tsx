"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "~/components/form-field";
import { useWaitMessage } from "~/components/use-wait-message";

/** How the server says a login is locked: this, then the seconds to wait (server/auth.ts). */
const LOCKED = "TooManyAttempts:";
/** How the server says the password was right but the account is suspended (server/auth.ts). */
const SUSPENDED = "AccountSuspended";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const tAccount = useTranslations("account");
  const router = useRouter();
  const waitMessage = useWaitMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      login: String(form.get("login") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(callbackUrl);
      router.refresh();
      return;
    }
    const failure = result?.error ?? "";
    setError(
      failure === "CredentialsSignin"
        ? t("invalidCredentials")
        : failure === SUSPENDED
          ? tAccount("accountSuspended")
          : failure.startsWith(LOCKED)
            ? waitMessage(Number(failure.slice(LOCKED.length)))
            : t("genericError"),
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6"
    >
      <FormField label={t("login")} name="login" autoComplete="username" required />
      <FormField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Link href="/forgot-password" className="-mt-2 self-end text-sm text-brand-700 underline">
        {tAccount("forgotLink")}
      </Link>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("working") : t("submitSignIn")}
      </button>
      <p className="text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="text-brand-700 underline"
        >
          {t("submitSignUp")}
        </Link>
      </p>
    </form>
  );
}
