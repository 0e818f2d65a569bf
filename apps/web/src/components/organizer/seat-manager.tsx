"use client";
// Seat management (R12): the event's seats on the buyers' map, each in its state — available,
// held (until when), sold (in which order), blocked — and picked seats blocked off sale or put
// back, or moved into another price tier. Held and sold seats belong to buyers: the api refuses
// the whole request, and the seats it named are listed here.
import type { AppErrorDetails, RouterOutputs } from "@openticket/api";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { type MapSeat, tierColor } from "~/components/seat-map/seat-colors";
import { SeatMapSvg } from "~/components/seat-map/seat-map-svg";
import { SeatSwatch } from "~/components/seat-map/seat-mark";
import { fieldInput, fieldLabel, primaryButton, secondaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

type SeatMap = RouterOutputs["organizer"]["seats"]["map"];
type Seat = SeatMap["seats"][number];

export function SeatManager({ map, timeZone }: { map: SeatMap; timeZone: string }) {
  const t = useTranslations("organizer.seats");
  const tMap = useTranslations("organizer.map");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ id: string; state: string }[]>([]);
  const [refusedFor, setRefusedFor] = useState<"block" | "tier">("block");
  const [tierId, setTierId] = useState(map.tiers[0]?.id ?? "");

  const byId = useMemo(() => new Map(map.seats.map((seat) => [seat.id, seat])), [map]);
  const mapSeats = useMemo<MapSeat[]>(() => {
    const sectionIndex = new Map(map.sections.map((section, index) => [section.id, index]));
    const tierIndex = new Map(map.tiers.map((tier, index) => [tier.id, index]));
    return map.seats.map((seat) => ({
      id: seat.id,
      section: sectionIndex.get(seat.sectionId) ?? 0,
      row: seat.row,
      number: seat.number,
      label: seat.label,
      x: seat.x,
      y: seat.y,
      tier: tierIndex.get(seat.tierId) ?? 0,
      status: seat.state,
    }));
  }, [map]);
  const sectionName = (seat: Pick<Seat, "sectionId">) =>
    map.sections.find((section) => section.id === seat.sectionId)?.name ?? "";
  const describe = (seat: Seat) => {
    const where = `${sectionName(seat)} ${seat.label}`;
    if (seat.state === "HELD" && seat.expiresAt) {
      return t("describeHeld", {
        seat: where,
        until: format.dateTime(seat.expiresAt, { timeStyle: "short", timeZone }),
      });
    }
    if (seat.state === "SOLD") return t("describeSold", { seat: where, order: seat.orderId ?? "" });
    return t("describe", { seat: where, state: t(`state.${seat.state}`) });
  };

  const onDone = (message: string) => {
    setSelected(new Set());
    setRefused([]);
    setDone(message);
    router.refresh();
  };
  const onRefused =
    (action: "block" | "tier") =>
    (error: { data?: { details?: AppErrorDetails | null } | null }) => {
      setRefusedFor(action);
      setRefused(error.data?.details?.unavailableSeats ?? []);
    };
  const block = useMutation(
    trpc.organizer.seats.block.mutationOptions({
      onSuccess: (result) => onDone(t("blocked", { count: result.blockedSeatIds.length })),
      onError: onRefused("block"),
    }),
  );
  const unblock = useMutation(
    trpc.organizer.seats.unblock.mutationOptions({
      onSuccess: (result) => onDone(t("unblocked", { count: result.unblockedSeatIds.length })),
      onError: onRefused("block"),
    }),
  );
  const setTier = useMutation(
    trpc.organizer.events.setSeatTiers.mutationOptions({
      onSuccess: (result) =>
        onDone(t("tierSet", { count: result.seatIds.length, tier: result.tier.name })),
      onError: onRefused("tier"),
    }),
  );
  const busy = block.isPending || unblock.isPending || setTier.isPending;
  const selectedSeats = [...selected].flatMap((id) => byId.get(id) ?? []);
  const cancelled = map.status === "CANCELLED";

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <div className="flex flex-col gap-3">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="seat-counts">
          <li className="flex items-center gap-1.5">
            {map.tiers.map((tier, index) => (
              <span
                key={tier.id}
                aria-hidden
                title={tier.name}
                className="inline-block size-3 rounded-full"
                style={{ background: tierColor(index) }}
              />
            ))}
            {t("count", { state: t("state.AVAILABLE"), count: map.counts.AVAILABLE })}
          </li>
          {(["HELD", "SOLD", "BLOCKED"] as const).map((state) => (
            <li key={state} className="flex items-center gap-1.5">
              <SeatSwatch kind={state} />
              {t("count", { state: t(`state.${state}`), count: map.counts[state] })}
            </li>
          ))}
        </ul>
        {map.tiers.length > 1 && (
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
            {map.tiers.map((tier, index) => (
              <li key={tier.id} className="flex items-center gap-1.5">
                <span
                  aria-hidden
                  className="inline-block size-2.5 rounded-full"
                  style={{ background: tierColor(index) }}
                />
                {tier.name}
              </li>
            ))}
          </ul>
        )}
        {mapSeats.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
            {t("none")}
          </p>
        ) : (
          <div className="h-[360px] sm:h-[480px]">
            <SeatMapSvg
              seats={mapSeats}
              sections={map.sections}
              selected={selected}
              onToggle={(seat) => {
                setDone(null);
                setRefused([]);
                block.reset();
                unblock.reset();
                setTier.reset();
                setSelected((current) => {
                  const next = new Set(current);
                  if (next.has(seat.id)) next.delete(seat.id);
                  else next.add(seat.id);
                  return next;
                });
              }}
              label={t("mapLabel")}
              describeSeat={(seat) => {
                const full = byId.get(seat.id);
                return full ? describe(full) : seat.label;
              }}
              stageLabel={tMap("stage")}
              controls={{ zoomIn: tMap("zoomIn"), zoomOut: tMap("zoomOut"), reset: tMap("reset") }}
            />
          </div>
        )}
      </div>
      <aside className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t("selection", { count: selected.size })}</h2>
        {selectedSeats.length === 0 ? (
          <p className="text-sm text-slate-600">{t("selectHint")}</p>
        ) : (
          <ul
            data-testid="selected-seats"
            className="flex max-h-64 flex-col gap-1 overflow-y-auto text-sm"
          >
            {selectedSeats.map((seat) => (
              <li key={seat.id} data-state={seat.state} className="wrap-anywhere">
                {describe(seat)}
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={cancelled || busy || selected.size === 0}
            onClick={() => block.mutate({ eventId: map.eventId, seatIds: [...selected] })}
            className={primaryButton}
          >
            {block.isPending ? t("working") : t("block")}
          </button>
          <button
            type="button"
            disabled={cancelled || busy || selected.size === 0}
            onClick={() => unblock.mutate({ eventId: map.eventId, seatIds: [...selected] })}
            className={secondaryButton}
          >
            {unblock.isPending ? t("working") : t("unblock")}
          </button>
          <button
            type="button"
            disabled={selected.size === 0}
            onClick={() => setSelected(new Set())}
            className="rounded-md px-3 py-2 text-sm text-slate-600 hover:text-brand-700 disabled:opacity-50"
          >
            {t("clear")}
          </button>
        </div>
        {map.tiers.length > 1 && (
          <div className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
            <label className={`${fieldLabel} min-w-0 flex-1`}>
              {t("tier")}
              <select
                value={tierId}
                onChange={(event) => setTierId(event.target.value)}
                className={fieldInput}
              >
                {map.tiers.map((tier) => (
                  <option key={tier.id} value={tier.id}>
                    {tier.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={cancelled || busy || selected.size === 0 || !tierId}
              onClick={() =>
                setTier.mutate({ eventId: map.eventId, tierId, seatIds: [...selected] })
              }
              className={secondaryButton}
            >
              {setTier.isPending ? t("working") : t("setTier")}
            </button>
          </div>
        )}
        {cancelled && <p className="text-sm text-slate-600">{t("cancelledEvent")}</p>}
        {refused.length > 0 ? (
          <div
            role="alert"
            data-testid="seats-refused"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            <p className="font-medium">{refusedFor === "tier" ? t("refusedTier") : t("refused")}</p>
            <ul className="mt-1 list-disc pl-5">
              {refused.map((seat) => {
                const full = byId.get(seat.id);
                return (
                  <li key={seat.id}>
                    {full ? `${sectionName(full)} ${full.label}` : seat.id} —{" "}
                    {t(`state.${seat.state as Seat["state"]}`)}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : (
          <MutationError error={block.error ?? unblock.error ?? setTier.error} />
        )}
        {done && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {done}
          </p>
        )}
      </aside>
    </div>
  );
}
