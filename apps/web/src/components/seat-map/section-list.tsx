"use client";
// A phone's way into a big venue: its sections as a list (name, prices, seats left), one tap
// opens that section's seats. Nothing of the map is drawn until then, so a phone renders a few
// hundred seats instead of every seat of the venue. Each section also offers its best seats
// at one tap (./best-available.tsx). Over the open section's seats, a bar names it and leads
// back to the list.
import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { type BestAvailable, BestButton, BestNotice, QuantityPicker } from "./best-available";
import { SeatSwatch } from "./seat-mark";

export type SectionChoice = {
  section: number;
  name: string;
  /** The prices of its free seats, written out ("NT$1,200–NT$3,200"); empty when sold out. */
  prices: string;
  free: number;
  /** The tier whose colour its swatch takes (its first free one, as on the map's overview). */
  tier: number | undefined;
};

export function SectionList({
  sections,
  onOpen,
  best,
}: {
  sections: SectionChoice[];
  onOpen: (section: number) => void;
  best?: BestAvailable;
}) {
  const t = useTranslations("seats");
  return (
    <section aria-labelledby="section-list-title" data-testid="section-list">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="section-list-title" className="font-semibold">
          {t("chooseSection")}
        </h2>
        {best && <QuantityPicker best={best} />}
      </div>
      {best && (
        <div className="mb-2">
          <BestNotice best={best} />
        </div>
      )}
      <ul className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
        {sections.map((section) => (
          <li key={section.section} className="flex items-center">
            <button
              type="button"
              data-section={section.section}
              onClick={() => onOpen(section.section)}
              className="flex min-w-0 flex-1 items-center gap-3 px-4 py-3 text-left hover:bg-slate-50 focus-visible:bg-slate-50"
            >
              {section.tier === undefined ? (
                <SeatSwatch kind="SOLD" />
              ) : (
                <SeatSwatch kind="AVAILABLE" tier={section.tier} />
              )}
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="font-medium text-slate-900">{section.name}</span>
                <span
                  className={section.free ? "text-sm text-slate-700" : "text-sm text-slate-600"}
                >
                  {t("sectionFree", { count: section.free })}
                </span>
              </span>
              <span className="text-right text-sm font-medium text-slate-900">
                {section.prices}
              </span>
              <span aria-hidden className="text-slate-400">
                ›
              </span>
            </button>
            {best && (
              <span className="pr-3">
                <BestButton best={best} section={section} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Over an open section's seats: its name, what is left in it, and the way back to the list. */
export function OpenSectionBar({
  section,
  headingRef,
  onBack,
}: {
  section: SectionChoice;
  /** Focus moves here when the section opens, so a screen reader says where the buyer is. */
  headingRef: Ref<HTMLHeadingElement>;
  onBack: () => void;
}) {
  const t = useTranslations("seats");
  return (
    <div className="flex items-start justify-between gap-3">
      <h2
        ref={headingRef}
        tabIndex={-1}
        data-testid="open-section"
        className="min-w-0 outline-none"
      >
        <span className="block font-semibold">{section.name}</span>
        <span className="block text-sm text-slate-600">
          {t("sectionFree", { count: section.free })}
          {section.prices && (
            <>
              {" · "}
              <span className="whitespace-nowrap">{section.prices}</span>
            </>
          )}
        </span>
      </h2>
      <button
        type="button"
        data-testid="all-sections"
        onClick={onBack}
        className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        ← {t("allSections")}
      </button>
    </div>
  );
}
