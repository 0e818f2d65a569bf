"use client";
// Downloads the attendee list as CSV, fetched fresh through tRPC.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveCsvFile } from "~/components/save-csv-file";
import { secondaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

export function ExportAttendeesButton({ eventId }: { eventId: string }) {
  const t = useTranslations("organizer.attendees");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    setWorking(true);
    setFailure(null);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.organizer.attendeesCsv.queryOptions({ eventId }),
        staleTime: 0,
      });
      saveCsvFile(file);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setWorking(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <button type="button" onClick={download} disabled={working} className={secondaryButton}>
        {working ? t("exporting") : t("export")}
      </button>
      {failure && (
        <p role="alert" className="text-sm text-red-700">
          {t("exportFailed", { message: failure })}
        </p>
      )}
    </div>
  );
}
