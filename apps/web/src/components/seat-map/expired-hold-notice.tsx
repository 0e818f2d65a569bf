"use client";
// What the buyer sees on the seat map after their hold ran out: which seats they lost, each one
// "no longer held" (selected again, free to hold) or "taken by someone else", and one button to
// hold the free ones again. It goes away once they hold any of them again, or when dismissed.
import { useTranslations } from "next-intl";
import type { MapSeat } from "./seat-colors";

type Props = {
  lost: number[];
  seats: readonly MapSeat[];
  sectionName: (section: number) => string;
  holding: boolean;
  onHoldAgain: (positions: number[]) => void;
  onDismiss: () => void;
};

export function ExpiredHoldNotice({
  lost,
  seats,
  sectionName,
  holding,
  onHoldAgain,
  onDismiss,
}: Props) {
  const t = useTranslations("seats.expiredHold");
  const lostSeats = lost.flatMap((position) => seats[position] ?? []);
  // Held again (the map sets this notice up only once none of them is the buyer's).
  if (lostSeats.some((seat) => seat.status === "MINE")) return null;
  const free = lostSeats.filter((seat) => seat.status === "AVAILABLE");
  const taken = lostSeats.filter((seat) => seat.status !== "AVAILABLE" && seat.status !== "MINE");
  return (
    <section
      role="alert"
      data-testid="expired-hold"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 lg:col-span-2"
    >
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1">
        {lostSeats.length === 0
          ? t("mapChanged")
          : free.length === 0
            ? t("allTaken")
            : taken.length === 0
              ? t("explain")
              : t("explainSomeTaken")}
      </p>
      {lostSeats.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1" data-testid="expired-hold-seats">
          {lostSeats.map((seat) => (
            <li key={seat.id} className="flex flex-wrap justify-between gap-x-3">
              <span className="font-medium">
                {seat.label} · {sectionName(seat.section)}
              </span>
              <span
                data-seat-state={seat.status === "AVAILABLE" ? "no-longer-held" : "taken"}
                className={seat.status === "AVAILABLE" ? "text-amber-900" : "text-red-800"}
              >
                {seat.status === "AVAILABLE" ? t("noLongerHeld") : t("taken")}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {free.length > 0 && (
          <button
            type="button"
            disabled={holding}
            onClick={() => onHoldAgain(free.map((seat) => Number(seat.id)))}
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("holdAgain", { count: free.length })}
          </button>
        )}
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-md px-3 py-2 text-amber-950 hover:bg-amber-100"
        >
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}
