// Scanning for one event at one door: a typed code or the camera, and the answer at once in
// colour, sound and words. The organizer may undo the last check-in. Without the network the
// phone checks codes itself and syncs later (offline.ts); the sync's conflicts are listed.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { api, refusalCode, type ScanAnswer, type ScannableEvent } from "./api.ts";
import { deviceId } from "./device.ts";
import type { Locale, Translate } from "./messages.ts";
import {
  addConflicts,
  admittedHereUnsynced,
  dismissConflicts,
  type OfflineAnswer,
  pendingScans,
  refreshKit,
  type SyncedScan,
  scanOffline,
  storedConflicts,
  storedKit,
  syncPending,
} from "./offline.ts";
import { playAnswer } from "./sound.ts";

type Shown =
  | { kind: "ready" }
  | { kind: "answer"; answer: ScanAnswer }
  | { kind: "offline"; answer: OfflineAnswer }
  | { kind: "refused"; code: string }
  | { kind: "undone" };

/** How often a phone that is online takes a fresh offline kit. */
const KIT_REFRESH_MS = 5 * 60_000;

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

  const [online, setOnline] = useState(() => navigator.onLine);
  const [pending, setPending] = useState(() => pendingScans(event.id).length);
  const [unsigned, setUnsigned] = useState(() => storedKit(event.id)?.unsignedTickets ?? 0);
  const [synced, setSynced] = useState<number | null>(null);
  const [syncRefused, setSyncRefused] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<SyncedScan[]>(() => storedConflicts(event.id));
  const syncing = useRef(false);
  const syncAgain = useRef(false);

  /**
   * Sends the offline scans, then takes a fresh kit. No network: offline; a refusal: said.
   * An answer can arrive after the phone lost its network: it says online only if the phone
   * still is. A sync asked for while one runs (the network back mid-way) runs after it.
   */
  const sync = useCallback(async () => {
    if (syncing.current) {
      syncAgain.current = true;
      return;
    }
    syncing.current = true;
    try {
      if (pendingScans(event.id).length > 0) {
        const results = await syncPending(event.id);
        setSynced(results.length);
        setConflicts(addConflicts(event.id, results));
      }
      const kit = await refreshKit(event.id);
      setUnsigned(kit.unsignedTickets);
      setOnline(navigator.onLine);
      setSyncRefused(null);
    } catch (error) {
      const refused = refusalCode(error);
      if (refused === "NETWORK") setOnline(false);
      else {
        // Online, but OpenTicket said no (signed out, access taken away, too many): the scans
        // stay on the phone and staff are told why.
        setOnline(navigator.onLine);
        setSyncRefused(refused);
      }
    } finally {
      syncing.current = false;
      setPending(pendingScans(event.id).length);
    }
    const again = syncAgain.current;
    syncAgain.current = false;
    if (again && navigator.onLine) await sync();
  }, [event.id]);

  useEffect(() => {
    void sync();
    const goneOffline = () => setOnline(false);
    const backOnline = () => void sync();
    window.addEventListener("offline", goneOffline);
    window.addEventListener("online", backOnline);
    // Every so often: a fresh kit, and a retry of scans a failed sync left behind.
    const timer = setInterval(() => navigator.onLine && void sync(), KIT_REFRESH_MS);
    return () => {
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener("online", backOnline);
      clearInterval(timer);
    };
  }, [sync]);

  const scanWithoutNetwork = useCallback(
    async (code: string) => {
      setOnline(false);
      const answer = await scanOffline(event.id, door, code);
      setPending(pendingScans(event.id).length);
      playAnswer(answer.outcome === "ADMITTED");
      setShown({ kind: "offline", answer });
    },
    [event.id, door],
  );

  const scan = useCallback(
    async (code: string) => {
      const now = Date.now();
      if (last.current?.code === code && now - last.current.at < REPEAT_MS) return;
      last.current = { code, at: now };
      if (!navigator.onLine) return scanWithoutNetwork(code);
      // Let in here offline and not synced yet: OpenTicket does not know it is in.
      if (admittedHereUnsynced(event.id, code)) {
        playAnswer(false);
        setShown({ kind: "offline", answer: { outcome: "ALREADY_CHECKED_IN", offline: true } });
        void sync();
        return;
      }
      try {
        const answer = await api.checkin.scan.mutate({
          eventId: event.id,
          code,
          door,
          deviceId: deviceId(),
        });
        playAnswer(answer.outcome === "ADMITTED");
        setShown({ kind: "answer", answer });
        if (!online || pendingScans(event.id).length > 0) void sync();
      } catch (error) {
        const refused = refusalCode(error);
        if (refused === "NETWORK") return scanWithoutNetwork(code);
        playAnswer(false);
        // A code too long to be one is refused as input: for the door, it is no ticket.
        setShown(
          refused === "BAD_REQUEST"
            ? { kind: "answer", answer: { outcome: "UNKNOWN" } }
            : { kind: "refused", code: refused },
        );
      }
    },
    [event.id, door, online, sync, scanWithoutNetwork],
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
      <Connection
        t={t}
        online={online}
        pending={pending}
        synced={synced}
        refused={syncRefused}
        unsigned={unsigned}
        onSync={() => void sync()}
      />
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
      {conflicts.length > 0 && (
        <Conflicts
          t={t}
          locale={locale}
          event={event}
          conflicts={conflicts}
          onDismiss={() => {
            dismissConflicts(event.id);
            setConflicts([]);
          }}
        />
      )}
    </section>
  );
}

function Connection({
  t,
  online,
  pending,
  synced,
  refused,
  unsigned,
  onSync,
}: {
  t: Translate;
  online: boolean;
  pending: number;
  synced: number | null;
  refused: string | null;
  unsigned: number;
  onSync: () => void;
}) {
  return (
    <div className={`connection ${online && !refused ? "online" : "offline"}`} role="status">
      <span>{online ? t("online") : t("offlineMode")}</span>
      {refused && (
        <span>
          {refused === "UNAUTHORIZED"
            ? t("syncSignIn")
            : refused === "TOO_MANY_REQUESTS"
              ? t("syncTooMany")
              : t("syncFailed")}
        </span>
      )}
      {pending > 0 && <span>{t("pending", { count: String(pending) })}</span>}
      {pending === 0 && synced !== null && <span>{t("synced", { count: String(synced) })}</span>}
      {unsigned > 0 && <span>{t("unsignedTickets", { count: String(unsigned) })}</span>}
      {online && pending > 0 && (
        <button type="button" className="link" onClick={onSync}>
          {t("syncNow")}
        </button>
      )}
    </div>
  );
}

function Conflicts({
  t,
  locale,
  event,
  conflicts,
  onDismiss,
}: {
  t: Translate;
  locale: Locale;
  event: ScannableEvent;
  conflicts: SyncedScan[];
  onDismiss: () => void;
}) {
  const time = (date: Date) =>
    new Date(date).toLocaleTimeString(locale, {
      timeZone: event.venue.timeZone,
      timeStyle: "short",
    });
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t("conflictsTitle")}</h2>
      <ul>
        {conflicts.map((conflict) => {
          const seat = conflict.ticket
            ? `${conflict.ticket.section} ${conflict.ticket.seat} (${conflict.ticket.holder})`
            : "";
          const other = {
            door: conflict.other?.door ?? t("anotherDoor"),
            otherTime: conflict.other ? time(conflict.other.at) : "?",
          };
          const words =
            conflict.outcome === "DUPLICATE"
              ? t(conflict.firstScan ? "conflictFirst" : "conflictLater", { seat, ...other })
              : conflict.outcome === "CANCELLED"
                ? t("conflictCancelled", { seat })
                : t("conflictUnknown");
          return (
            <li key={conflict.localId} data-outcome={conflict.outcome}>
              {words}
            </li>
          );
        })}
      </ul>
      <button type="button" className="link" onClick={onDismiss}>
        {t("dismiss")}
      </button>
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
  if (shown.kind === "offline") return <OfflineAnswerShown t={t} answer={shown.answer} />;
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
              tier: answer.ticket.ticketType ?? answer.ticket.tier,
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

function OfflineAnswerShown({ t, answer }: { t: Translate; answer: OfflineAnswer }) {
  const title = {
    ADMITTED: t("admitted"),
    ALREADY_CHECKED_IN: t("alreadyCheckedIn"),
    CANCELLED: t("cancelled"),
    WRONG_EVENT: t("wrongEvent"),
    UNKNOWN: t("unknown"),
    NOT_VERIFIABLE: t("notVerifiable"),
  }[answer.outcome];
  const tone =
    answer.outcome === "ADMITTED"
      ? "go"
      : answer.outcome === "ALREADY_CHECKED_IN" || answer.outcome === "NOT_VERIFIABLE"
        ? "warn"
        : "stop";
  return (
    <output className={`answer ${tone}`} data-outcome={answer.outcome} data-offline="true">
      <strong>{title}</strong>
      <span>{t(answer.outcome === "ADMITTED" ? "checkedOffline" : "checkedOfflineOnly")}</span>
    </output>
  );
}
