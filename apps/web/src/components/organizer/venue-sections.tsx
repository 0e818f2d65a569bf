"use client";
// The venue's sections, each with its seat count (a standing zone: its places) and a way to
// remove it (with its seats, from every event that has not sold them). The api refuses while buyers hold or bought seats there
// and says how many; an emptied section always goes.
import type { RouterOutputs } from "@openticket/api";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { dangerButton, secondaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

type Section = RouterOutputs["organizer"]["venues"]["byId"]["sections"][number];

export function VenueSections({ venueId, sections }: { venueId: string; sections: Section[] }) {
  const t = useTranslations("organizer.venue");
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation(
    trpc.organizer.venues.removeSection.mutationOptions({
      onSuccess: () => {
        const name = sections.find((section) => section.id === confirming)?.name ?? "";
        setConfirming(null);
        setDone(t("sectionRemoved", { name }));
        router.refresh();
      },
    }),
  );
  if (sections.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
        {sections.map((section) => (
          <li
            key={section.id}
            data-testid="venue-section"
            className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
          >
            <span>
              {t(section.kind === "STANDING" ? "zonePlaces" : "sectionSeats", {
                name: section.name,
                count: section.seats.length,
              })}
            </span>
            {confirming === section.id ? (
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-slate-700">
                  {t(section.kind === "STANDING" ? "confirmRemoveZone" : "confirmRemoveSection", {
                    count: section.seats.length,
                  })}
                </span>
                <button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ venueId, sectionId: section.id })}
                  className={dangerButton}
                >
                  {remove.isPending ? t("removingSection") : t("removeSectionConfirm")}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setConfirming(null);
                    remove.reset();
                  }}
                  className={secondaryButton}
                >
                  {t("keepSection")}
                </button>
              </span>
            ) : (
              <button
                type="button"
                onClick={() => {
                  setDone(null);
                  remove.reset();
                  setConfirming(section.id);
                }}
                aria-label={t("removeSectionNamed", { name: section.name })}
                className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50"
              >
                {t("removeSection")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <MutationError error={remove.error} />
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
    </div>
  );
}
