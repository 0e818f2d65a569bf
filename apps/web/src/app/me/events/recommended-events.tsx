// The "Recommended for you" section: the shared EventCard, with the reason it was picked
// under each (the ranking rule lives in the api's services/me/recommend-events.ts).
import type { RouterOutputs } from "@openticket/api";
import { getTranslations } from "next-intl/server";
import { EventCard } from "~/components/event-card";

type Recommendation = RouterOutputs["me"]["recommendations"]["items"][number];

export async function RecommendedEvents({ items }: { items: Recommendation[] }) {
  const t = await getTranslations("myEvents.recommended");
  const reasonText = ({ reason }: Recommendation) => {
    switch (reason.kind) {
      case "performer":
        return t(reason.becauseEventPast ? "reason.performer" : "reason.performerUpcoming", {
          title: reason.becauseEventTitle,
        });
      case "category":
        return t("reason.category", { category: reason.value, title: reason.becauseEventTitle });
      case "city":
        return t("reason.city", { city: reason.value });
      case "popular":
        return t("reason.popular");
    }
  };
  const onlyPopular = items.every((item) => item.reason.kind === "popular");
  return (
    <section aria-labelledby="recommended-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="recommended-heading" className="text-xl font-semibold tracking-tight">
          {t("heading")}
        </h2>
        {items.length > 0 && (
          <p className="text-sm text-slate-600">{t(onlyPopular ? "introPopular" : "intro")}</p>
        )}
      </div>
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          {t("empty")}
        </p>
      ) : (
        <ul
          data-testid="recommended-events"
          className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
        >
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-2">
              {/* EventCard is a list item itself; this list only holds it, so it is hidden from
                  assistive technology and the outer list is the one announced. */}
              <ul role="none" className="flex flex-1 flex-col *:flex-1">
                <EventCard event={item} />
              </ul>
              <p data-testid="recommendation-reason" className="text-sm text-brand-700">
                {reasonText(item)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
