// One event's sales (R10): the figures are fetched here, with the page, and then kept live in the
// browser.
import { getTranslations } from "next-intl/server";
import { SalesLive } from "~/components/organizer/sales-live";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadOwnEvent } from "../load-own-event";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("sales.title") };
}

export default async function EventSalesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The event first (the layout loads it too): a malformed id or someone else's event is the
  // 404 page, not a failed chart.
  await loadOwnEvent(id);
  prefetch(trpc.organizer.sales.queryOptions({ eventId: id }));
  const t = await getTranslations("organizer.sales");
  return (
    <HydrateClient>
      <div className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <SalesLive eventId={id} />
      </div>
    </HydrateClient>
  );
}
