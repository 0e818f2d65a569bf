// The rush: every buyer starts at the same moment and keeps buying until the map shows nothing
// left to buy (or time is up). One purchase: open the map, pick 2–4 free seats, hold them, check
// out, approve on the demo provider's page, wait for the order to be PAID. A seat taken by
// someone else (CONFLICT) sends the buyer back to the map, reopened, as a person would.
import { randomUUID } from "node:crypto";
import {
  decodeSeatLayout,
  decodeSeatStatus,
  SEAT_CODES,
  type SeatLayout,
} from "@openticket/api/seat-map";
import type { Api } from "./http.ts";
import { BenchError, errorCode, StepStats } from "./stats.ts";
import { BuyerInLine } from "./waiting-room.ts";

export type FreeSeat = { position: number; row: string; number: number };
/** `mine`: seats this buyer still holds (a release whose answer was lost, a 503 at checkout). */
export type MapView = { layoutVersion: string; free: FreeSeat[]; held: number; mine: number };

/**
 * Layouts by event and version. The layout's URL is immutable per version, so in a real on-sale
 * a CDN or the browser's cache answers all but the first request: the bench shares one copy.
 */
const layouts = new Map<string, Promise<SeatLayout>>();

function layoutOf(client: Api, eventId: string, version: string) {
  const key = `${eventId}@${version}`;
  let layout = layouts.get(key);
  if (!layout) {
    layout = client.event.seatLayout.query({ eventId }).then(decodeSeatLayout);
    layout.catch(() => layouts.delete(key));
    layouts.set(key, layout);
  }
  return layout;
}

/**
 * What a buyer sees when opening the event: its free seats (in layout order) and how many are
 * held by someone. The live status is fetched on every opening; the layout only when its
 * version is new. The one place that knows how the map is fetched.
 */
export async function openMap(client: Api, eventId: string): Promise<MapView> {
  const wire = await client.event.seatStatus.query({ eventId });
  const layout = await layoutOf(client, eventId, wire.layoutVersion);
  if (layout.version !== wire.layoutVersion) layouts.delete(`${eventId}@${wire.layoutVersion}`);
  const status = decodeSeatStatus(wire, layout.seatCount);
  const free: FreeSeat[] = [];
  let held = 0;
  status.statuses.forEach((code, position) => {
    if (code === SEAT_CODES.AVAILABLE) {
      free.push({
        position,
        row: `${layout.section[position]}:${layout.row[position]}`,
        number: layout.number[position] ?? 0,
      });
    } else if (code === SEAT_CODES.HELD || code === SEAT_CODES.MINE) {
      held++;
    }
  });
  return { layoutVersion: wire.layoutVersion, free, held, mine: status.mine.positions.length };
}

/** `count` seats from the free ones: side by side in a row when the random start allows. */
export function pickSeats(free: FreeSeat[], count: number, random = Math.random): number[] {
  const startIndex = Math.floor(random() * free.length);
  const start = free[startIndex];
  if (!start) return [];
  const picked = [start];
  for (let next = startIndex + 1; picked.length < count && next < free.length; next++) {
    const seat = free[next] as FreeSeat;
    const last = picked[picked.length - 1] as FreeSeat;
    if (seat.row !== last.row || Math.abs(seat.number - last.number) !== 1) break;
    picked.push(seat);
  }
  // Not enough neighbours: fill up with random free seats (a smaller party would split too).
  for (let tries = 0; picked.length < Math.min(count, free.length) && tries < 20; tries++) {
    const seat = free[Math.floor(random() * free.length)] as FreeSeat;
    if (!picked.includes(seat)) picked.push(seat);
  }
  return picked.map((seat) => seat.position);
}

export type RushOptions = {
  eventId: string;
  buyers: Api[];
  /** Stop starting new purchases after this many ms. */
  durationMs: number;
  /** Seats per purchase: from 2 up to this (capped by the event's maximum per order). */
  maxSeats: number;
  /** How long to wait for an approved order to become PAID. */
  paidWithinMs: number;
  /** The event has a waiting room: buyers queue and send their admission pass. */
  waitingRoom?: boolean;
  log?: (line: string) => void;
};

export type RushResult = {
  stats: StepStats;
  ticketsSold: number;
  ordersPaid: number;
  /** Some buyer saw a map with no free and no held seat. */
  soldOut: boolean;
  /** From the start until the last buyer stopped. */
  wallMs: number;
  /** From the start until the last ticket sold. */
  lastSaleMs: number;
  /** With a waiting room: ms from the start to each admitted buyer's admission. */
  admittedAfterMs: number[];
};

export async function runRush(options: RushOptions): Promise<RushResult> {
  const stats = new StepStats();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const state = { soldOut: false, tickets: 0, orders: 0, lastSaleMs: 0 };
  const beforeDeadline = () => performance.now() < deadline;
  const running = () => !state.soldOut && beforeDeadline();

  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    options.log?.(
      `  ${seconds.toFixed(0)} s: ${state.tickets} tickets in ${state.orders} orders, errors ${formatCodes(stats.errorTotals())}`,
    );
  }, 10_000);
  const lines = options.buyers.map((api) =>
    options.waitingRoom ? new BuyerInLine(api, options.eventId, started) : null,
  );
  try {
    await Promise.all(
      options.buyers.map(async (api, index) => {
        const line = lines[index] ?? null;
        while (running()) {
          let admission: string | undefined;
          try {
            // A buyer in line keeps their place after the last seat sells, as a person would:
            // the room admits by time, so everyone's turn comes and they see the sale is over.
            admission = line ? ((await line.admission(beforeDeadline)) ?? undefined) : undefined;
          } catch (error) {
            await pause(error);
            continue;
          }
          if (line && !admission) break;
          const sold = await buyOnce(api, options, stats, running, admission);
          if (sold === "SOLD_OUT") state.soldOut = true;
          else if (sold > 0) {
            state.tickets += sold;
            state.orders += 1;
            state.lastSaleMs = performance.now() - started;
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  return {
    stats,
    ticketsSold: state.tickets,
    ordersPaid: state.orders,
    soldOut: state.soldOut,
    wallMs: performance.now() - started,
    lastSaleMs: state.lastSaleMs,
    admittedAfterMs: lines.flatMap((line) =>
      line?.admittedAfterMs != null ? [line.admittedAfterMs] : [],
    ),
  };
}

/** One purchase, from opening the map to a PAID order: the seats bought, 0, or SOLD_OUT. */
async function buyOnce(
  api: Api,
  options: RushOptions,
  stats: StepStats,
  running: () => boolean,
  admission: string | undefined,
): Promise<number | "SOLD_OUT"> {
  const { eventId } = options;
  const purchaseStarted = performance.now();
  while (running()) {
    let map: MapView;
    try {
      map = await stats.time("map", () => openMap(api, eventId));
    } catch (error) {
      await pause(error);
      continue;
    }
    if (map.mine > 0) {
      // Seats left over from an attempt that did not finish: give them back first, as a person
      // who sees them on the map would, or the next hold would exceed the order's maximum.
      await stats
        .time("release", () => api.reservation.release.mutate({ eventId }))
        .catch((error: unknown) => pause(error));
      continue;
    }
    if (map.free.length === 0) {
      if (map.held === 0) return "SOLD_OUT";
      // Everything left is in someone's cart: look again shortly, some come back.
      await sleep(500 + Math.random() * 500);
      continue;
    }
    const seats = {
      eventId,
      admission,
      layoutVersion: map.layoutVersion,
      positions: pickSeats(map.free, 2 + Math.floor(Math.random() * (options.maxSeats - 1))),
    };
    try {
      await stats.time("hold", () => api.reservation.hold.mutate(seats));
    } catch (error) {
      if (errorCode(error) !== "CONFLICT") await pause(error);
      continue;
    }
    let checkout: Awaited<ReturnType<Api["order"]["checkout"]["mutate"]>>;
    try {
      checkout = await stats.time("checkout", () =>
        api.order.checkout.mutate({ eventId, idempotencyKey: randomUUID(), admission }),
      );
    } catch (error) {
      // Give the seats back rather than sit on them until the hold expires.
      await stats
        .time("release", () => api.reservation.release.mutate({ eventId }))
        .catch(() => {});
      if (errorCode(error) !== "CONFLICT") await pause(error);
      continue;
    }
    try {
      if (checkout.status !== "PAID" && checkout.redirectUrl) {
        // The demo provider's hosted page is /pay/demo/<reference>; the buyer approves there.
        const reference = checkout.redirectUrl.split("/").pop() ?? "";
        await stats.time("pay", () => api.demoPayment.approve.mutate({ reference }));
      }
      await stats.time("paid", () => waitUntilPaid(api, checkout.orderId, options.paidWithinMs));
    } catch (error) {
      // Walk away from the payment page: the order fails and its seats go back on sale, so
      // this buyer is not stuck behind a payment in progress.
      const reference = checkout.redirectUrl?.split("/").pop();
      if (reference) await api.demoPayment.cancel.mutate({ reference }).catch(() => {});
      await pause(error);
      return 0;
    }
    stats.record("order", performance.now() - purchaseStarted);
    return seats.positions.length;
  }
  return 0;
}

/** Polls the order, as the return page does, until the provider's confirmation has sold it. */
async function waitUntilPaid(api: Api, orderId: string, withinMs: number) {
  const giveUpAt = performance.now() + withinMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
    const order = await api.order.byId.query({ orderId });
    if (order.status === "PAID") return;
    if (order.status !== "PENDING") {
      throw new BenchError(`ORDER_${order.status}`, `Order ${orderId} ended ${order.status}`);
    }
    if (performance.now() > giveUpAt) {
      throw new BenchError("NOT_PAID_IN_TIME", `Order ${orderId} still PENDING`);
    }
    await sleep(wait);
  }
}

/** After a failure other than losing a seat: wait as told (429/503), else briefly, with jitter. */
async function pause(error: unknown) {
  const retryAfter = (error as { data?: { details?: { retryAfterSeconds?: number } | null } })?.data
    ?.details?.retryAfterSeconds;
  await sleep(retryAfter ? retryAfter * 1000 : 200 + Math.random() * 800);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function formatCodes(codes: Map<string, number>): string {
  if (codes.size === 0) return "none";
  return [...codes]
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code} ${count}`)
    .join(", ");
}
