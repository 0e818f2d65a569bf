import { getTranslations } from "next-intl/server";
import { LinkProblem } from "~/components/account/link-problem";
import { VerifyEmail } from "./verify-email";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("verifyTitle") };
}

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("account");
  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("verifyTitle")}</h1>
      {typeof token === "string" && token ? (
        <VerifyEmail token={token} />
      ) : (
        <LinkProblem
          message={t("missingToken")}
          retryHref="/sign-in"
          retryLabel={t("resendVerification")}
        />
      )}
    </div>
  );
}
