import { getTranslations } from "next-intl/server";
import { LinkProblem } from "~/components/account/link-problem";
import { getServerApi } from "~/trpc/server";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("resetTitle") };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("account");
  const usable = typeof token === "string" && token.length > 0;
  // Said before anyone types a new password; resetPassword still decides when it is sent.
  const state = usable
    ? await (await getServerApi()).auth.checkResetLink({ token }).then(
        (result) => result.state,
        () => "TOKEN_INVALID" as const,
      )
    : null;
  const problem =
    state === "TOKEN_USED"
      ? t("tokenUsed")
      : state === "TOKEN_EXPIRED"
        ? t("tokenExpired")
        : state === "TOKEN_INVALID"
          ? t("tokenInvalid")
          : usable
            ? null
            : t("missingToken");
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("resetTitle")}</h1>
      {usable && !problem ? (
        <ResetPasswordForm token={token} />
      ) : (
        <LinkProblem
          message={problem ?? t("missingToken")}
          retryHref="/forgot-password"
          retryLabel={t("askAgain")}
        />
      )}
    </div>
  );
}
