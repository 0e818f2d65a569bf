"use client";
// The held seats, their total, and a demo payment form. One idempotency key per attempt: a
// double click or a retried request can never buy twice.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormField } from "~/components/form-field";
import { useCountdown } from "~/components/use-countdown";
import { formatMoney } from "~/format/money";
import { useTRPC } from "~/trpc/react";

export function CheckoutForm({ eventId, currency }: { eventId: string; currency: string }) {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const holds = useQuery(trpc.reservation.mine.queryOptions({ eventId }));
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const [expiredByServer, setExpiredByServer] = useState(false);
  const remaining = useCountdown(holds.data?.expiresAt ?? null);
  const money = (amount: number) => formatMoney(amount, currency, locale);

  const checkout = useMutation(
    trpc.order.checkout.mutationOptions({
      onSuccess: (order) => router.push(`/orders/${order.id}?placed=1`),
      onError: (error) => {
        if (error.data?.code === "PAYMENT_REQUIRED") setAttemptKey(crypto.randomUUID());
        if (error.data?.code === "CONFLICT" && error.data.details?.reason === "HOLD_EXPIRED")
          setExpiredByServer(true);
      },
    }),
  );

  const expired =
    expiredByServer || remaining === 0 || (holds.isSuccess && holds.data.seats.length === 0);
  useEffect(() => {
    if (!expired) return;
    const timer = setTimeout(() => router.push(`/events/${eventId}/seats`), 4000);
    return () => clearTimeout(timer);
  }, [expired, eventId, router]);

  if (holds.isPending) return <p role="status">…</p>;
  if (expired || !holds.data) {
    return (
      <div
        role="alert"
        data-testid="hold-expired"
        className="rounded-xl border border-amber-300 bg-amber-50 p-6"
      >
        <p className="text-amber-900">
          {holds.data?.seats.length === 0 && !expiredByServer ? t("nothingHeld") : t("expired")}
        </p>
        <Link
          href={`/events/${eventId}/seats`}
          className="mt-3 inline-block font-medium text-brand-700 hover:underline"
        >
          {t("backToMap")}
        </Link>
      </div>
    );
  }

  const seconds = Math.ceil((remaining ?? 0) / 1000);
  const errorMessage =
    checkout.error?.data?.code === "PAYMENT_REQUIRED"
      ? t("declined")
      : checkout.error
        ? t("failed", { message: checkout.error.message })
        : null;

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section
        className="rounded-xl border border-slate-200 bg-white p-4"
        aria-labelledby="checkout-seats"
      >
        <h2 id="checkout-seats" className="font-semibold">
          {t("seats")}
        </h2>
        <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="checkout-seats">
          {holds.data.seats.map((seat) => (
            <li key={seat.id} className="flex justify-between gap-2">
              <span>
                {seat.label} · {seat.section} · {seat.tier}
              </span>
              <span>{money(seat.price)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-slate-100 pt-2 font-semibold">
          <span>{t("total")}</span>
          <span>{money(holds.data.total)}</span>
        </p>
        <p className="mt-3 text-sm font-medium text-brand-900" data-testid="checkout-countdown">
          {t("heldFor", {
            time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`,
          })}
        </p>
      </section>
      <form
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
        aria-labelledby="checkout-payment"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          checkout.mutate({
            eventId,
            idempotencyKey: attemptKey,
            payment: { cardNumber: String(form.get("cardNumber") ?? "") },
          });
        }}
      >
        <h2 id="checkout-payment" className="font-semibold">
          {t("payment")}
        </h2>
        <p className="rounded-md bg-slate-50 p-2 text-xs text-slate-600">{t("demoNotice")}</p>
        <FormField
          label={t("cardName")}
          name="cardName"
          autoComplete="cc-name"
          defaultValue="Demo Buyer"
          required
        />
        <FormField
          label={t("cardNumber")}
          name="cardNumber"
          inputMode="numeric"
          autoComplete="cc-number"
          defaultValue="4242 4242 4242 4242"
          required
        />
        <div className="grid grid-cols-2 gap-3">
          <FormField
            label={t("expiry")}
            name="expiry"
            autoComplete="cc-exp"
            defaultValue="12/30"
            required
          />
          <FormField
            label={t("cvc")}
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            defaultValue="123"
            required
          />
        </div>
        {errorMessage && (
          <p
            role="alert"
            data-testid="checkout-error"
            className="rounded-md bg-red-50 p-3 text-sm text-red-800"
          >
            {errorMessage}
          </p>
        )}
        <button
          type="submit"
          disabled={checkout.isPending || checkout.isSuccess}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {checkout.isPending || checkout.isSuccess
            ? t("paying")
            : t("pay", { amount: money(holds.data.total) })}
        </button>
      </form>
    </div>
  );
}
