// Buyers first: background mail yields the CPU to an on-sale rush. An order confirmation costs
// more CPU to build than the whole purchase it confirms (its ticket PDF and QR codes: about
// 110 ms against 27 ms, docs/performance.md), so a worker that sends one per sale in the same
// process as the sale takes most of the CPU the buyers are queueing for. While this process has
// API requests waiting for a slot (server/load-shedding.ts in the web app, seen through the
// metrics' gate source), a message waits — up to `maxWaitMs`, then it goes anyway, so mail
// trickles out during a long rush and catches up as soon as the queue empties. The wait holds
// the runner's one slot, so it is short (job-queue.ts: 10 s) and the reconciler and refunds are
// queued ahead of mail.
import { metrics } from "../observability/metrics.ts";

export async function waitWhileBuyersQueue(
  options: { maxWaitMs?: number; pollMs?: number; signal?: AbortSignal } = {},
): Promise<{ waitedMs: number }> {
  const { maxWaitMs = 60_000, pollMs = 250, signal } = options;
  const started = performance.now();
  while ((metrics.sources.gate?.().queued ?? 0) > 0 && !signal?.aborted) {
    const waited = performance.now() - started;
    if (waited >= maxWaitMs) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, maxWaitMs - waited)));
  }
  return { waitedMs: performance.now() - started };
}
