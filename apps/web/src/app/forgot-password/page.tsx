import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("account");
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">{t("forgotTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("forgotIntro")}</p>
      <ForgotPasswordForm />
    </div>
  );
}
