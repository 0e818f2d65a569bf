"use client";
// A discount code at checkout: checked against the held seats (order.previewDiscount, which
// changes nothing) so the buyer sees the new total before paying. Checkout takes the same code
// and decides again, in its own transaction: a code used up in between is refused there.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

export type AppliedDiscount = { code: string; discount: number; total: number };

export function DiscountCodeField({
  eventId,
  applied,
  onChange,
  money,
  disabled,
}: {
  eventId: string;
  applied: AppliedDiscount | null;
  onChange: (applied: AppliedDiscount | null) => void;
  money: (amount: number) => string;
  disabled: boolean;
}) {
  const t = useTranslations("checkout");
  const apiMessage = useApiMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  if (applied) {
    return (
      <p
        data-testid="discount-applied"
        className="flex items-center justify-between gap-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900"
      >
        <span>{t("discountApplied", { code: applied.code, amount: money(applied.discount) })}</span>
        <button
          type="button"
          disabled={disabled}
          onClick={() => onChange(null)}
          className="font-medium text-emerald-800 underline disabled:opacity-60"
        >
          {t("discountRemove")}
        </button>
      </p>
    );
  }

  async function apply() {
    const entered = code.trim();
    if (!entered) return;
    setChecking(true);
    setError(null);
    try {
      const preview = await queryClient.fetchQuery(
        trpc.order.previewDiscount.queryOptions(
          { eventId, code: entered },
          { staleTime: 0, retry: false },
        ),
      );
      onChange({ code: preview.code, discount: preview.discount, total: preview.total });
      setCode("");
    } catch (caught) {
      setError(apiMessage(caught instanceof Error ? caught.message : String(caught)));
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium">
        {t("discountCode")}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={(event) => {
            // Enter applies the code rather than paying without it.
            if (event.key === "Enter") {
              event.preventDefault();
              void apply();
            }
          }}
          autoComplete="off"
          maxLength={64}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button
          type="button"
          disabled={disabled || checking || !code.trim()}
          onClick={() => void apply()}
          className="rounded-md border border-brand-600 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {checking ? t("discountChecking") : t("discountApply")}
        </button>
      </div>
      {error && (
        <p
          id={`${inputId}-error`}
          role="alert"
          data-testid="discount-error"
          className="text-sm text-red-700"
        >
          {error}
        </p>
      )}
    </div>
  );
}
