"use client";
// Imports seats from CSV pasted or loaded from a file. A refused file lists every problem by its
// line number, as the api found them, so the spreadsheet can be fixed in one pass.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { fieldInput, fieldLabel, primaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

export function ImportLayoutForm({ venueId }: { venueId: string }) {
  const t = useTranslations("organizer.import");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const apiMessage = useApiMessage();
  const [csv, setCsv] = useState("section,row,number,x,y\n");
  const [done, setDone] = useState<string | null>(null);
  const importLayout = useMutation(
    trpc.organizer.venues.importLayout.mutationOptions({
      onSuccess: (result) => {
        setDone(t("imported", { count: result.seatsCreated }));
        router.refresh();
      },
    }),
  );
  const details = importLayout.error?.data?.details;
  const lineErrors = details?.errors ?? [];

  return (
    <form
      aria-label={t("title")}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        importLayout.mutate({ venueId, csv });
      }}
    >
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <label className={fieldLabel} htmlFor={`${id}-csv`}>
        {t("csv")}
      </label>
      <textarea
        id={`${id}-csv`}
        value={csv}
        onChange={(event) => setCsv(event.target.value)}
        rows={8}
        spellCheck={false}
        className={`${fieldInput} font-mono`}
      />
      <label className={fieldLabel}>
        {t("file")}
        <input
          type="file"
          accept=".csv,text/csv"
          className="text-sm font-normal"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </label>
      {lineErrors.length > 0 ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">
            {t("refused", { count: details?.errorCount ?? lineErrors.length })}
          </p>
          <ol data-testid="import-errors" className="mt-1 flex flex-col gap-0.5">
            {lineErrors.map((error) => (
              <li key={`${error.line}-${error.message}`}>
                <span className="font-mono font-semibold">{t("line", { line: error.line })}</span>{" "}
                {apiMessage(error.message)}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <MutationError error={importLayout.error} />
      )}
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
      <div>
        <button
          type="submit"
          disabled={importLayout.isPending || csv.trim() === ""}
          className={primaryButton}
        >
          {importLayout.isPending ? t("importing") : t("submit")}
        </button>
      </div>
    </form>
  );
}
