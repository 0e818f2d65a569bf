"use client";
// The held seats, their total, an optional discount code, and "Pay", which starts the payment and sends the buyer to the
// payment provider's page; the provider sends them back to the order page. One idempotency key
// per attempt: a double click, or a retry after the provider did not answer, repeats the same
// key and so can never open a second payment for the same seats.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { v4 as uuidv4 } from "uuid";
import { rememberExpiredHold } from "~/components/seat-map/expired-hold";
import { useCountdown } from "~/components/use-countdown";
import { useWaitMessage } from "~/components/use-wait-message";
import { useAdmissionPass } from "~/components/waiting-room/waiting-room-gate";
import { formatMoney } from "~/format/money";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import { type AppliedDiscount, DiscountCodeField } from "./discount-code-field";

export function CheckoutForm({ eventId, currency }: { eventId: string; currency: string }) {
  const t = useTranslations("checkout");
  const apiMessage = useApiMessage();
  const tAccount = useTranslations("account");
  const waitMessage = useWaitMessage();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const admission = useAdmissionPass();
  // Read once: after "Pay" the holds belong to the order and leave this list, but a retry still
  // needs them on screen. The countdown says when they run out.
  const holds = useQuery(
    trpc.reservation.mine.queryOptions(
      { eventId },
      { refetchOnWindowFocus: false, refetchOnReconnect: false },
    ),
  );
  const [attemptKey, setAttemptKey] = useState(() => uuidv4());
  const [expiredByServer, setExpiredByServer] = useState(false);
  const [discount, setDiscount] = useState<AppliedDiscount | null>(null);
  // Set once the browser is on its way to the payment page or the order.
  const [leaving, setLeaving] = useState(false);
  const remaining = useCountdown(holds.data?.expiresAt ?? null);
  const money = (amount: number) => formatMoney(amount, currency, locale);

  const checkout = useMutation(
    trpc.order.checkout.mutationOptions({
      onSuccess: (outcome) => {
        setLeaving(true);
        if (outcome.redirectUrl) window.location.assign(outcome.redirectUrl);
        else router.push(`/orders/${outcome.orderId}?placed=1`);
      },
      onError: (error) => {
        const code = error.data?.code;
        const details = error.data?.details;
        // Only an attempt that may still go through keeps its key: the provider did not answer,
        // or the answer was lost. These refusals are final, so the next attempt is a new one.
        if (code === "CONFLICT" || code === "UNPROCESSABLE_CONTENT") {
          setAttemptKey(uuidv4());
        }
        if (details?.reason === "HOLD_EXPIRED") setExpiredByServer(true);
        // The code no longer applies (used up meanwhile, or expired): show the full price, and
        // let the next press pay without it, as a new attempt.
        if (details?.reason?.startsWith("DISCOUNT_")) {
          setDiscount(null);
          setAttemptKey(uuidv4());
        }
        if (details?.reason === "PAYMENT_IN_PROGRESS" && details.orderId) {
          setLeaving(true);
          router.push(`/orders/${details.orderId}`);
        }
      },
    }),
  );

  const expired =
    !leaving &&
    (expiredByServer || remaining === 0 || (holds.isSuccess && holds.data.seats.length === 0));
  // A hold that ran out goes back to the seat map at once, which says which seats were lost
  // and offers to hold them again. Arriving with nothing held, the buyer reads why first.
  const lostSeats = holds.data?.seats;
  const layoutVersion = holds.data?.layoutVersion;
  useEffect(() => {
    if (!expired) return;
    if (lostSeats?.length && layoutVersion) {
      const positions = lostSeats.flatMap((seat) =>
        seat.position === null ? [] : [seat.position],
      );
      rememberExpiredHold(eventId, { layoutVersion, positions });
      router.replace(`/events/${eventId}/seats`);
      return;
    }
    const timer = setTimeout(() => router.push(`/events/${eventId}/seats`), 4000);
    return () => clearTimeout(timer);
  }, [expired, eventId, router, lostSeats, layoutVersion]);

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
  const total = discount?.total ?? holds.data.total;
  const reason = checkout.error?.data?.details?.reason;
  const errorMessage = leaving
    ? null
    : checkout.error?.data?.code === "TOO_MANY_REQUESTS"
      ? waitMessage(checkout.error.data.details?.retryAfterSeconds)
      : reason === "PROVIDER_UNAVAILABLE"
        ? t("providerUnavailable")
        : reason === "FAILED"
          ? t("attemptEnded")
          : reason === "EMAIL_NOT_VERIFIED"
            ? tAccount("notVerifiedAtCheckout")
            : checkout.error
              ? t("failed", { message: apiMessage(checkout.error.message) })
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
                {seat.label} · {seat.section} · {seat.ticketType?.name ?? seat.tier}
              </span>
              <span>{money(seat.price)}</span>
            </li>
          ))}
        </ul>
        {discount && (
          <p
            data-testid="checkout-discount"
            className="mt-3 flex justify-between border-t border-slate-100 pt-2 text-sm text-emerald-800"
          >
            <span>{t("discountLine", { code: discount.code })}</span>
            <span>−{money(discount.discount)}</span>
          </p>
        )}
        <p className="mt-3 flex justify-between border-t border-slate-100 pt-2 font-semibold">
          <span>{t("total")}</span>
          <span data-testid="checkout-total">{money(total)}</span>
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
          checkout.mutate({
            eventId,
            idempotencyKey: attemptKey,
            admission,
            discountCode: discount?.code,
          });
        }}
      >
        <h2 id="checkout-payment" className="font-semibold">
          {t("payment")}
        </h2>
        <DiscountCodeField
          eventId={eventId}
          applied={discount}
          onChange={(applied) => {
            setDiscount(applied);
            // Another code (or none) is another attempt: its key must not carry the old code.
            setAttemptKey(uuidv4());
          }}
          money={money}
          disabled={checkout.isPending || leaving}
        />
        <p className="text-sm text-slate-600">{t("redirectNotice")}</p>
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
          disabled={checkout.isPending || leaving}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {checkout.isPending || leaving ? t("paying") : t("pay", { amount: money(total) })}
        </button>
      </form>
    </div>
  );
}
