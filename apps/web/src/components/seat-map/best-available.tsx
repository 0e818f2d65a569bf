"use client";
// "Best available" (issue 15): for a big venue, the way in for buyers who would rather not
// choose seat by seat — how many seats, then a section's "Best N" button, and the server holds
// the best N free seats there, side by side when it can (reservation.holdBestAvailable). On a
// phone the buttons sit on the section list (./section-list.tsx); on a wide screen, in this
// panel beside the map's overview.
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { SectionChoice } from "./section-list";

export type BestAvailable = {
  quantity: number;
  /** How many more seats the buyer may hold in this order; 0 disables the buttons. */
  max: number;
  onQuantity: (quantity: number) => void;
  onBest: (section: number) => void;
  /** The section whose request is on its way, if any. */
  pending: number | null;
  /** What the last request came to: the seats held, or why not. */
  notice: string | null;
};

/** How many seats: 1 to the most this order can still take. */
export function QuantityPicker({ best }: { best: BestAvailable }) {
  const t = useTranslations("seats");
  const id = useId();
  return (
    <span className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-700">
        {t("bestQuantity")}
      </label>
      <select
        id={id}
        data-testid="best-quantity"
        value={Math.min(best.quantity, Math.max(best.max, 1))}
        disabled={best.max === 0}
        onChange={(event) => best.onQuantity(Number(event.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {Array.from({ length: Math.max(best.max, 1) }, (_, i) => i + 1).map((count) => (
          <option key={count} value={count}>
            {count}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A section's "Best N" button. */
export function BestButton({ best, section }: { best: BestAvailable; section: SectionChoice }) {
  const t = useTranslations("seats");
  const count = Math.min(best.quantity, Math.max(best.max, 1));
  const pending = best.pending === section.section;
  return (
    <button
      type="button"
      data-best-section={section.section}
      aria-label={t("bestActionLabel", { count, section: section.name })}
      disabled={best.pending !== null || best.max === 0 || section.free < count}
      onClick={() => best.onBest(section.section)}
      className="shrink-0 rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:border-slate-200 disabled:text-slate-400"
    >
      {pending ? t("bestHolding") : t("bestAction", { count })}
    </button>
  );
}

export function BestNotice({ best }: { best: BestAvailable }) {
  if (!best.notice) return null;
  return (
    <p
      role="status"
      data-testid="best-notice"
      className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900"
    >
      {best.notice}
    </p>
  );
}

/** Beside a big venue's map on a wide screen: the sections, each with its "Best N" button. */
export function BestAvailablePanel({
  best,
  sections,
}: {
  best: BestAvailable;
  sections: SectionChoice[];
}) {
  const t = useTranslations("seats");
  return (
    <section
      aria-labelledby="best-available-title"
      data-testid="best-available"
      className="rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="best-available-title" className="font-semibold">
          {t("bestTitle")}
        </h2>
        <QuantityPicker best={best} />
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("bestIntro")}</p>
      <div className="mt-2">
        <BestNotice best={best} />
      </div>
      <ul className="mt-2 flex flex-col divide-y divide-slate-100">
        {sections.map((section) => (
          <li key={section.section} className="flex items-center gap-3 py-2">
            <span className="flex min-w-0 flex-1 flex-col text-sm">
              <span className="font-medium text-slate-900">{section.name}</span>
              <span className="text-slate-600">
                {t("sectionFree", { count: section.free })}
                {section.prices && ` · ${section.prices}`}
              </span>
            </span>
            <BestButton best={best} section={section} />
          </li>
        ))}
      </ul>
    </section>
  );
}
