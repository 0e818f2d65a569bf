// Numbered pages for lists the api pages by number: previous / next, the first and last page and
// the pages around the current one, with gaps shown as an ellipsis.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function PageNumberPagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("admin.pagination");
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:border-brand-600";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">{t("page", { page, pageCount })}</p>
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={link}>
              {t("previous")}
            </Link>
          </li>
        )}
        {visiblePages(page, pageCount).map((number, index) =>
          number === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${index}`} aria-hidden className="px-1 text-slate-400">
              …
            </li>
          ) : (
            <li key={number}>
              {number === page ? (
                <span
                  aria-current="page"
                  className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white"
                >
                  {number}
                </span>
              ) : (
                <Link
                  href={hrefFor(number)}
                  aria-label={t("goToPage", { page: number })}
                  className={link}
                >
                  {number}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={link}>
              {t("next")}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** 1 … 4 5 6 … 20: null marks a gap. */
export function visiblePages(page: number, pageCount: number): (number | null)[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1]);
  const sorted = [...pages].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return sorted.flatMap((n, i) => {
    const previous = sorted[i - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A gap of exactly one page is shown as that page rather than an ellipsis.
    return n === previous + 2 ? [previous + 1, n] : [null, n];
  });
}
