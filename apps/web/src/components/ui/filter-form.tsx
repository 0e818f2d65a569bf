// The consoles' filters: plain GET forms, so a filtered view is a URL that can be shared and
// works before any JavaScript loads. Applying filters starts again from the first page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export const filterField = "flex flex-col gap-1 text-sm font-medium text-slate-700";
export const filterInput =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900";

export async function FilterForm({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  // The admin console had these first; the organizer's pages share its strings.
  const t = await getTranslations("admin.filters");
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {children}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("apply")}
        </button>
        <Link
          href={action}
          className="rounded-md px-3 py-2 text-sm text-slate-600 hover:text-brand-700"
        >
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
