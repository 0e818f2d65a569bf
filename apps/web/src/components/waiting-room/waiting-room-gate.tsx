"use client";
// The waiting room in front of a high-demand event's seat map and checkout
// (docs/waiting-room.md). It joins the line (the server keeps one place per account, so another
// tab, device or a later visit finds the same place), shows the buyer's place and the estimated
// wait, asks again when the server suggests, and once admitted shows its children with the
// admission pass in context (useAdmissionPass) for holds and checkout to send.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

const AdmissionPass = createContext<string | undefined>(undefined);

/** The admission pass for the event on this page, if it has a waiting room. */
export function useAdmissionPass(): string | undefined {
  return useContext(AdmissionPass);
}

export function WaitingRoomGate({ eventId, children }: { eventId: string; children: ReactNode }) {
  const t = useTranslations("waitingRoom");
  const format = useFormatter();
  const apiMessage = useApiMessage();
  const trpc = useTRPC();
  const place = useQuery(
    trpc.waitingRoom.place.queryOptions(
      { eventId },
      {
        refetchInterval: (query) => {
          const data = query.state.data;
          return data && "pollAfterSeconds" in data ? data.pollAfterSeconds * 1000 : false;
        },
        refetchIntervalInBackground: true,
      },
    ),
  );
  const join = useMutation(
    trpc.waitingRoom.join.mutationOptions({
      onSuccess: () => place.refetch(),
    }),
  );
  const joinOnce = join.mutate;
  const notJoined = place.data?.state === "NOT_JOINED";
  useEffect(() => {
    if (notJoined) joinOnce({ eventId });
  }, [notJoined, joinOnce, eventId]);

  const data = place.data;
  if (data?.state === "NO_WAITING_ROOM") return children;
  if (data?.state === "ADMITTED") {
    return <AdmissionPass.Provider value={data.pass}>{children}</AdmissionPass.Provider>;
  }
  const error = place.error ?? join.error;
  return (
    <section
      aria-labelledby="waiting-room-title"
      aria-live="polite"
      data-testid="waiting-room"
      className="mx-auto flex w-full max-w-xl flex-col gap-4 rounded-xl border border-brand-200 bg-brand-50 p-6 text-center"
    >
      <h2 id="waiting-room-title" className="text-xl font-bold text-brand-900">
        {t("title")}
      </h2>
      {data?.state === "WAITING" ? (
        <>
          <p className="text-sm text-slate-700">{t("yourPlace")}</p>
          <p
            className="text-5xl font-bold tabular-nums text-brand-900"
            data-testid="queue-position"
          >
            {format.number(data.position)}
          </p>
          <p className="text-slate-700" data-testid="queue-estimate">
            {data.estimatedWaitSeconds < 60
              ? t("waitUnderMinute")
              : t("waitMinutes", { minutes: Math.ceil(data.estimatedWaitSeconds / 60) })}
          </p>
        </>
      ) : data?.state === "EARLY" ? (
        <p className="text-slate-700" data-testid="queue-early">
          {t("early", {
            opensAt: format.dateTime(data.opensAt, { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
      ) : (
        <p className="text-slate-700">{t("joining")}</p>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {apiMessage(error.message)}
        </p>
      ) : null}
      <p className="text-sm text-slate-600">{t("keepsPlace")}</p>
    </section>
  );
}
