// The one place an unverified account learns what it may not do yet: shown under the header on
// every page while the signed-in user's address is unverified (they may browse and hold seats,
// but checkout refuses to take payment until the address is verified).
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import { ResendVerificationButton } from "./resend-verification-button";

export async function VerifyEmailBanner() {
  if (!(await getSessionUser())) return null;
  const me = await (await getServerApi()).auth.me().catch(() => null);
  if (!me || me.emailVerified) return null;
  const t = await getTranslations("account");
  return (
    <section
      aria-label={t("verifyTitle")}
      data-testid="verify-email-banner"
      className="border-b border-amber-200 bg-amber-50"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm text-amber-950">
        <p>{t("bannerText", { email: me.email })}</p>
        <ResendVerificationButton />
      </div>
    </section>
  );
}
