// My events (R6): the events the signed-in user attended, and upcoming ones picked for them.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import { uuidOrUndefined } from "~/url/uuid";
import { AttendedEvents } from "./attended-events";
import { RecommendedEvents } from "./recommended-events";

export async function generateMetadata() {
  return { title: (await getTranslations("myEvents"))("title") };
}

export default async function MyEventsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/me/events");
  const { cursor } = await searchParams;
  const api = await getServerApi();
  const [t, attended, recommended] = await Promise.all([
    getTranslations("myEvents"),
    api.me.attendedEvents({ cursor: uuidOrUndefined(cursor) }),
    api.me.recommendations(),
  ]);
  return (
    <div className="flex flex-col gap-10">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
      <AttendedEvents page={attended} isFirstPage={!cursor} />
      <RecommendedEvents items={recommended.items} />
    </div>
  );
}
