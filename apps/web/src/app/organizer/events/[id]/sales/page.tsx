// One event's sales (R10); the figures are fetched here once and then kept live in the browser.
import { getTranslations } from "next-intl/server";
import { SalesLive } from "~/components/organizer/sales-live";
import { getServerApi } from "~/trpc/server";
import { loadOwn } from "../../../load-own";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("sales.title") };
}

export default async function EventSalesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerApi();
  const [t, sales] = await Promise.all([
    getTranslations("organizer.sales"),
    loadOwn(id, () => api.organizer.sales({ eventId: id })),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <SalesLive initial={sales} />
    </div>
  );
}
