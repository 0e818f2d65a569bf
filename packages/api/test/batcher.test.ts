// The group-commit queue on its own (no database): how calls are grouped, deferred and failed.
import { describe, expect, it } from "vitest";
import { AppError } from "../src/errors.ts";
import { Batcher, type BatchOutcome } from "../src/services/reservation/batcher.ts";

/** A batcher that records its batches and answers each item with itself doubled. */
function recording(options = { maxInFlight: 1, maxItems: 4 }) {
  const batches: number[][] = [];
  let running = 0;
  let mostRunning = 0;
  const batcher = new Batcher<number, number>(async (items) => {
    batches.push(items);
    running++;
    mostRunning = Math.max(mostRunning, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    return items.map((item) => ({ status: "fulfilled", value: item * 2 }) as const);
  }, options);
  return { batcher, batches, mostRunning: () => mostRunning };
}

describe("Batcher", () => {
  it("groups calls made together, up to maxItems a batch, one batch at a time", async () => {
    const { batcher, batches, mostRunning } = recording();
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((item) => batcher.submit(item)));
    expect(results).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
    expect(mostRunning()).toBe(1);
    expect(batcher.stats).toMatchObject({ batches: 2, items: 6 });
  });

  it("queues calls that arrive while a batch runs for the next batch", async () => {
    const { batcher, batches } = recording({ maxInFlight: 1, maxItems: 10 });
    const first = batcher.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first batch is running now
    const later = [2, 3, 4].map((item) => batcher.submit(item));
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("runs deferred items first in the next batch, and rejects items one by one", async () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string, string>(
      async (items) => {
        batches.push(items);
        const seen = new Set<string>();
        return items.map((item): BatchOutcome<string> => {
          if (item === "bad") return { status: "rejected", reason: new Error("bad item") };
          if (seen.has(item)) return { status: "deferred" };
          seen.add(item);
          return { status: "fulfilled", value: item.toUpperCase() };
        });
      },
      { maxInFlight: 1, maxItems: 10 },
    );
    const calls = ["a", "b", "a", "bad", "c"].map((item) => batcher.submit(item));
    const settled = await Promise.allSettled(calls);
    expect(
      settled.map((result) => (result.status === "fulfilled" ? result.value : "error")),
    ).toEqual(["A", "B", "A", "error", "C"]);
    expect(batches).toEqual([["a", "b", "a", "bad", "c"], ["a"]]);
  });

  it("fails every call of a batch that cannot reach the database, and carries on with the next", async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async (items) => {
        calls++;
        if (calls === 1) throw Object.assign(new Error("pool timeout"), { code: "P2024" });
        return items.map((item) => ({ status: "fulfilled", value: item }) as const);
      },
      { maxInFlight: 1, maxItems: 10 },
    );
    const failed = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await batcher.submit(3)).toBe(3);
  });

  it("finds the one request that breaks a batch by halving it, and serves the rest", async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        batches.push(items);
        // Item 5 breaks any batch it is in, e.g. serialization retries that never succeed.
        if (items.includes(5))
          throw Object.assign(new Error("could not serialize"), { code: "P2034" });
        return items.map((item) => ({ status: "fulfilled", value: item }) as const);
      },
      { maxInFlight: 1, maxItems: 8 },
    );
    const settled = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6, 7, 8].map((i) => batcher.submit(i)),
    );
    expect(settled.map((result) => result.status)).toEqual([
      ...["fulfilled", "fulfilled", "fulfilled", "fulfilled"],
      ...["rejected", "fulfilled", "fulfilled", "fulfilled"],
    ]);
    // 8 → 4+4 → 2+2 → 1+1: seven batches, not one per request after the first failure.
    expect(batches).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [5, 6],
      [5],
      [6],
      [7, 8],
    ]);
    expect(batcher.stats.splits).toBe(3);
  });

  it("refuses calls beyond its queue bound with TOO_MANY_REQUESTS and when to come back", async () => {
    let release = () => {};
    const firstBatchDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    let batches = 0;
    const batcher = new Batcher<number, number>(
      async (items) => {
        if (batches++ === 0) await firstBatchDone;
        return items.map((item) => ({ status: "fulfilled", value: item }) as const);
      },
      { maxInFlight: 1, maxItems: 1, maxQueued: 2 },
    );
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve)); // 1 is running, the queue is empty
    const queued = [batcher.submit(2), batcher.submit(3)];
    const error = await batcher.submit(4).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("TOO_MANY_REQUESTS");
    // Said over HTTP as 429 with Retry-After: 1.
    expect((error as AppError).details?.retryAfterSeconds).toBe(1);
    expect(batcher.stats.refused).toBe(1);
    release();
    expect(await Promise.all([first, ...queued])).toEqual([1, 2, 3]);
  });

  it("drops a call whose caller gave up while it was queued, without running it", async () => {
    let release = () => {};
    const firstBatchDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ran: number[] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        if (ran.length === 0) await firstBatchDone;
        ran.push(...items);
        return items.map((item) => ({ status: "fulfilled", value: item }) as const);
      },
      { maxInFlight: 1, maxItems: 10 },
    );
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const controller = new AbortController();
    const gaveUp = batcher.submit(2, controller.signal).catch((error: unknown) => error);
    const stays = batcher.submit(3);
    controller.abort();
    expect(((await gaveUp) as AppError).code).toBe("CLIENT_CLOSED_REQUEST");
    release();
    expect(await Promise.all([first, stays])).toEqual([1, 3]);
    expect(ran).toEqual([1, 3]);
  });
});
