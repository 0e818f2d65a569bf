// One on-sale against any OpenTicket reachable over HTTP: the organizer builds the stadium and
// opens the sale, the buyers sign up and sign in, then all of them rush at once. The command
// (main.ts) and the test (test/onsale.test.ts) both run this.
import { signUpBuyers } from "./buyers.ts";
import { apiFor, type SignIn } from "./http.ts";
import { type RushResult, runRush } from "./rush.ts";
import { buildStadium, type Stadium } from "./stadium.ts";

export type OnSaleOptions = {
  baseUrl: string;
  signIn: SignIn;
  organizer: { login: string; password: string };
  seats: number;
  buyers: number;
  durationMs: number;
  maxSeatsPerOrder: number;
  requestTimeoutMs: number;
  /** Sign-ups in flight at once. */
  signUpParallel: number;
  log: (line: string) => void;
  /** Admissions a minute of a waiting room the organizer opens at the rush; unset, none. */
  waitingRoomPerMinute?: number;
  /** Runs once the event is on sale, before the buyers come (statistics, counters). */
  beforeRush?: (stadium: Stadium) => Promise<void>;
};

export type OnSaleResult = {
  stadium: Stadium;
  /** Milliseconds each preparation step took. */
  setupMs: { stadium: number; buyers: number };
  rush: RushResult;
};

export async function runOnSale(options: OnSaleOptions): Promise<OnSaleResult> {
  const { log } = options;
  let started = performance.now();
  const organizerIdentity = await options.signIn(
    options.organizer.login,
    options.organizer.password,
    "10.0.0.1",
  );
  const organizer = apiFor(options.baseUrl, organizerIdentity, 600_000);
  const stadium = await buildStadium(organizer, {
    seats: options.seats,
    maxSeatsPerOrder: options.maxSeatsPerOrder,
    log,
  });
  const stadiumMs = performance.now() - started;
  log(`organizer: event ${stadium.eventId} published, ${stadium.seats} seats (${secs(stadiumMs)})`);

  started = performance.now();
  const buyers = await signUpBuyers({
    baseUrl: options.baseUrl,
    count: options.buyers,
    signIn: options.signIn,
    timeoutMs: options.requestTimeoutMs,
    parallel: options.signUpParallel,
  });
  const buyersMs = performance.now() - started;
  log(`buyers: ${buyers.length} signed up and signed in (${secs(buyersMs)})`);

  if (options.waitingRoomPerMinute) {
    await organizer.organizer.waitingRoom.set.mutate({
      eventId: stadium.eventId,
      opensAt: new Date(),
      admissionsPerMinute: options.waitingRoomPerMinute,
    });
    log(`waiting room: open, ${options.waitingRoomPerMinute} admissions a minute`);
  }
  await options.beforeRush?.(stadium);
  log(`rush: ${buyers.length} buyers start now`);
  const rush = await runRush({
    eventId: stadium.eventId,
    buyers,
    durationMs: options.durationMs,
    maxSeats: Math.min(4, options.maxSeatsPerOrder),
    paidWithinMs: options.requestTimeoutMs,
    waitingRoom: Boolean(options.waitingRoomPerMinute),
    log,
  });
  return { stadium, setupMs: { stadium: stadiumMs, buyers: buyersMs }, rush };
}

export function secs(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`;
}
