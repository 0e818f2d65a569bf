// One event's sales (R10); the figures are fetched here once and then kept live in the browser.
import { getTranslations } from "next-intl/server";
import { SalesLive } from "~/components/organizer/sales-live";
import { loadOr404 } from "~/trpc/load-or-404";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("sales.title") };
}

export default async function EventSalesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, sales] = await Promise.all([
    getTranslations("organizer.sales"),
    loadOr404(id, (api) => api.organizer.sales({ eventId: id })),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <SalesLive initial={sales} />
    </div>
  );
}
