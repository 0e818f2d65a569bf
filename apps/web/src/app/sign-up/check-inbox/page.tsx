// Where every sign-up that passed its checks lands — a new account or an address that already
// had one look the same here, so the page tells nobody which addresses are registered.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeCallbackUrl } from "~/format/callback-url";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("checkInboxTitle") };
}

export default async function CheckInboxPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const t = await getTranslations("account");
  const tAuth = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("checkInboxTitle")}</h1>
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-700">
        <p role="status">{t("checkInboxBody")}</p>
        <p>{t("checkInboxSignIn")}</p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {tAuth("submitSignIn")}
        </Link>
        <p className="text-slate-500">{t("checkInboxNothing")}</p>
      </div>
    </div>
  );
}
