"use client";
// A venue's layout drawn by the buyers' own seat map, so what the organizer sees is what buyers
// will see; seats picked on it can be removed (aisles, pillars) until an event here has sold.
// Standing zones are drawn as areas (./standing-zone-layer.tsx), not as places to pick: a zone
// is resized by removing and adding it.
import type { RouterOutputs } from "@openticket/api";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import type { MapSeat } from "~/components/seat-map/seat-colors";
import { SeatMapSvg } from "~/components/seat-map/seat-map-svg";
import { isChoosable } from "~/components/seat-map/seat-navigation";
import { dangerButton, secondaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";
import { type StandingZone, StandingZoneLayer, zoneBox, zoneCorners } from "./standing-zone-layer";

type Venue = RouterOutputs["organizer"]["venues"]["byId"];

export function VenueLayoutEditor({ venue }: { venue: Venue }) {
  const t = useTranslations("organizer.layout");
  const tMap = useTranslations("organizer.map");
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const map = useRef<HTMLDivElement>(null);
  // Each section in its own colour, as tiers are coloured for buyers. Of a standing zone the map
  // gets only the places at its edges, not to be picked (BLOCKED), for the layer to cover.
  const seats = useMemo<MapSeat[]>(
    () =>
      venue.sections.flatMap((section, index) => {
        const standing = section.kind === "STANDING";
        return (standing ? zoneCorners(section.seats) : section.seats).map((seat) => ({
          id: seat.id,
          section: index,
          // A zone's places are not rows: the map labels none.
          row: standing ? "" : seat.row,
          number: seat.number,
          label: seat.label,
          x: seat.x,
          y: seat.y,
          tier: index,
          status: standing ? ("BLOCKED" as const) : ("AVAILABLE" as const),
        }));
      }),
    [venue],
  );
  const zones = useMemo<StandingZone[]>(
    () =>
      venue.sections.flatMap((section, index) =>
        section.kind === "STANDING" && section.seats.length > 0
          ? [
              {
                name: section.name,
                places: section.seats.length,
                colour: index,
                box: zoneBox(section.seats),
              },
            ]
          : [],
      ),
    [venue],
  );
  const remove = useMutation(
    trpc.organizer.venues.removeSeats.mutationOptions({
      onSuccess: (result) => {
        setSelected(new Set());
        setDone(t("removed", { count: result.removed }));
        router.refresh();
      },
    }),
  );
  const layoutInUse =
    remove.error?.data?.code === "CONFLICT" &&
    remove.error.data.details?.reason === "LAYOUT_IN_USE";

  if (seats.length === 0) {
    return (
      <p
        data-testid="layout-empty"
        className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600"
      >
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div ref={map} className="relative h-[340px] sm:h-[460px]">
        <SeatMapSvg
          seats={seats}
          sections={venue.sections}
          selected={selected}
          canChoose={isChoosable}
          onToggle={(seat) => {
            if (!isChoosable(seat)) return;
            setDone(null);
            remove.reset();
            setSelected((current) => {
              const next = new Set(current);
              if (next.has(seat.id)) next.delete(seat.id);
              else next.add(seat.id);
              return next;
            });
          }}
          label={t("mapLabel", { venue: venue.name })}
          describeSeat={(seat) =>
            tMap("seat", {
              section: venue.sections[seat.section]?.name ?? "",
              label: seat.label,
              selected: selected.has(seat.id) ? "yes" : "no",
            })
          }
          stageLabel={tMap("stage")}
          controls={{ zoomIn: tMap("zoomIn"), zoomOut: tMap("zoomOut"), reset: tMap("reset") }}
        />
        <StandingZoneLayer zones={zones} map={map} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("selected", { count: selected.size })}
        </p>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => setSelected(new Set())}
          className={secondaryButton}
        >
          {t("clearSelection")}
        </button>
        <button
          type="button"
          disabled={selected.size === 0 || remove.isPending}
          onClick={() => remove.mutate({ venueId: venue.id, seatIds: [...selected] })}
          className={dangerButton}
        >
          {remove.isPending ? t("removing") : t("remove", { count: selected.size })}
        </button>
      </div>
      {!venue.removalsAllowed && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("locked")}</p>
      )}
      {layoutInUse ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("refusedLocked")}
        </p>
      ) : (
        <MutationError error={remove.error} />
      )}
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
    </div>
  );
}
