"use client";
// Opens a verification link: the token is spent from the browser, after the page loaded, so
// that a mail scanner fetching the link's HTML verifies nothing.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { LinkProblem, useLinkProblem } from "~/components/account/link-problem";
import { useTRPC } from "~/trpc/react";

export function VerifyEmail({ token }: { token: string }) {
  const t = useTranslations("account");
  const tAuth = useTranslations("auth");
  const trpc = useTRPC();
  const router = useRouter();
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const started = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate({ token });
  }, [mutate, token]);

  const reason = verify.error?.data?.details?.reason;
  const linkProblem = useLinkProblem(reason);
  if (reason === "EMAIL_TAKEN") {
    return (
      <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
        {t("emailTakenMeanwhile")}
      </p>
    );
  }
  if (linkProblem) {
    return (
      <LinkProblem
        message={linkProblem}
        retryHref="/sign-in"
        retryLabel={t("resendVerification")}
      />
    );
  }
  if (verify.isSuccess && verify.data.changed) {
    // Moving the address signed every session out, this browser's too: sign in again.
    return (
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("emailChanged", { email: verify.data.email })}
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
  if (verify.isSuccess) {
    return (
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("verified", { email: verify.data.email })}
        </p>
        <Link
          href="/"
          className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {t("browseEvents")}
        </Link>
      </div>
    );
  }
  if (verify.isError) {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {tAuth("genericError")}
      </p>
    );
  }
  return (
    <p role="status" aria-busy="true" className="text-sm text-slate-600">
      {t("verifying")}
    </p>
  );
}
