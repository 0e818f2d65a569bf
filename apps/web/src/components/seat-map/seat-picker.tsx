"use client";
// Seat selection (R4, R7, R17, R18): the live seat map, the buyer's selection and total, and
// holding the seats. The page prefetches the map on the server (it is here on first render);
// live updates patch the cached map and a resync refetches it.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useCountdown } from "~/components/use-countdown";
import { useWaitMessage } from "~/components/use-wait-message";
import { formatMoney } from "~/format/money";
import { useTRPC } from "~/trpc/react";
import { useFreeExpiredHolds } from "./free-expired-holds";
import { type MapSeat, type SeatMapData, STATUS_COLORS, tierColor } from "./seat-colors";
import { SeatMapSvg } from "./seat-map-svg";
import { isChoosable } from "./seat-navigation";

type Props = {
  eventId: string;
  maxSeatsPerOrder: number;
  signedIn: boolean;
  onSale: boolean;
};

const selectionKey = (eventId: string) => `openticket:selection:${eventId}`;

export function SeatPicker({ eventId, maxSeatsPerOrder, signedIn, onSale }: Props) {
  const t = useTranslations("seats");
  const waitMessage = useWaitMessage();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mapKey = useMemo(() => trpc.event.seatMap.queryKey({ eventId }), [trpc, eventId]);
  const map = useSuspenseQuery(trpc.event.seatMap.queryOptions({ eventId }));
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  // A selection made before signing in comes back after it.
  useEffect(() => {
    const saved = sessionStorage.getItem(selectionKey(eventId));
    if (saved) {
      sessionStorage.removeItem(selectionKey(eventId));
      setSelected(JSON.parse(saved) as string[]);
    }
  }, [eventId]);

  const live = useSubscription(
    trpc.event.onSeatChange.subscriptionOptions(
      { eventId },
      {
        onData: (batch) => {
          if (batch.resync) {
            void queryClient.invalidateQueries({ queryKey: mapKey });
            return;
          }
          queryClient.setQueryData<SeatMapData>(mapKey, (old) =>
            old ? applyChanges(old, batch.seats) : old,
          );
        },
      },
    ),
  );

  const data = map.data;
  const patchMap = useCallback(
    (patch: (map: SeatMapData) => SeatMapData) =>
      queryClient.setQueryData<SeatMapData>(mapKey, (old) => (old ? patch(old) : old)),
    [queryClient, mapKey],
  );
  useFreeExpiredHolds(data, patchMap);
  const seatsById = useMemo(() => new Map(data.seats.map((seat) => [seat.id, seat])), [data]);
  const mine = useMemo(() => data.seats.filter((seat) => seat.status === "MINE"), [data]);
  const selectedSeats = selected.flatMap((id) => seatsById.get(id) ?? []);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const price = (seat: MapSeat) => data.tiers[seat.tier]?.price ?? 0;
  const money = (amount: number) => formatMoney(amount, data.currency, locale);

  // Selected seats that stop being available leave the selection: silently when the buyer now
  // holds them, with a word why when someone else took them.
  useEffect(() => {
    const gone = selected.filter((id) => seatsById.get(id)?.status !== "AVAILABLE");
    if (gone.length === 0) return;
    setSelected((current) => current.filter((id) => !gone.includes(id)));
    const labels = gone.flatMap((id) => {
      const seat = seatsById.get(id);
      return seat && seat.status !== "MINE" ? [seat.label] : [];
    });
    if (labels.length) setNotice(t("taken", { count: labels.length, labels: labels.join(", ") }));
  }, [seatsById, selected, t]);

  const remaining = useCountdown(data.myHoldExpiresAt);
  const expired = remaining === 0 && mine.length > 0;
  useEffect(() => {
    if (expired) {
      setNotice(t("expired"));
      void queryClient.invalidateQueries({ queryKey: mapKey });
    }
  }, [expired, mapKey, queryClient, t]);

  const toggle = useCallback(
    (seat: MapSeat) => {
      if (seat.status !== "AVAILABLE") return;
      setNotice(null);
      setSelected((current) => {
        if (current.includes(seat.id)) return current.filter((id) => id !== seat.id);
        if (current.length + mine.length >= maxSeatsPerOrder) {
          setNotice(t("atMax", { count: maxSeatsPerOrder }));
          return current;
        }
        return [...current, seat.id];
      });
    },
    [maxSeatsPerOrder, mine.length, t],
  );

  const hold = useMutation(
    trpc.reservation.hold.mutationOptions({
      onSuccess: () => {
        setSelected([]);
        setNotice(null);
        void queryClient.invalidateQueries({ queryKey: mapKey });
      },
      onError: (error) => {
        const unavailable = error.data?.details?.unavailableSeatIds ?? [];
        if (error.data?.code === "CONFLICT" && unavailable.length) {
          const labels = unavailable.flatMap((id) => seatsById.get(id)?.label ?? []);
          setSelected((current) => current.filter((id) => !unavailable.includes(id)));
          setNotice(t("taken", { count: labels.length, labels: labels.join(", ") }));
          void queryClient.invalidateQueries({ queryKey: mapKey });
        } else if (error.data?.code === "UNAUTHORIZED") {
          goToSignIn();
        } else if (error.data?.code === "TOO_MANY_REQUESTS") {
          setNotice(waitMessage(error.data.details?.retryAfterSeconds));
        } else if (error.data?.details?.maxHeldSeats) {
          setNotice(t("atHoldCap", { count: error.data.details.maxHeldSeats }));
        } else if (error.data?.details?.maxSeatsPerOrder) {
          setNotice(t("atMax", { count: error.data.details.maxSeatsPerOrder }));
        } else {
          setNotice(t("holdFailed", { message: error.message }));
        }
      },
    }),
  );
  const release = useMutation(
    trpc.reservation.release.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: mapKey }),
    }),
  );

  function goToSignIn() {
    sessionStorage.setItem(selectionKey(eventId), JSON.stringify(selected));
    router.push(`/sign-in?callbackUrl=${encodeURIComponent(`/events/${eventId}/seats`)}`);
  }

  const describeSeat = useCallback(
    (seat: MapSeat) =>
      t("seatDescription", {
        label: seat.label,
        section: data.sections[seat.section]?.name ?? "",
        tier: data.tiers[seat.tier]?.name ?? "",
        price: formatMoney(data.tiers[seat.tier]?.price ?? 0, data.currency, locale),
        status: t(`status.${seat.status}`),
      }),
    [data, locale, t],
  );

  // A refetch that failed (after a hold, say) leaves a map that may be out of date.
  if (map.isError) {
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
        <p>{t("loadFailed")}</p>
        <button
          type="button"
          onClick={() => map.refetch()}
          className="mt-3 rounded-md bg-white px-3 py-1.5 text-sm"
        >
          {t("retry")}
        </button>
      </div>
    );
  }

  const selectedTotal = selectedSeats.reduce((sum, seat) => sum + price(seat), 0);
  const mineTotal = mine.reduce((sum, seat) => sum + price(seat), 0);

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
      <div className="flex flex-col gap-2">
        <div className="h-[60vh] min-h-[320px] lg:h-[70vh]">
          <SeatMapSvg
            seats={data.seats}
            sections={data.sections}
            selected={selectedSet}
            onToggle={toggle}
            label={t("mapLabel")}
            canChoose={isChoosable}
            describeSeat={describeSeat}
            stageLabel={t("stage")}
            controls={{ zoomIn: t("zoomIn"), zoomOut: t("zoomOut"), reset: t("resetView") }}
          />
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
          <span>{t("panHint")}</span>
          {live.status === "pending" && (
            <span data-testid="live-indicator" className="flex items-center gap-1 text-emerald-700">
              <span className="size-2 rounded-full bg-emerald-500" aria-hidden />
              {t("live")}
            </span>
          )}
        </div>
        <Legend data={data} money={money} />
      </div>

      <aside className="flex flex-col gap-4" aria-label={t("selection")}>
        {notice && (
          <p
            role="status"
            data-testid="seat-notice"
            className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900"
          >
            {notice}
          </p>
        )}
        {!onSale && (
          <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">{t("notOnSale")}</p>
        )}

        {mine.length > 0 && !expired && (
          <section
            data-testid="held-seats"
            className="rounded-xl border-2 border-brand-600 bg-brand-50 p-4"
          >
            <h2 className="font-semibold">{t("heldTitle")}</h2>
            <p className="mt-1 text-sm font-medium text-brand-900" data-testid="hold-countdown">
              {t("heldFor", { time: formatRemaining(remaining ?? 0) })}
            </p>
            <ul className="mt-3 flex flex-col gap-1 text-sm">
              {mine.map((seat) => (
                <li key={seat.id} className="flex justify-between">
                  <span>
                    {seat.label} · {data.sections[seat.section]?.name}
                  </span>
                  <span>{money(price(seat))}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 flex justify-between border-t border-brand-100 pt-2 font-semibold">
              <span>{t("total")}</span>
              <span>{money(mineTotal)}</span>
            </p>
            <Link
              href={`/events/${eventId}/checkout`}
              className="mt-3 block rounded-md bg-brand-600 px-4 py-2 text-center font-medium text-white hover:bg-brand-700"
            >
              {t("checkout")}
            </Link>
            <button
              type="button"
              onClick={() => release.mutate({ eventId })}
              disabled={release.isPending}
              className="mt-2 w-full rounded-md px-4 py-2 text-sm text-slate-700 hover:bg-white"
            >
              {t("release")}
            </button>
          </section>
        )}

        <section className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("selection")}</h2>
          {selectedSeats.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("noSelection")}</p>
          ) : (
            <ul data-testid="selected-seats" className="mt-2 flex flex-col gap-1 text-sm">
              {selectedSeats.map((seat) => (
                <li key={seat.id} className="flex items-center justify-between gap-2">
                  <span>
                    {seat.label} · {data.sections[seat.section]?.name} ·{" "}
                    {data.tiers[seat.tier]?.name}
                  </span>
                  <span className="flex items-center gap-2">
                    {money(price(seat))}
                    <button
                      type="button"
                      aria-label={t("remove", { label: seat.label })}
                      onClick={() => toggle(seat)}
                      className="rounded px-1 text-slate-500 hover:bg-slate-100"
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 flex justify-between border-t border-slate-100 pt-2 font-semibold">
            <span>{t("total")}</span>
            <span data-testid="selection-total">{money(selectedTotal)}</span>
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {t("maxSeats", { count: maxSeatsPerOrder })}
          </p>
          <button
            type="button"
            disabled={!onSale || selectedSeats.length === 0 || hold.isPending}
            onClick={() => {
              if (!signedIn) return goToSignIn();
              hold.mutate({ eventId, seatIds: selected });
            }}
            className="mt-3 w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {hold.isPending ? t("holding") : signedIn ? t("hold") : t("signInToHold")}
          </button>
        </section>
        <Link href={`/events/${eventId}`} className="text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </aside>
    </div>
  );
}

function Legend({ data, money }: { data: SeatMapData; money: (amount: number) => string }) {
  const t = useTranslations("seats");
  const swatch = (color: string) => (
    <span
      className="inline-block size-3 rounded-full border border-white shadow"
      style={{ background: color }}
    />
  );
  return (
    <section
      aria-label={t("legend")}
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700"
    >
      {data.tiers.map((tier, index) => (
        <span key={tier.id} className="flex items-center gap-1">
          {swatch(tierColor(index))} {tier.name} {money(tier.price)}
        </span>
      ))}
      <span className="flex items-center gap-1">
        {swatch("#111827")} {t("status.SELECTED")}
      </span>
      {(["MINE", "HELD", "SOLD", "BLOCKED"] as const).map((status) => (
        <span key={status} className="flex items-center gap-1">
          {swatch(STATUS_COLORS[status])} {t(`status.${status}`)}
        </span>
      ))}
    </section>
  );
}

function applyChanges(
  map: SeatMapData,
  changes: { id: string; status: MapSeat["status"]; expiresAt?: string }[],
): SeatMapData {
  const byId = new Map(changes.map((change) => [change.id, change]));
  let myHoldExpiresAt = map.myHoldExpiresAt;
  for (const change of changes) {
    if (change.status === "MINE" && change.expiresAt) {
      const expiresAt = new Date(change.expiresAt);
      if (!myHoldExpiresAt || expiresAt < myHoldExpiresAt) myHoldExpiresAt = expiresAt;
    }
  }
  const seats = map.seats.map((seat): MapSeat => {
    const change = byId.get(seat.id);
    if (!change) return seat;
    const { expiresAt: _previous, ...rest } = seat;
    // Others' holds keep their end, so the map can free the seat then (useFreeExpiredHolds).
    return change.status === "HELD" && change.expiresAt
      ? { ...rest, status: change.status, expiresAt: new Date(change.expiresAt) }
      : { ...rest, status: change.status };
  });
  if (!seats.some((seat) => seat.status === "MINE")) myHoldExpiresAt = null;
  return { ...map, seats, myHoldExpiresAt };
}

function formatRemaining(ms: number) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
