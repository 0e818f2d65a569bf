// The whole app: sign in, choose an event and a door, scan. Who is signed in and the station
// are remembered on the phone, so that the app, reopened without the network, goes on scanning.
import { useEffect, useState } from "react";
import { api, type Me, type ScannableEvent, signIn, signOut, whoAmI } from "./api.ts";
import { remember, remembered, saveDoor, savedDoor } from "./device.ts";
import { initialLocale, type Locale, type Translate, translator } from "./messages.ts";
import { Scanner } from "./scanner.tsx";

type Station = { event: ScannableEvent; door: string };

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [station, setStationState] = useState<Station | null>(null);
  const t = translator(locale);
  const setStation = (chosen: Station | null) => {
    remember("station", chosen);
    setStationState(chosen);
  };

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator(locale)("appName");
    localStorage.setItem("openticket.checkin.locale", locale);
  }, [locale]);

  useEffect(() => {
    whoAmI().then(
      (signedIn) => {
        // The station chosen before, if the same person is still signed in.
        const before = remembered<Me>("me");
        if (signedIn && signedIn.id === before?.id) setStationState(remembered("station"));
        else remember("station", null);
        remember("me", signedIn);
        setMe(signedIn);
      },
      // No network: whoever was signed in on this phone goes on at their station, offline.
      () => {
        const before = remembered<Me>("me");
        setMe(before);
        if (before) setStationState(remembered("station"));
      },
    );
  }, []);

  return (
    <main>
      <header>
        <h1>{t("appName")}</h1>
        <button
          type="button"
          className="link"
          onClick={() => setLocale(locale === "en" ? "zh-TW" : "en")}
        >
          {t("language")}
        </button>
        {me && (
          <button
            type="button"
            className="link"
            onClick={async () => {
              await signOut();
              setStation(null);
              remember("me", null);
              setMe(null);
            }}
          >
            {t("signOut")}
          </button>
        )}
      </header>
      {me === null && (
        <SignIn
          t={t}
          onSignedIn={(signedIn) => {
            // Another person on this phone starts from the event list, not someone's station.
            if (signedIn.id !== remembered<Me>("me")?.id) remember("station", null);
            remember("me", signedIn);
            setMe(signedIn);
          }}
        />
      )}
      {me && !station && (
        <EventPicker t={t} onChoose={(event, door) => setStation({ event, door })} />
      )}
      {me && station && (
        <Scanner
          t={t}
          locale={locale}
          event={station.event}
          door={station.door}
          onLeave={() => setStation(null)}
        />
      )}
    </main>
  );
}

function SignIn({ t, onSignedIn }: { t: Translate; onSignedIn: (me: Me) => void }) {
  const [failed, setFailed] = useState(false);
  return (
    <form
      className="card"
      onSubmit={async (submitted) => {
        submitted.preventDefault();
        const form = new FormData(submitted.currentTarget);
        const me = await signIn(String(form.get("login")), String(form.get("password"))).catch(
          () => null,
        );
        if (me) onSignedIn(me);
        else setFailed(true);
      }}
    >
      <h2>{t("signInTitle")}</h2>
      <label>
        {t("login")}
        <input name="login" autoComplete="username" required />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {failed && <p role="alert">{t("signInFailed")}</p>}
      <button type="submit">{t("signIn")}</button>
    </form>
  );
}

function EventPicker({
  t,
  onChoose,
}: {
  t: Translate;
  onChoose: (event: ScannableEvent, door: string) => void;
}) {
  const [events, setEvents] = useState<ScannableEvent[] | null>(null);
  const [door, setDoor] = useState(savedDoor);
  useEffect(() => {
    api.checkin.events.query().then(setEvents, () => setEvents([]));
  }, []);
  if (!events) return null;
  return (
    <section className="card">
      <h2>{t("chooseEvent")}</h2>
      <label>
        {t("door")}
        <input
          name="door"
          value={door}
          maxLength={40}
          placeholder={t("doorPlaceholder")}
          onChange={(changed) => setDoor(changed.target.value)}
        />
      </label>
      {events.length === 0 && <p>{t("noEvents")}</p>}
      <ul className="events">
        {events.map((event) => (
          <li key={event.id}>
            <button
              type="button"
              disabled={!door.trim()}
              onClick={() => {
                saveDoor(door.trim());
                onChoose(event, door.trim());
              }}
            >
              <strong>{event.title}</strong>
              <span>
                {event.venue.name} ·{" "}
                {event.startsAt.toLocaleString(undefined, {
                  timeZone: event.venue.timeZone,
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
