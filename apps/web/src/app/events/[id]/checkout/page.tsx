// Checkout for the seats the buyer holds for one event.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("checkout");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600">{event.title}</p>
      <CheckoutForm eventId={event.id} currency={event.currency} />
    </div>
  );
}
