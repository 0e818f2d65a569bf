import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("forbidden")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 hover:underline">
        {t("home")}
      </Link>
    </div>
  );
}
