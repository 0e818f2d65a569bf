"use client";
// The event's cover image: the current one (or the generated cover), a file to upload in its
// place, and a way back to the generated cover. The file goes as it is to /api/covers/<id>,
// which checks and resizes it; a file over the limit is refused here before it is sent.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { EventCover, type EventCoverFields } from "~/components/event-cover";
import { secondaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";

/** As the api's MAX_COVER_BYTES: checked here only to spare a long upload. */
const MAX_BYTES = 8 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

export function EventCoverUpload({ eventId, event }: { eventId: string; event: EventCoverFields }) {
  const t = useTranslations("organizer.cover");
  const apiMessage = useApiMessage();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function send(method: "POST" | "DELETE", body?: File) {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const response = await fetch(`/api/covers/${eventId}`, {
        method,
        body,
        headers: body ? { "Content-Type": "application/octet-stream" } : {},
      });
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        setProblem(answer?.error?.message ? apiMessage(answer.error.message) : t("failed"));
        return;
      }
      setDone(method === "POST" ? t("uploaded") : t("removed"));
      router.refresh();
    } catch {
      setProblem(t("failed"));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  const hasCover = Boolean(event.coverKey);
  return (
    <section aria-labelledby="cover-heading" className="flex flex-col gap-3">
      <h2 id="cover-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,20rem)_1fr] sm:items-start">
        <div className="overflow-hidden rounded-lg border border-slate-200">
          <EventCover event={event} sizes="20rem" priority />
        </div>
        <div className="flex flex-col gap-2 text-sm">
          <p className="text-slate-600">{t("hint")}</p>
          <label className="flex flex-col gap-1 font-medium text-slate-800">
            {hasCover ? t("replace") : t("upload")}
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              disabled={busy}
              data-testid="cover-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                if (file.size > MAX_BYTES) {
                  setDone(null);
                  setProblem(t("tooLarge", { max: MAX_BYTES / 1024 / 1024 }));
                  event.target.value = "";
                  return;
                }
                void send("POST", file);
              }}
              className="text-sm font-normal file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:font-medium file:text-white hover:file:bg-brand-700"
            />
          </label>
          {busy && <p aria-live="polite">{t("working")}</p>}
          {hasCover && (
            <div>
              <button
                type="button"
                disabled={busy}
                onClick={() => void send("DELETE")}
                className={secondaryButton}
              >
                {t("remove")}
              </button>
            </div>
          )}
          {problem && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
              {problem}
            </p>
          )}
          {done && (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">
              {done}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
