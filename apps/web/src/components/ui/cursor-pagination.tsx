// "Next" paging for lists the api pages by cursor: back to the start, or on from the last row.
import Link from "next/link";

export function CursorPagination({
  label,
  firstHref,
  firstLabel,
  nextHref,
  nextLabel,
}: {
  label: string;
  /** Set when this is not the first page. */
  firstHref?: string;
  firstLabel: string;
  /** Set when there is more. */
  nextHref?: string;
  nextLabel: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex justify-between text-sm">
      {firstHref ? (
        <Link href={firstHref} className="py-2 text-brand-700 hover:underline">
          {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link
          href={nextHref}
          rel="next"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:border-brand-600"
        >
          {nextLabel}
        </Link>
      )}
    </nav>
  );
}
