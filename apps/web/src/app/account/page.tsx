// The signed-in user's account: the address messages go to, and the way to move it to another.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import { ChangeEmailForm } from "./change-email-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("settingsTitle") };
}

export default async function AccountPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/account");
  const [t, me] = await Promise.all([getTranslations("account"), (await getServerApi()).auth.me()]);
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("settingsTitle")}</h1>
      <section aria-labelledby="current-email" className="flex flex-col gap-1">
        <h2 id="current-email" className="text-sm font-medium text-slate-600">
          {t("currentEmail")}
        </h2>
        <p className="flex flex-wrap items-center gap-2">
          <span data-testid="current-email" className="font-medium">
            {me.email}
          </span>
          <span
            className={
              me.emailVerified
                ? "rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800"
                : "rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900"
            }
          >
            {me.emailVerified ? t("emailVerified") : t("emailNotVerified")}
          </span>
        </p>
      </section>
      <section aria-labelledby="change-email" className="flex flex-col gap-2">
        <h2 id="change-email" className="text-lg font-semibold">
          {t("changeEmailTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("changeEmailIntro")}</p>
        <ChangeEmailForm />
      </section>
    </div>
  );
}
