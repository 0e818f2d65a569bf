// What the rush measures: per step, how many calls, how long they took and how they failed.
// Latencies are kept as plain numbers (a few hundred thousand at most) and sorted once at the end.

export type StepName = "map" | "hold" | "checkout" | "pay" | "paid" | "release" | "order";

export class StepStats {
  readonly latencies = new Map<StepName, number[]>();
  readonly errors = new Map<StepName, Map<string, number>>();

  /** Times `run`, recording its latency on success and its error code on failure. */
  async time<T>(step: StepName, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await run();
      this.record(step, performance.now() - started);
      return result;
    } catch (error) {
      this.fail(step, errorCode(error));
      throw error;
    }
  }

  record(step: StepName, ms: number) {
    const list = this.latencies.get(step) ?? [];
    list.push(ms);
    this.latencies.set(step, list);
  }

  fail(step: StepName, code: string) {
    const codes = this.errors.get(step) ?? new Map<string, number>();
    codes.set(code, (codes.get(code) ?? 0) + 1);
    this.errors.set(step, codes);
  }

  /** Every error code seen, summed over steps. */
  errorTotals(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const codes of this.errors.values()) {
      for (const [code, count] of codes) totals.set(code, (totals.get(code) ?? 0) + count);
    }
    return totals;
  }
}

/**
 * The tRPC error code of a failed call; below tRPC, what went wrong: TIMEOUT (the buyer gave
 * up), the socket error (ECONNREFUSED: the server is gone), or HTTP_<status> for an answer that
 * was not tRPC's (a 502 from a proxy, an HTML error page).
 */
export function errorCode(error: unknown): string {
  if (error instanceof BenchError) return error.code;
  const failure = error as {
    data?: { code?: string } | null;
    meta?: { response?: { status?: number } };
  } | null;
  if (failure?.data?.code) return failure.data.code;
  // Walk the causes: TRPCClientError → TypeError("fetch failed") → Error { code: "ECONNRESET" }.
  for (
    let cause = error as { name?: string; code?: string; cause?: unknown } | undefined, depth = 0;
    cause && depth < 5;
    cause = cause.cause as typeof cause, depth++
  ) {
    if (cause.name === "TimeoutError") return "TIMEOUT";
    if (cause.name === "AbortError") return "ABORTED";
    if (typeof cause.code === "string") return cause.code;
  }
  const status = failure?.meta?.response?.status;
  if (status) return `HTTP_${status}`;
  return (error as { name?: string })?.name ?? "UNKNOWN";
}

/** A failure the bench itself detected (e.g. an order that never became PAID). */
export class BenchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}
