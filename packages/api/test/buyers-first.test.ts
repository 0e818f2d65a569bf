// Background mail yields to an on-sale rush (src/jobs/buyers-first.ts): while the process's API
// has requests waiting for a slot, a message waits; it goes once the queue is empty, or after
// the longest wait anyway; with no request gate in the process (tests, the cron route) it never
// waits.
import { afterEach, describe, expect, it } from "vitest";
import { waitWhileBuyersQueue } from "../src/jobs/buyers-first.ts";
import { metrics, observeRequestGate } from "../src/observability/metrics.ts";

const gateBefore = metrics.sources.gate;
afterEach(() => {
  metrics.sources.gate = gateBefore;
});

describe("mail waits while buyers queue", () => {
  it("goes at once when nobody waits, or when the process has no gate", async () => {
    metrics.sources.gate = undefined;
    expect((await waitWhileBuyersQueue({ maxWaitMs: 60_000 })).waitedMs).toBeLessThan(30_000);
    observeRequestGate(() => ({ active: 3, queued: 0 }));
    expect((await waitWhileBuyersQueue({ maxWaitMs: 60_000 })).waitedMs).toBeLessThan(30_000);
  });

  it("waits until the queue empties", async () => {
    let queued = 40;
    observeRequestGate(() => ({ active: 32, queued }));
    const waiting = waitWhileBuyersQueue({ maxWaitMs: 30_000, pollMs: 10 });
    let done = false;
    void waiting.then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    queued = 0;
    const { waitedMs } = await waiting;
    expect(waitedMs).toBeGreaterThanOrEqual(300);
    expect(waitedMs).toBeLessThan(30_000);
  });

  it("goes anyway after the longest wait, or when the job is cancelled", async () => {
    observeRequestGate(() => ({ active: 32, queued: 40 }));
    const { waitedMs } = await waitWhileBuyersQueue({ maxWaitMs: 200, pollMs: 10 });
    expect(waitedMs).toBeGreaterThanOrEqual(200);
    const controller = new AbortController();
    const cancelled = waitWhileBuyersQueue({
      maxWaitMs: 30_000,
      pollMs: 10,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    expect((await cancelled).waitedMs).toBeLessThan(30_000);
  });
});
