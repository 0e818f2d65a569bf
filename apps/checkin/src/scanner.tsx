// Scanning for one event at one door: a typed code or the camera, and the answer at once in
// colour, sound and words. The organizer may undo the last check-in.
import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { api, refusalCode, type ScanAnswer, type ScannableEvent } from "./api.ts";
import { deviceId } from "./device.ts";
import type { Locale, Translate } from "./messages.ts";
import { playAnswer } from "./sound.ts";

type Shown =
  | { kind: "ready" }
  | { kind: "answer"; answer: ScanAnswer }
  | { kind: "refused"; code: string }
  | { kind: "undone" };

// The QR reader is most of the app's weight: loaded when the camera is first switched on.
const Camera = lazy(() => import("./camera.tsx").then((module) => ({ default: module.Camera })));

/** The same code read again within this time is the camera seeing it twice, not a new scan. */
const REPEAT_MS = 3000;

export function Scanner({
  t,
  locale,
  event,
  door,
  onLeave,
}: {
  t: Translate;
  locale: Locale;
  event: ScannableEvent;
  door: string;
  onLeave: () => void;
}) {
  const [shown, setShown] = useState<Shown>({ kind: "ready" });
  const [camera, setCamera] = useState(false);
  const last = useRef<{ code: string; at: number } | null>(null);

  const scan = useCallback(
    async (code: string) => {
      const now = Date.now();
      if (last.current?.code === code && now - last.current.at < REPEAT_MS) return;
      last.current = { code, at: now };
      try {
        const answer = await api.checkin.scan.mutate({
          eventId: event.id,
          code,
          door,
          deviceId: deviceId(),
        });
        playAnswer(answer.outcome === "ADMITTED");
        setShown({ kind: "answer", answer });
      } catch (error) {
        const refused = refusalCode(error);
        playAnswer(false);
        // A code too long to be one is refused as input: for the door, it is no ticket.
        setShown(
          refused === "BAD_REQUEST"
            ? { kind: "answer", answer: { outcome: "UNKNOWN" } }
            : { kind: "refused", code: refused },
        );
      }
    },
    [event.id, door],
  );

  const ticketId =
    shown.kind === "answer" && "ticket" in shown.answer ? shown.answer.ticket.ticketId : null;
  const canUndo =
    event.canUndo &&
    shown.kind === "answer" &&
    (shown.answer.outcome === "ADMITTED" || shown.answer.outcome === "ALREADY_CHECKED_IN");

  return (
    <section className="scanner">
      <div className="station">
        <div>
          <strong>{event.title}</strong>
          <span>
            {t("door")}: {door}
          </span>
        </div>
        <button type="button" className="link" onClick={onLeave}>
          {t("changeEvent")}
        </button>
      </div>
      <Answer t={t} locale={locale} event={event} shown={shown} />
      {canUndo && ticketId && (
        <button
          type="button"
          className="undo"
          onClick={async () => {
            await api.checkin.undo.mutate({ eventId: event.id, ticketId });
            last.current = null;
            setShown({ kind: "undone" });
          }}
        >
          {t("undo")}
        </button>
      )}
      <form
        className="manual"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          const input = submitted.currentTarget.elements.namedItem("code") as HTMLInputElement;
          last.current = null; // typing a code again is a new scan
          void scan(input.value.trim());
          input.value = "";
        }}
      >
        <input
          name="code"
          aria-label={t("typeCode")}
          placeholder={t("typeCode")}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <button type="submit">{t("check")}</button>
      </form>
      <button type="button" onClick={() => setCamera(!camera)}>
        {camera ? t("stopCamera") : t("startCamera")}
      </button>
      {camera && (
        <Suspense>
          <Camera t={t} onCode={scan} />
        </Suspense>
      )}
    </section>
  );
}

function Answer({
  t,
  locale,
  event,
  shown,
}: {
  t: Translate;
  locale: Locale;
  event: ScannableEvent;
  shown: Shown;
}) {
  if (shown.kind === "ready") return <output className="answer ready">{t("ready")}</output>;
  if (shown.kind === "undone") return <output className="answer ready">{t("undone")}</output>;
  if (shown.kind === "refused") {
    const words =
      shown.code === "TOO_MANY_REQUESTS"
        ? t("tooMany")
        : shown.code === "NETWORK"
          ? t("network")
          : t("failed");
    return (
      <output className="answer stop" data-outcome={shown.code}>
        {words}
      </output>
    );
  }
  const { answer } = shown;
  const time = (date: Date | null) =>
    date
      ? date.toLocaleTimeString(locale, { timeZone: event.venue.timeZone, timeStyle: "short" })
      : "?";
  const title = {
    ADMITTED: t("admitted"),
    ALREADY_CHECKED_IN: t("alreadyCheckedIn"),
    CANCELLED: t("cancelled"),
    WRONG_EVENT: t("wrongEvent"),
    UNKNOWN: t("unknown"),
  }[answer.outcome];
  const tone =
    answer.outcome === "ADMITTED"
      ? "go"
      : answer.outcome === "ALREADY_CHECKED_IN"
        ? "warn"
        : "stop";
  return (
    <output className={`answer ${tone}`} data-outcome={answer.outcome}>
      <strong>{title}</strong>
      {"ticket" in answer && (
        <>
          <span className="holder">{answer.ticket.holder}</span>
          <span>
            {t("seat", {
              seat: answer.ticket.seat,
              section: answer.ticket.section,
              tier: answer.ticket.tier,
            })}
          </span>
        </>
      )}
      {answer.outcome === "ALREADY_CHECKED_IN" && (
        <span>
          {answer.door
            ? t("alreadyAt", { time: time(answer.checkedInAt), door: answer.door })
            : t("alreadyAtUnknownDoor", { time: time(answer.checkedInAt) })}
        </span>
      )}
    </output>
  );
}
