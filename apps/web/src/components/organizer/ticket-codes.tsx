"use client";
// The event's signed ticket codes (issue 17): the check-in app verifies them offline with the
// event's public key. When a door phone is lost or codes leaked, the organizer re-issues every
// live ticket's code with a new key (checkin.rotateKey): the old codes stop working at every door.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { dangerButton, secondaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";

export function TicketCodes({ eventId }: { eventId: string }) {
  const t = useTranslations("organizer.checkIn.codes");
  const trpc = useTRPC();
  const apiMessage = useApiMessage();
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.checkin.rotateKey.mutationOptions({ onSettled: () => setConfirming(false) }),
  );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="reissue-question"
          className="flex flex-col gap-3 rounded-xl border border-red-200 bg-red-50 p-4"
        >
          <p id="reissue-question" className="text-sm text-red-900">
            {t("confirm")}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={rotate.isPending}
              onClick={() => rotate.mutate({ eventId })}
              className={dangerButton}
            >
              {rotate.isPending ? t("reissuing") : t("reissueNow")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={secondaryButton}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            rotate.reset();
            setConfirming(true);
          }}
          className={`${secondaryButton} self-start`}
        >
          {t("reissue")}
        </button>
      )}
      {rotate.data && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("reissued", { count: rotate.data.reissuedTickets, key: rotate.data.keyNumber })}
        </p>
      )}
      {rotate.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {apiMessage(rotate.error.message)}
        </p>
      )}
    </div>
  );
}
