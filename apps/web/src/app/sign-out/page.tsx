import { getTranslations } from "next-intl/server";
import { SignOutButton } from "~/components/sign-out-button";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signOutTitle") };
}

export default async function SignOutPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("signOutTitle")}</h1>
      <p className="text-slate-700">{t("signOutConfirm")}</p>
      <SignOutButton label={t("signOutTitle")} />
    </div>
  );
}
