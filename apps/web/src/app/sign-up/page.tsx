import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackUrl } from "~/format/callback-url";
import { getSessionUser } from "~/server/auth";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({
  searchParams,
}: {
  // A repeated parameter arrives as an array: safeCallbackUrl sends those home.
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
