"use client";
// On a phone the selection and its Hold button sit below the map and the legend, out of sight:
// this bar keeps a summary and the button at the bottom of the screen while seats are chosen.
// Hidden from wide screens, where the selection panel is beside the map.
import { useTranslations } from "next-intl";

type Props = {
  count: number;
  total: string;
  action: string;
  disabled: boolean;
  onAction: () => void;
};

export function SelectionBar({ count, total, action, disabled, onAction }: Props) {
  const t = useTranslations("seats");
  if (count === 0) return null;
  return (
    <div
      data-testid="selection-bar"
      className="sticky bottom-0 z-10 -mx-4 flex items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] backdrop-blur lg:hidden"
    >
      <p className="text-sm">
        <span className="font-semibold">{t("selectedCount", { count })}</span>
        <span className="text-slate-600"> · {total}</span>
      </p>
      <button
        type="button"
        disabled={disabled}
        onClick={onAction}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {action}
      </button>
    </div>
  );
}
