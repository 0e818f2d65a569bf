"use client";
// Downloads the sales report as CSV: fetched fresh through tRPC, then saved from a Blob.
import type { RouterInputs } from "@openticket/api";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveCsvFile } from "~/components/save-csv-file";
import { useTRPC } from "~/trpc/react";

export function DownloadSalesCsvButton({ input }: { input: RouterInputs["admin"]["salesCsv"] }) {
  const t = useTranslations("admin.sales");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    setWorking(true);
    setFailure(null);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.admin.salesCsv.queryOptions(input),
        // Always the figures as they are now, never a copy from earlier.
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
      <button
        type="button"
        onClick={download}
        disabled={working}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:border-brand-600 disabled:opacity-60"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M10 2a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V3a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
        </svg>
        {working ? t("downloading") : t("download")}
      </button>
      {failure && (
        <p role="alert" className="text-sm text-red-700">
          {t("downloadFailed", { message: failure })}
        </p>
      )}
    </div>
  );
}
