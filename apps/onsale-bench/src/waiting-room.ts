// A bench buyer in the event's waiting room (BENCH_WAITING_ROOM_PER_MINUTE): joins once, asks
// for its place as often as the server suggests until admitted, then keeps a fresh admission
// pass for holds and checkouts, as the web page does.
import type { Api } from "./http.ts";

export class BuyerInLine {
  /** Milliseconds from `startedAt` to this buyer's admission; null while waiting. */
  admittedAfterMs: number | null = null;
  private pass: { value: string; expiresAt: number } | null = null;
  private joined = false;

  constructor(
    private readonly api: Api,
    private readonly eventId: string,
    private readonly startedAt: number,
  ) {}

  /** A pass good for at least 30 more seconds, waiting in line for it; null once time is up. */
  async admission(running: () => boolean): Promise<string | null> {
    if (this.pass && this.pass.expiresAt - Date.now() > 30_000) return this.pass.value;
    const { eventId } = this;
    if (!this.joined) {
      await this.api.waitingRoom.join.mutate({ eventId });
      this.joined = true;
    }
    while (running()) {
      const place = await this.api.waitingRoom.place.query({ eventId });
      if (place.state === "ADMITTED") {
        this.admittedAfterMs ??= performance.now() - this.startedAt;
        this.pass = { value: place.pass, expiresAt: place.passExpiresAt.getTime() };
        return place.pass;
      }
      if (place.state === "NO_WAITING_ROOM") return null;
      const seconds = "pollAfterSeconds" in place ? place.pollAfterSeconds : 2;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
    return null;
  }
}

/** Admissions a minute the line sustained: from the first admission to the last. */
export function sustainedAdmissionsPerMinute(admittedAfterMs: number[]): number | null {
  if (admittedAfterMs.length < 2) return null;
  const sorted = [...admittedAfterMs].sort((a, b) => a - b);
  const spanMs = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  return spanMs > 0 ? ((sorted.length - 1) * 60_000) / spanMs : null;
}
