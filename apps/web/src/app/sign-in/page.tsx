import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackUrl } from "~/format/callback-url";
import { getSessionUser } from "~/server/auth";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  // A repeated parameter arrives as an array: safeCallbackUrl sends those home.
  searchParams: Promise<{ callbackUrl?: string | string[]; registered?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("signInTitle")}</h1>
      {params.registered && (
        <p role="status" className="mb-4 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("signedUp")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
