// One event's door check-in (issue 17): how many are in, live; the latest admissions, to undo a
// mistaken scan; the door staff the organizer invites to scan with the check-in app; and the
// signed ticket codes, re-issued with a new key when a door phone is lost.
import { getTranslations } from "next-intl/server";
import { CheckInCounts } from "~/components/organizer/check-in-counts";
import { DoorStaff } from "~/components/organizer/door-staff";
import { RecentCheckIns } from "~/components/organizer/recent-check-ins";
import { TicketCodes } from "~/components/organizer/ticket-codes";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadOwnEvent } from "../load-own-event";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("checkIn.title") };
}

export default async function EventCheckInPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The event first (the layout loads it too): someone else's event is the 404 page.
  const event = await loadOwnEvent(id);
  prefetch(trpc.checkin.counts.queryOptions({ eventId: id }));
  prefetch(trpc.checkin.recent.queryOptions({ eventId: id }));
  prefetch(trpc.checkin.staff.list.queryOptions({ eventId: id }));
  const t = await getTranslations("organizer.checkIn");
  return (
    <HydrateClient>
      <div className="flex flex-col gap-8">
        <section className="flex flex-col gap-4" aria-labelledby="check-in-counts">
          <h2 id="check-in-counts" className="text-xl font-semibold">
            {t("title")}
          </h2>
          <CheckInCounts eventId={id} />
        </section>
        <section className="flex flex-col gap-3" aria-labelledby="check-in-recent">
          <h2 id="check-in-recent" className="text-lg font-semibold">
            {t("recent.title")}
          </h2>
          <RecentCheckIns eventId={id} timeZone={event.venue.timeZone} />
        </section>
        <section className="flex flex-col gap-3" aria-labelledby="check-in-staff">
          <h2 id="check-in-staff" className="text-lg font-semibold">
            {t("staff.title")}
          </h2>
          <DoorStaff eventId={id} />
        </section>
        <section className="flex flex-col gap-3" aria-labelledby="check-in-codes">
          <h2 id="check-in-codes" className="text-lg font-semibold">
            {t("codes.title")}
          </h2>
          <TicketCodes eventId={id} />
        </section>
      </div>
    </HydrateClient>
  );
}
