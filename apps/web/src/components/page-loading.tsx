// The loading state of a page segment. Not at the root: a root loading boundary would stream
// a shell before the role guards run, and forbidden() could no longer answer 403.
import { getTranslations } from "next-intl/server";

export default async function PageLoading() {
  const t = await getTranslations("errors");
  return (
    <div role="status" className="flex items-center gap-3 py-10 text-slate-600">
      <span
        className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
        aria-hidden
      />
      {t("loading")}
    </div>
  );
}
