// Checkout for the seats the buyer holds for one event: what they are buying into (when, where,
// the refund policy) above the seats and "Pay", and the way back to the seat map.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { WaitingRoomGate } from "~/components/waiting-room/waiting-room-gate";
import { getSessionUser } from "~/server/auth";
import { loadEvent } from "../load-event";
import { CheckoutForm } from "./checkout-form";

export async function generateMetadata() {
  return { title: (await getTranslations("checkout"))("title") };
}

export default async function CheckoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await getSessionUser()))
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/events/${id}/checkout`)}`);
  const event = await loadEvent(id);
  const [t, tEvent, format] = await Promise.all([
    getTranslations("checkout"),
    getTranslations("event"),
    getFormatter(),
  ]);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <Link
        href={`/events/${event.id}/seats`}
        data-testid="back-to-seats"
        className="text-sm text-brand-700 hover:underline"
      >
        ← {t("backToMap")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 font-medium text-slate-800">
          <Link href={`/events/${event.id}`} className="hover:underline">
            {event.title}
          </Link>
        </p>
      </div>
      <dl
        data-testid="checkout-event"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3"
      >
        <div>
          <dt className="text-slate-500">{tEvent("when")}</dt>
          <dd className="font-medium">
            <time dateTime={event.startsAt.toISOString()}>
              {format.dateTime(event.startsAt, {
                dateStyle: "full",
                timeStyle: "short",
                timeZone: event.venue.timeZone,
              })}
            </time>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{tEvent("where")}</dt>
          <dd className="font-medium">
            {event.venue.name}
            <span className="block font-normal text-slate-600">{event.venue.address}</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{tEvent("refundPolicy")}</dt>
          <dd>
            {event.refundableUntilHours === null
              ? tEvent("notRefundable")
              : tEvent("refundable", {
                  hours: event.refundableUntilHours,
                  percent: event.refundPercent,
                })}
          </dd>
        </div>
      </dl>
      {event.hasWaitingRoom ? (
        <WaitingRoomGate eventId={event.id}>
          <CheckoutForm eventId={event.id} currency={event.currency} />
        </WaitingRoomGate>
      ) : (
        <CheckoutForm eventId={event.id} currency={event.currency} />
      )}
    </div>
  );
}
