// One event's waiting room (docs/waiting-room.md): mark the event high-demand, watch its line,
// change the admission rate live.
import { getTranslations } from "next-intl/server";
import { WaitingRoomConsole } from "~/components/organizer/waiting-room-console";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadOwnEvent } from "../load-own-event";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("waitingRoom.title") };
}

export default async function EventWaitingRoomPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const event = await loadOwnEvent(id);
  prefetch(trpc.organizer.waitingRoom.get.queryOptions({ eventId: id }));
  const t = await getTranslations("organizer.waitingRoom");
  return (
    <HydrateClient>
      <div className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <WaitingRoomConsole eventId={event.id} timeZone={event.venue.timeZone} />
      </div>
    </HydrateClient>
  );
}
