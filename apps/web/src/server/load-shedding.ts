// Load shedding for the API, per server process. At most `maxActive` requests are worked on at
// once; up to `maxQueued` more wait their turn, each for at most `maxWaitMs`. A request that
// finds the queue full, or waits too long, is refused at once (503 + Retry-After) instead of
// joining a pile of requests that all time out together: measured before this, 200 map requests
// at once all timed out at 60 s and the process kept computing answers nobody was waiting for.
// A waiting request whose client went away simply leaves the queue.

export type GateLimits = { maxActive: number; maxQueued: number; maxWaitMs: number };

/** Admitted: call `release` once the work is finished. Otherwise why the request was turned away. */
export type Admission = { release: () => void } | "busy" | "gone";

type Waiter = { admit: (admission: Admission) => void; timer: NodeJS.Timeout; onAbort: () => void };

export class RequestGate {
  private active = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly limits: GateLimits) {}

  /** Requests being worked on and waiting, for logs and tests. */
  get load() {
    return { active: this.active, queued: this.queue.length };
  }

  enter(signal: AbortSignal): Promise<Admission> {
    if (signal.aborted) return Promise.resolve("gone");
    if (this.active < this.limits.maxActive) return Promise.resolve(this.admit());
    if (this.queue.length >= this.limits.maxQueued) return Promise.resolve("busy");
    return new Promise<Admission>((resolve) => {
      const waiter: Waiter = {
        admit: (admission) => {
          clearTimeout(waiter.timer);
          signal.removeEventListener("abort", waiter.onAbort);
          resolve(admission);
        },
        timer: setTimeout(() => this.leave(waiter, "busy"), this.limits.maxWaitMs),
        onAbort: () => this.leave(waiter, "gone"),
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private admit(): Admission {
    this.active++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.active--;
        // Hand the freed slot straight to the longest-waiting request.
        const next = this.queue.shift();
        if (next) next.admit(this.admit());
      },
    };
  }

  private leave(waiter: Waiter, admission: "busy" | "gone") {
    const index = this.queue.indexOf(waiter);
    if (index === -1) return;
    this.queue.splice(index, 1);
    waiter.admit(admission);
  }
}
