// The server's logger and metrics: secrets are redacted from real log output (a child process's
// stdout), every line written inside a request carries its id, ids from outside are kept only
// when sane; holds, conflicts and procedure latencies are counted; the seat feed measures its lag.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@openticket/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { requestIdFor } from "../src/observability/logger.ts";
import { metrics } from "../src/observability/metrics.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { callerFor } from "./helpers/callers.ts";
import { eventOnSale, makeBuyers } from "./helpers/sale.ts";

const database = useTestDatabase();
const feeds: SeatChangeFeed[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
});

const loggerModule = fileURLToPath(new URL("../src/observability/logger.ts", import.meta.url));

/** Runs `code` in a fresh Node process with the logger imported; its stdout, line by line. */
function logLinesOf(code: string): Record<string, unknown>[] {
  const script = `import { logger, withRequestId } from ${JSON.stringify(loggerModule)};\n${code}`;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      encoding: "utf8",
    },
  );
  expect(run.stderr).toBe("");
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("logger", () => {
  it("never writes passwords, tokens, cookies or authorization headers", () => {
    const secrets = ["hunter2-password", "tok-123456", "sid=cookie-value", "Bearer s3cr3t"];
    const lines = logLinesOf(`
      logger.info({ password: "hunter2-password", token: "tok-123456" }, "top level");
      logger.warn({ user: { name: "ann", newPassword: "hunter2-password" } }, "one level down");
      logger.info({ headers: { cookie: "sid=cookie-value", authorization: "Bearer s3cr3t" } }, "node headers");
      logger.info({ req: { headers: { authorization: "Bearer s3cr3t", "set-cookie": "sid=cookie-value" } } }, "request");
      logger.error({ settings: { smtpUrl: "smtp://u:hunter2-password@mail" } }, "settings");
    `);
    expect(lines).toHaveLength(5);
    const text = JSON.stringify(lines);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain("hunter2");
    expect(lines[0]).toMatchObject({ password: "[redacted]", token: "[redacted]", level: "info" });
    expect(lines[1]).toMatchObject({ user: { name: "ann", newPassword: "[redacted]" } });
    expect(lines[3]).toMatchObject({ req: { headers: { authorization: "[redacted]" } } });
  });

  it("puts the request's id on every line written while handling it, across awaits", () => {
    const lines = logLinesOf(`
      logger.info("before");
      await withRequestId("req-0001-abcdef", async () => {
        logger.info("first");
        await new Promise((resolve) => setTimeout(resolve, 5));
        logger.warn({ step: 2 }, "after a timer");
      });
      logger.info("after");
    `);
    expect(lines.map((line) => line.requestId)).toEqual([
      undefined,
      "req-0001-abcdef",
      "req-0001-abcdef",
      undefined,
    ]);
  });

  it("keeps a sane incoming request id and replaces anything else", () => {
    expect(requestIdFor("3f2a9c1e-0b5d-4c8e-9f00-123456789abc")).toBe(
      "3f2a9c1e-0b5d-4c8e-9f00-123456789abc",
    );
    expect(requestIdFor("a1b2c3d4e5f60718293a4b5c6d7e8f90")).toBe(
      "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    );
    const uuid = /^[0-9a-f-]{36}$/;
    for (const insane of [
      undefined,
      "",
      "short",
      "x".repeat(200),
      'evil" injected',
      "a b c d e f g",
    ])
      expect(requestIdFor(insane)).toMatch(uuid);
  });
});

async function counterValue(name: string, labels: Record<string, string>) {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  const match = metric?.values.find((value) =>
    Object.entries(labels).every(([key, label]) => value.labels[key] === label),
  );
  return match?.value ?? 0;
}

describe("metrics", () => {
  it("count holds and hold conflicts, and time each procedure by outcome", async () => {
    const { db } = database();
    const { event, seatIds } = await eventOnSale(db, { rows: 1, seatsPerRow: 3 });
    const [first, second] = await makeBuyers(db, 2);
    if (!first || !second) throw new Error("no buyers");
    const seatId = seatIds[0] ?? "";
    const before = {
      held: await counterValue("openticket_holds_total", { outcome: "held" }),
      conflict: await counterValue("openticket_holds_total", { outcome: "conflict" }),
      okCalls: await counterValue("openticket_trpc_duration_seconds", {
        procedure: "reservation.hold",
        outcome: "ok",
      }),
    };
    await callerFor(db, first).reservation.hold({ eventId: event.id, seatIds: [seatId] });
    await expect(
      callerFor(db, second).reservation.hold({ eventId: event.id, seatIds: [seatId] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await counterValue("openticket_holds_total", { outcome: "held" })).toBe(before.held + 1);
    expect(await counterValue("openticket_holds_total", { outcome: "conflict" })).toBe(
      before.conflict + 1,
    );
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /openticket_trpc_duration_seconds_count\{procedure="reservation.hold",outcome="CONFLICT"\} [1-9]/,
    );
    const okCount =
      /openticket_trpc_duration_seconds_count\{procedure="reservation.hold",outcome="ok"\} (\d+)/.exec(
        text,
      );
    expect(Number(okCount?.[1])).toBe(before.okCalls + 1);
  });

  it("measure the seat feed's lag with a probe through PostgreSQL's notification queue", async () => {
    const { url } = database();
    const lagCount = async () =>
      (await metrics.seatFeedLag.get()).values.find((value) => value.metricName?.endsWith("_count"))
        ?.value ?? 0;
    const before = await lagCount();
    const feed = new SeatChangeFeed(url, { heartbeatMs: 100 });
    feeds.push(feed);
    const stop = new AbortController();
    const batches = feed.subscribe("00000000-0000-4000-8000-000000000000", stop.signal);
    await batches.next(); // listening
    const deadline = Date.now() + 10_000;
    while ((await lagCount()) < before + 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stop.abort();
    expect(await lagCount()).toBeGreaterThanOrEqual(before + 2);
  });
});
