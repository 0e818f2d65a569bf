"use client";
import type { AppRouter } from "@openticket/api";
// Seat selection (R4, R7, R17, R18): the live seat map, the buyer's selection and total, and
// holding the seats. The page prefetches the status on the server (it is here on first render)
// and has the browser preload the layout's cacheable URL (./seat-layout-query.ts); the live stream (event.onSeatStatus) patches the status, and a missed
// delta resubscribes for a snapshot.
// Seats are addressed by position in the layout: a MapSeat's id is String(position).
// On a phone a big venue is section-first: a list of its sections (prices, seats left), then one
// section's seats at a size that can be tapped, with the selection and its Hold button kept at
// the bottom of the screen (./section-list.tsx, ./selection-bar.tsx). A big venue also offers
// each section's best seats at one click (./best-available.tsx). Standing zones are not drawn
// seat by seat: their places are asked for by number (./standing-zones.tsx), and an event with
// only standing zones (a talk) has no map at all.
import {
  applySeatStatusMessage,
  decodeSeatStatus,
  SEAT_CODE_NAMES,
  SEAT_CODES,
  type SeatLayout,
  type SeatStatusMessage,
  type SeatStatusWire,
} from "@openticket/api/seat-map";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { TRPCClientErrorLike } from "@trpc/client";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { v4 as uuidv4 } from "uuid";
import { useCountdown } from "~/components/use-countdown";
import { useWaitMessage } from "~/components/use-wait-message";
import { useAdmissionPass } from "~/components/waiting-room/waiting-room-gate";
import { formatMoney } from "~/format/money";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import { type BestAvailable, BestAvailablePanel } from "./best-available";
import { useExpiredHold } from "./expired-hold";
import { ExpiredHoldNotice } from "./expired-hold-notice";
import { type LiveSeats, useFreeExpiredHolds } from "./free-expired-holds";
import type { MapSeat } from "./seat-colors";
import { seatLayoutQuery } from "./seat-layout-query";
import { SeatLegend } from "./seat-legend";
import { SECTION_FIRST_SEATS, SeatMapSvg } from "./seat-map-svg";
import { isChoosable } from "./seat-navigation";
import { OpenSectionBar, type SectionChoice, SectionList } from "./section-list";
import { type SectionSummary, summarizeSections } from "./section-summaries";
import { SelectionBar } from "./selection-bar";
import { type StandingZone, StandingZones } from "./standing-zones";
import { TicketTypeSelect, typesForTier } from "./ticket-type-select";
import { useNarrowScreen } from "./use-narrow-screen";
import { useZoneShapes, type ZoneArea } from "./zone-areas";

type Props = {
  eventId: string;
  maxSeatsPerOrder: number;
  signedIn: boolean;
  onSale: boolean;
};

type HoldRefusal = TRPCClientErrorLike<AppRouter>;

const selectionKey = (eventId: string) => `openticket:selection:${eventId}`;

/** Screen pixels per map unit a phone opens a section at: seats 13 px wide, rows labelled. */
const PHONE_SECTION_SCALE = 1.6;

export function SeatPicker({ eventId, maxSeatsPerOrder, signedIn, onSale }: Props) {
  const t = useTranslations("seats");
  const apiMessage = useApiMessage();
  const waitMessage = useWaitMessage();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const admission = useAdmissionPass();
  const initial = useSuspenseQuery(trpc.event.seatStatus.queryOptions({ eventId }));
  // The latest whole status (prefetched, or a snapshot from the stream), and the live one.
  const [snapshot, setSnapshot] = useState<SeatStatusWire>(initial.data);
  const [live, setLive] = useState<LiveSeats | null>(null);
  const [resumeFrom, setResumeFrom] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [bestQuantity, setBestQuantity] = useState(2);
  const [bestNotice, setBestNotice] = useState<string | null>(null);
  const [zoneNotice, setZoneNotice] = useState<string | null>(null);
  /** Where best available just held seats, for the map to zoom to. */
  const [focusSection, setFocusSection] = useState<{ index: number; key: number }>();

  const layoutQuery = useQuery(seatLayoutQuery(eventId, snapshot.layoutVersion));
  const layout = layoutQuery.data;
  const queryClient = useQueryClient();
  // Ticket types (issue 15), and what the buyer's held seats are held as and cost.
  const ticketTypes = useQuery(trpc.event.ticketTypes.queryOptions({ eventId })).data ?? [];

  // A whole status for the layout at hand replaces the live one; the stream resumes from it.
  useEffect(() => {
    if (!layout || layout.version !== snapshot.layoutVersion) return;
    setLive({ status: decodeSeatStatus(snapshot, layout.seatCount), holdEnds: new Map() });
    setResumeFrom((current) => current ?? snapshot.version);
  }, [layout, snapshot]);

  // A selection made before signing in comes back after it.
  useEffect(() => {
    const saved = sessionStorage.getItem(selectionKey(eventId));
    if (saved) {
      sessionStorage.removeItem(selectionKey(eventId));
      setSelected(JSON.parse(saved) as string[]);
    }
  }, [eventId]);

  const resubscribe = useRef<() => void>(() => {});
  const onMessage = useCallback(
    (message: SeatStatusMessage) => {
      if ("snapshot" in message) {
        setSnapshot(message.snapshot);
        return;
      }
      if (!layout) return;
      setLive((current) => {
        const next = current && applySeatStatusMessage(current.status, message, layout.seatCount);
        if (!current || !next) {
          // A delta that does not follow what we hold: start again from a snapshot.
          queueMicrotask(() => resubscribe.current());
          return current;
        }
        const holdEnds = new Map(current.holdEnds);
        for (const [position, code, ends] of message.changes) {
          if (code === SEAT_CODES.HELD && ends !== undefined) holdEnds.set(position, ends);
          else holdEnds.delete(position);
        }
        return { status: next, holdEnds };
      });
    },
    [layout],
  );
  const liveStream = useSubscription(
    trpc.event.onSeatStatus.subscriptionOptions(
      { eventId, since: resumeFrom },
      { enabled: live !== null && resumeFrom !== undefined, onData: onMessage },
    ),
  );
  resubscribe.current = () => {
    setResumeFrom(undefined);
    // Resubscribing without `since` gets a snapshot first.
    setTimeout(() => setResumeFrom(""), 0);
  };

  const patchLive = useCallback(
    (patch: (live: LiveSeats) => LiveSeats) => setLive((old) => (old ? patch(old) : old)),
    [],
  );
  useFreeExpiredHolds(live, patchLive);

  const seats = useSeats(layout, live);
  // A seat's id is its position: the seats array is its own index.
  const seatById = useCallback((id: string) => seats[Number(id)], [seats]);
  const mine = useMemo(() => seats.filter((seat) => seat.status === "MINE"), [seats]);
  const heldQuery = useQuery(
    trpc.reservation.mine.queryOptions({ eventId }, { enabled: signedIn && mine.length > 0 }),
  );
  const heldAt = useMemo(
    () => new Map((heldQuery.data?.seats ?? []).map((held) => [String(held.position), held])),
    [heldQuery.data],
  );
  const refreshHeld = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.reservation.mine.queryKey({ eventId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.event.ticketTypes.queryKey({ eventId }) });
  }, [queryClient, trpc, eventId]);
  const mineKey = mine.map((seat) => seat.id).join(",");
  // What the held seats are held as is fetched again whenever they change.
  useEffect(() => {
    if (mineKey) refreshHeld();
  }, [mineKey, refreshHeld]);
  const selectedSeats = selected.flatMap((id) => seatById(id) ?? []);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const tiers = layout?.tiers ?? [];
  const sections = layout?.sections ?? [];
  const currency = layout?.currency ?? "TWD";
  const price = (seat: MapSeat) => tiers[seat.tier]?.price ?? 0;
  // Each amount formatted once: a number format costs milliseconds to build on a slow phone.
  const money = useMemo(() => {
    const formatted = new Map<number, string>();
    return (amount: number) => {
      let text = formatted.get(amount);
      if (text === undefined) {
        text = formatMoney(amount, currency, locale);
        formatted.set(amount, text);
      }
      return text;
    };
  }, [currency, locale]);

  // Standing zones' places are not drawn: the map is the seats.
  const standing = useMemo(
    () => new Set(sections.flatMap((section, index) => (section.standing ? [index] : []))),
    [sections],
  );
  const mapSeats = useMemo(
    () => (standing.size ? seats.filter((seat) => !standing.has(seat.section)) : seats),
    [seats, standing],
  );
  const places = useMemo(
    () => (standing.size ? seats.filter((seat) => standing.has(seat.section)) : []),
    [seats, standing],
  );
  const noMap = seats.length > 0 && mapSeats.length === 0;

  // A phone opens a big venue on the list of its sections, then draws one section's seats.
  const narrow = useNarrowScreen();
  const bigVenue = mapSeats.length > SECTION_FIRST_SEATS;
  const sectionFirst = narrow && bigVenue;
  const [openSection, setOpenSection] = useState<number | null>(null);
  const shownSection = sectionFirst ? openSection : null;
  // A big venue's sections, for the phone's list and the best-available panel.
  const summaries = useMemo(
    () => (bigVenue ? summarizeSections(mapSeats, sections) : null),
    [bigVenue, mapSeats, sections],
  );
  const sectionSeats = useMemo(
    () =>
      shownSection === null ? mapSeats : mapSeats.filter((seat) => seat.section === shownSection),
    [mapSeats, shownSection],
  );

  // Selected seats that stop being available leave the selection: silently when the buyer now
  // holds them, with a word why when someone else took them.
  useEffect(() => {
    if (seats.length === 0) return;
    const gone = selected.filter((id) => seatById(id)?.status !== "AVAILABLE");
    if (gone.length === 0) return;
    setSelected((current) => current.filter((id) => !gone.includes(id)));
    const labels = gone.flatMap((id) => {
      const seat = seatById(id);
      return seat && seat.status !== "MINE" ? [seat.label] : [];
    });
    if (labels.length) setNotice(t("taken", { count: labels.length, labels: labels.join(", ") }));
  }, [seats.length, seatById, selected, t]);

  // Seats that ran out come back selected; standing places are asked for again by quantity.
  const selectSeats = useCallback(
    (ids: string[]) =>
      setSelected(ids.filter((id) => !standing.has(seats[Number(id)]?.section ?? -1))),
    [standing, seats],
  );
  const expiredHold = useExpiredHold(eventId, layout?.version, seats, selectSeats);
  const remaining = useCountdown(live?.status.mine.expiresAt ?? null);
  const expired = remaining === 0 && mine.length > 0;
  const expireHold = expiredHold.expire;
  const mineNow = useRef(mine);
  mineNow.current = mine;
  useEffect(() => {
    if (expired) {
      expireHold(mineNow.current.map((seat) => Number(seat.id)));
      resubscribe.current();
    }
  }, [expired, expireHold]);

  const toggle = useCallback(
    (seat: MapSeat) => {
      if (seat.status !== "AVAILABLE") return;
      setNotice(null);
      setSelected((current) => {
        if (current.includes(seat.id)) return current.filter((id) => id !== seat.id);
        if (current.length + mine.length >= maxSeatsPerOrder) {
          setNotice(t("atMax", { count: maxSeatsPerOrder }));
          return current;
        }
        return [...current, seat.id];
      });
    },
    [maxSeatsPerOrder, mine.length, t],
  );

  /** Marks positions on the live map at once; the stream confirms (or corrects) them. */
  const mark = useCallback(
    (positions: number[], code: number, expiresAt?: Date) =>
      patchLive(({ status, holdEnds }) => {
        const statuses = status.statuses.slice();
        for (const position of positions) statuses[position] = code;
        const mineNow = new Set(status.mine.positions);
        for (const position of positions) {
          if (code === SEAT_CODES.MINE) mineNow.add(position);
          else mineNow.delete(position);
        }
        const ends =
          code === SEAT_CODES.MINE && expiresAt
            ? expiresAt
            : mineNow.size
              ? status.mine.expiresAt
              : null;
        return {
          status: {
            ...status,
            statuses,
            mine: { positions: [...mineNow].sort((a, b) => a - b), expiresAt: ends },
          },
          holdEnds,
        };
      }),
    [patchLive],
  );

  /** What to tell a buyer whose hold was refused for a reason any hold can meet. */
  const refusal = (error: HoldRefusal) => {
    const details = error.data?.details;
    if (error.data?.code === "TOO_MANY_REQUESTS") return waitMessage(details?.retryAfterSeconds);
    if (details?.maxHeldSeats) return t("atHoldCap", { count: details.maxHeldSeats });
    if (details?.maxSeatsPerOrder) return t("atMax", { count: details.maxSeatsPerOrder });
    if (details?.reason === "TYPE_SOLD_OUT")
      return t("typeSoldOut", { count: details.ticketsLeft ?? 0 });
    if (details?.reason === "TYPE_NOT_ON_SALE") return t("typeNotOnSale");
    if (details?.reason === "TYPE_NOT_FOR_SEATS" || details?.field === "ticketTypeId") {
      return t("typeUnavailable");
    }
    if (details?.reason === "STANDING_BY_QUANTITY") return t("placesByQuantity");
    return t("holdFailed", { message: apiMessage(error.message) });
  };

  const hold = useMutation(
    trpc.reservation.hold.mutationOptions({
      onSuccess: (held, input) => {
        setSelected([]);
        setNotice(null);
        if (input.positions) mark(input.positions, SEAT_CODES.MINE, held.expiresAt);
      },
      onError: (error) => {
        const unavailable = error.data?.details?.unavailablePositions ?? [];
        if (error.data?.code === "CONFLICT" && unavailable.length) {
          const labels = unavailable.flatMap((position) => layout?.label[position] ?? []);
          const ids = unavailable.map(String);
          setSelected((current) => current.filter((id) => !ids.includes(id)));
          setNotice(t("taken", { count: labels.length, labels: labels.join(", ") }));
          mark(unavailable, SEAT_CODES.HELD);
        } else if (error.data?.details?.reason === "LAYOUT_CHANGED") {
          setSelected([]);
          setNotice(t("holdFailed", { message: apiMessage(error.message) }));
          resubscribe.current();
        } else if (error.data?.code === "UNAUTHORIZED") {
          goToSignIn();
        } else {
          setNotice(refusal(error));
        }
      },
    }),
  );

  // Best available: the server chooses and holds; the seats then show as the buyer's on the map
  // (on a phone, with their section opened), as after a hold of chosen seats.
  const isZone = (sectionId: string | undefined) =>
    sections.some((section) => section.id === sectionId && section.standing);
  // Each request carries a key of its own, so a request whose answer the network lost is asked
  // again safely: the server answers with the seats it already held for that key.
  const holdBest = useMutation(
    trpc.reservation.holdBestAvailable.mutationOptions({
      retry: (failures, error) => failures < 2 && !error.data,
      onSuccess: (held, input) => {
        const positions = held.seats.flatMap((seat) => seat.position ?? []);
        if (held.layoutVersion === layout?.version && positions.length === held.seats.length) {
          mark(positions, SEAT_CODES.MINE, held.expiresAt);
        } else {
          resubscribe.current();
        }
        setSelected([]);
        setNotice(null);
        const labels = held.seats.map((seat) => seat.label).join(", ");
        const section = held.seats[0]?.section ?? "";
        if (isZone(input.sectionId)) {
          setZoneNotice(t("standingHeld", { count: held.seats.length, labels, zone: section }));
          return;
        }
        setBestNotice(
          held.together
            ? t("bestHeld", { count: held.seats.length, labels, section })
            : t("bestNotTogether", { count: held.seats.length, labels, section }),
        );
        // The held seats' section: opened on a phone, zoomed to on the map of a big venue.
        const index = input.sectionId
          ? sections.findIndex((choice) => choice.id === input.sectionId)
          : sections.findIndex((choice) => choice.name === section);
        if (index < 0) return;
        if (sectionFirst) setOpenSection(index);
        else setFocusSection({ index, key: Date.now() });
      },
      onError: (error, input) => {
        const details = error.data?.details;
        const zone = isZone(input.sectionId);
        const say = zone ? setZoneNotice : setBestNotice;
        if (details?.reason === "NOT_ENOUGH_SEATS") {
          say(t(zone ? "placesNotEnough" : "bestNotEnough", { count: details.seatsLeft ?? 0 }));
        } else if (details?.reason === "SEATS_CONTENDED") {
          say(t("bestBusy"));
        } else if (details?.reason === "REQUEST_ENDED") {
          say(t("bestEnded"));
        } else if (error.data?.code === "UNAUTHORIZED") {
          goToSignIn();
        } else {
          say(refusal(error));
        }
      },
    }),
  );
  // A held seat's ticket type: the server holds it again as that type (at the type's price).
  const retype = useMutation(
    trpc.reservation.hold.mutationOptions({
      onSuccess: () => {
        setNotice(null);
        refreshHeld();
      },
      onError: (error) => {
        setNotice(refusal(error));
        refreshHeld();
      },
    }),
  );
  const release = useMutation(
    trpc.reservation.release.mutationOptions({
      onSuccess: () => mark(live?.status.mine.positions ?? [], SEAT_CODES.AVAILABLE),
    }),
  );

  function goToSignIn() {
    sessionStorage.setItem(selectionKey(eventId), JSON.stringify(selected));
    router.push(`/sign-in?callbackUrl=${encodeURIComponent(`/events/${eventId}/seats`)}`);
  }

  /** The prices of a section's free seats: "NT$1,200", "NT$1,200–NT$3,200", or nothing. */
  const sectionPrices = useCallback(
    (section: SectionSummary) => {
      const prices = section.tiers.map((tier) => tiers[tier]?.price ?? 0);
      if (prices.length === 0) return "";
      const low = money(Math.min(...prices));
      return prices.length > 1 ? `${low}–${money(Math.max(...prices))}` : low;
    },
    [tiers, money],
  );
  const describeSection = useCallback(
    (section: SectionSummary) =>
      [t("sectionFree", { count: section.free }), sectionPrices(section)].filter(Boolean),
    [sectionPrices, t],
  );
  const sectionChoices: SectionChoice[] = [...(summaries?.values() ?? [])].map((summary) => ({
    section: summary.section,
    name: summary.name,
    prices: sectionPrices(summary),
    free: summary.free,
    tier: summary.tiers[0],
  }));
  const zones: StandingZone[] = useMemo(
    () =>
      [...summarizeSections(places, sections).values()].map((summary) => {
        const tier = tiers[summary.tiers[0] ?? -1];
        return {
          section: summary.section,
          name: summary.name,
          free: summary.free,
          prices: sectionPrices(summary),
          tier,
          types: typesForTier(ticketTypes, tier?.id),
        };
      }),
    [places, sections, sectionPrices, tiers, ticketTypes],
  );
  // The zones drawn on the map where their places are, with how many are left.
  const zoneShapes = useZoneShapes(places);
  const zoneAreas: ZoneArea[] = useMemo(
    () =>
      zones.flatMap((zone) => {
        const shape = zoneShapes.get(zone.section);
        return shape
          ? [{ name: zone.name, detail: t("placesFree", { count: zone.free }), ...shape }]
          : [];
      }),
    [zones, zoneShapes, t],
  );
  const openChoice = sectionChoices.find((choice) => choice.section === shownSection);
  // Focus follows the flow: to the opened section's name, and back to it in the list.
  const openHeading = useRef<HTMLHeadingElement>(null);
  const lastOpened = useRef<number | null>(null);
  useEffect(() => {
    if (shownSection !== null) {
      lastOpened.current = shownSection;
      openHeading.current?.focus();
    } else if (lastOpened.current !== null) {
      document.querySelector<HTMLElement>(`[data-section="${lastOpened.current}"]`)?.focus();
    }
  }, [shownSection]);
  const describeSeat = useCallback(
    (seat: MapSeat) =>
      t("seatDescription", {
        label: seat.label,
        section: sections[seat.section]?.name ?? "",
        tier: tiers[seat.tier]?.name ?? "",
        price: formatMoney(tiers[seat.tier]?.price ?? 0, currency, locale),
        status: t(`status.${seat.status}`),
      }),
    [sections, tiers, currency, locale, t],
  );

  // A refetch that failed (after a hold, say) leaves a map that may be out of date.
  if (layoutQuery.isError) {
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
        <p>{t("loadFailed")}</p>
        <button
          type="button"
          onClick={() => layoutQuery.refetch()}
          className="mt-3 rounded-md bg-white px-3 py-1.5 text-sm"
        >
          {t("retry")}
        </button>
      </div>
    );
  }

  const selectedTotal = selectedSeats.reduce((sum, seat) => sum + price(seat), 0);
  const canHold = onSale && selectedSeats.length > 0 && !hold.isPending;
  const holdLabel = hold.isPending ? t("holding") : signedIn ? t("hold") : t("signInToHold");
  const holdSelection = () => {
    if (!signedIn) return goToSignIn();
    if (!layout) return;
    hold.mutate({
      eventId,
      layoutVersion: layout.version,
      positions: selected.map(Number),
      admission,
    });
  };
  const heldPrice = (seat: MapSeat) => heldAt.get(seat.id)?.price ?? price(seat);
  const mineTotal = mine.reduce((sum, seat) => sum + heldPrice(seat), 0);
  const best: BestAvailable = {
    quantity: bestQuantity,
    max: onSale ? Math.max(0, maxSeatsPerOrder - mine.length) : 0,
    onQuantity: setBestQuantity,
    onBest: (section) => {
      if (!signedIn) return goToSignIn();
      const sectionId = sections[section]?.id;
      if (!sectionId) return;
      setBestNotice(null);
      holdBest.mutate({
        eventId,
        sectionId,
        quantity: Math.min(bestQuantity, maxSeatsPerOrder - mine.length),
        admission,
        requestKey: uuidv4(),
      });
    },
    pending: holdBest.isPending
      ? sections.findIndex((section) => section.id === holdBest.variables?.sectionId)
      : null,
    notice: bestNotice,
  };
  const addPlaces = (section: number, quantity: number, ticketTypeId: string | null) => {
    if (!signedIn) return goToSignIn();
    const sectionId = sections[section]?.id;
    if (!sectionId) return;
    setZoneNotice(null);
    holdBest.mutate({
      eventId,
      sectionId,
      quantity,
      admission,
      requestKey: uuidv4(),
      ...(ticketTypeId && { ticketTypeId }),
    });
  };
  // After a hold ran out: the seats again by position, standing places again by quantity (a
  // place is never chosen by number).
  const holdAgain = (positions: number[]) => {
    const placesByZone = new Map<number, number>();
    const seated = positions.filter((position) => {
      const section = seats[position]?.section ?? -1;
      if (!standing.has(section)) return true;
      placesByZone.set(section, (placesByZone.get(section) ?? 0) + 1);
      return false;
    });
    if (seated.length && layout) {
      hold.mutate({ eventId, layoutVersion: layout.version, positions: seated, admission });
    }
    for (const [section, count] of placesByZone) addPlaces(section, count, null);
  };
  const zoneRequest = holdBest.isPending && isZone(holdBest.variables?.sectionId);
  const standingZones = zones.length > 0 && (
    <StandingZones
      zones={zones}
      max={onSale ? Math.max(0, maxSeatsPerOrder - mine.length) : 0}
      pending={
        zoneRequest
          ? sections.findIndex((section) => section.id === holdBest.variables?.sectionId)
          : holdBest.isPending
            ? -1
            : null
      }
      notice={zoneNotice}
      onAdd={addPlaces}
      money={money}
    />
  );

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
      {expiredHold.lost && (
        <ExpiredHoldNotice
          lost={expiredHold.lost}
          seats={seats}
          sectionName={(section) => sections[section]?.name ?? ""}
          holding={hold.isPending}
          onHoldAgain={holdAgain}
          onDismiss={expiredHold.dismiss}
        />
      )}
      {noMap ? (
        <div className="flex flex-col gap-2">{standingZones}</div>
      ) : (
        <div className="flex flex-col gap-2">
          {standingZones}
          {sectionFirst && shownSection === null ? (
            <SectionList sections={sectionChoices} onOpen={setOpenSection} best={best} />
          ) : (
            <>
              {openChoice && (
                <OpenSectionBar
                  section={openChoice}
                  headingRef={openHeading}
                  onBack={() => setOpenSection(null)}
                />
              )}
              <div className="h-[60vh] min-h-[320px] lg:h-[70vh]">
                {seats.length === 0 ? (
                  <p
                    data-testid="seat-map-loading"
                    className="flex h-full items-center justify-center rounded-xl bg-slate-50 text-sm text-slate-500"
                  >
                    {t("loading")}
                  </p>
                ) : (
                  <SeatMapSvg
                    // A section of its own starts at its home view, not where the last one was.
                    key={shownSection ?? "all"}
                    seats={sectionSeats}
                    sections={sections}
                    selected={selectedSet}
                    onToggle={toggle}
                    label={t("mapLabel")}
                    canChoose={isChoosable}
                    describeSeat={describeSeat}
                    stageLabel={shownSection === null ? t("stage") : undefined}
                    controls={{ zoomIn: t("zoomIn"), zoomOut: t("zoomOut"), reset: t("resetView") }}
                    describeSection={describeSection}
                    sectionsHint={t("sectionsHint")}
                    zones={shownSection === null ? zoneAreas : undefined}
                    focusSection={shownSection === null ? focusSection : undefined}
                    onFocused={() => setFocusSection(undefined)}
                    {...(shownSection !== null && {
                      overview: false,
                      homeScale: PHONE_SECTION_SCALE,
                    })}
                  />
                )}
              </div>
            </>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <span>{sectionFirst && shownSection === null ? "" : t("panHint")}</span>
            {liveStream.status === "pending" && (
              <span
                data-testid="live-indicator"
                className="flex items-center gap-1 text-emerald-700"
              >
                <span className="size-2 rounded-full bg-emerald-500" aria-hidden />
                {t("live")}
              </span>
            )}
          </div>
          <SeatLegend tiers={tiers.map((tier) => ({ ...tier, price: money(tier.price) }))} />
        </div>
      )}

      <aside className="flex flex-col gap-4" aria-label={t("selection")}>
        {notice && (
          <p
            role="status"
            data-testid="seat-notice"
            className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900"
          >
            {notice}
          </p>
        )}
        {!onSale && (
          <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">{t("notOnSale")}</p>
        )}

        {mine.length > 0 && !expired && (
          <section
            data-testid="held-seats"
            className="rounded-xl border-2 border-brand-600 bg-brand-50 p-4"
          >
            <h2 className="font-semibold">{t("heldTitle")}</h2>
            <p className="mt-1 text-sm font-medium text-brand-900" data-testid="hold-countdown">
              {t("heldFor", { time: formatRemaining(remaining ?? 0) })}
            </p>
            <ul className="mt-3 flex flex-col gap-1 text-sm">
              {mine.map((seat) => {
                const tier = tiers[seat.tier];
                const held = heldAt.get(seat.id);
                const types = typesForTier(ticketTypes, tier?.id);
                // Held as a type no longer offered (its sale ended): still shown as held.
                if (held?.ticketType && !types.some((type) => type.id === held.ticketType?.id)) {
                  types.push({
                    ...held.ticketType,
                    price: held.price,
                    tierId: tier?.id ?? null,
                    note: "",
                    onSale: false,
                    left: null,
                  });
                }
                return (
                  <li key={seat.id} className="flex flex-col gap-1">
                    <span className="flex justify-between">
                      <span>
                        {seat.label} · {sections[seat.section]?.name}
                      </span>
                      <span>{money(heldPrice(seat))}</span>
                    </span>
                    {types.length > 0 && tier && layout && (
                      <TicketTypeSelect
                        types={types}
                        tier={tier}
                        value={held?.ticketType?.id ?? null}
                        disabled={retype.isPending || heldQuery.isFetching}
                        money={money}
                        label={t("ticketTypeFor", { label: seat.label })}
                        onChange={(ticketTypeId) =>
                          retype.mutate({
                            eventId,
                            layoutVersion: layout.version,
                            positions: [Number(seat.id)],
                            ticketTypeId,
                            admission,
                          })
                        }
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            <p className="mt-2 flex justify-between border-t border-brand-100 pt-2 font-semibold">
              <span>{t("total")}</span>
              <span>{money(mineTotal)}</span>
            </p>
            <Link
              href={`/events/${eventId}/checkout`}
              className="mt-3 block rounded-md bg-brand-600 px-4 py-2 text-center font-medium text-white hover:bg-brand-700"
            >
              {t("checkout")}
            </Link>
            <button
              type="button"
              onClick={() => release.mutate({ eventId })}
              disabled={release.isPending}
              className="mt-2 w-full rounded-md px-4 py-2 text-sm text-slate-700 hover:bg-white"
            >
              {t("release")}
            </button>
          </section>
        )}

        {bigVenue && !narrow && <BestAvailablePanel best={best} sections={sectionChoices} />}

        {!noMap && (
          <section className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{t("selection")}</h2>
            {selectedSeats.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("noSelection")}</p>
            ) : (
              <ul data-testid="selected-seats" className="mt-2 flex flex-col gap-1 text-sm">
                {selectedSeats.map((seat) => (
                  <li key={seat.id} className="flex items-center justify-between gap-2">
                    <span>
                      {seat.label} · {sections[seat.section]?.name} · {tiers[seat.tier]?.name}
                    </span>
                    <span className="flex items-center gap-2">
                      {money(price(seat))}
                      <button
                        type="button"
                        aria-label={t("remove", { label: seat.label })}
                        onClick={() => toggle(seat)}
                        className="rounded px-1 text-slate-500 hover:bg-slate-100"
                      >
                        ×
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3 flex justify-between border-t border-slate-100 pt-2 font-semibold">
              <span>{t("total")}</span>
              <span data-testid="selection-total">{money(selectedTotal)}</span>
            </p>
            <p className="mt-1 text-xs text-slate-500">
              {t("maxSeats", { count: maxSeatsPerOrder })}
            </p>
            <button
              type="button"
              disabled={!canHold}
              onClick={holdSelection}
              className="mt-3 w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
            >
              {holdLabel}
            </button>
          </section>
        )}
        <Link href={`/events/${eventId}`} className="text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </aside>
      {!noMap && (
        <SelectionBar
          count={selectedSeats.length}
          total={money(selectedTotal)}
          action={holdLabel}
          disabled={!canHold}
          onAction={holdSelection}
        />
      )}
    </div>
  );
}

/**
 * The seats as the drawing takes them, from the layout and the live status. Seats whose status
 * did not change keep their object, so a delta of a few seats re-renders only those.
 */
function useSeats(layout: SeatLayout | undefined, live: LiveSeats | null): MapSeat[] {
  const previous = useRef<{ layout: SeatLayout; seats: MapSeat[] } | null>(null);
  return useMemo(() => {
    if (!layout || !live || live.status.statuses.length !== layout.seatCount) return [];
    const before = previous.current?.layout === layout ? previous.current.seats : null;
    const seats = new Array<MapSeat>(layout.seatCount);
    for (let position = 0; position < layout.seatCount; position++) {
      const status = SEAT_CODE_NAMES[live.status.statuses[position] ?? 0] ?? "AVAILABLE";
      const end = status === "HELD" ? live.holdEnds.get(position) : undefined;
      const old = before?.[position];
      if (old && old.status === status && old.expiresAt?.getTime() === end) {
        seats[position] = old;
        continue;
      }
      seats[position] = {
        id: String(position),
        section: layout.section[position] ?? 0,
        row: layout.row[position] ?? "",
        number: layout.number[position] ?? 0,
        label: layout.label[position] ?? "",
        x: layout.x[position] ?? 0,
        y: layout.y[position] ?? 0,
        tier: layout.tier[position] ?? 0,
        status,
        ...(end !== undefined && { expiresAt: new Date(end) }),
      };
    }
    previous.current = { layout, seats };
    return seats;
  }, [layout, live]);
}

function formatRemaining(ms: number) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
