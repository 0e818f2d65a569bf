// The sender killed: the job runner runs in a child process that dies by SIGKILL (no cleanup,
// like a power cut) mid-batch or at a crash point; then a new runner finishes the work. Every
// message arrives, none is lost; the only duplicate possible is the one message whose SMTP
// answer had come back when the sender died and whose row was not yet marked SENT
// (send-mail.ts) — pinned down here by the crash point between the two.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Db } from "@openticket/db";
import { useTestDatabase } from "@openticket/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultSettings } from "../src/context.ts";
import { releaseDeadWorkers } from "../src/jobs/dead-workers.ts";
import type { CrashPointName } from "../src/services/crash-point.ts";
import { type MailToQueue, queueMail } from "../src/services/mail/queue-mail.ts";
import { messageIdFor } from "../src/services/mail/send-mail.ts";
import { runMailJobs } from "./support/mail-jobs.ts";
import { startSmtpServer, type TestSmtpServer } from "./support/smtp-server.ts";

const database = useTestDatabase();
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const runnerScript = fileURLToPath(new URL("./crash/mail-runner.ts", import.meta.url));
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.stop());
beforeEach(() => {
  smtp.received.length = 0;
});

function message(key: string): MailToQueue {
  return {
    key,
    to: `${key}@test.example`,
    userId: null,
    locale: "en",
    mail: {
      kind: "sign-up-attempt",
      signInUrl: "http://localhost:3000/sign-in",
      resetUrl: "http://localhost:3000/forgot-password",
    },
  };
}

/** The runner in its own process; node runs it directly (tsx as a loader) so SIGKILL hits it. */
function startRunner(transport: string, crashAt?: CrashPointName) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", runnerScript, database().url, transport],
    {
      cwd: packageDir,
      env: { ...process.env, ...(crashAt && { OPENTICKET_CRASH_AT: crashAt }) },
      stdio: "ignore",
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_code, signal) => resolve(signal)),
  );
  return { child, exited };
}

async function kill(child: ChildProcess, exited: Promise<NodeJS.Signals | null>) {
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

/** The restarted deployment frees the dead runner's job (src/jobs/dead-workers.ts) at once. */
const releaseDead = (db: Db) => releaseDeadWorkers(db, { minLockedMs: 0 });

async function statuses(db: Db, prefix: string) {
  const rows = await db.mailOutbox.groupBy({
    by: ["status"],
    where: { key: { startsWith: prefix } },
    _count: true,
  });
  return Object.fromEntries(rows.map((row) => [row.status, row._count]));
}

function countByMessageId() {
  const counts = new Map<string, number>();
  for (const mail of smtp.received) {
    counts.set(mail.messageId ?? "", (counts.get(mail.messageId ?? "") ?? 0) + 1);
  }
  return counts;
}

describe("a sender killed mid-batch", () => {
  it("delivers every one of 50 messages after a restart; only the one in flight may repeat", async () => {
    const { db, url } = database();
    const keys = Array.from({ length: 50 }, (_, index) => `batch-${index}`);
    await queueMail(db, keys.map(message));

    const first = startRunner(smtp.url);
    await smtp.waitFor(10, 60_000);
    // Which message was in flight when the power went: SENDING, and at most that one.
    await kill(first.child, first.exited);
    const inFlight = await db.mailOutbox.findMany({
      where: { key: { startsWith: "batch-" }, status: "SENDING" },
      select: { key: true },
    });
    expect(inFlight.length).toBeLessThanOrEqual(1);
    const delivered = smtp.received.length;
    expect(delivered).toBeLessThan(50);

    await releaseDead(db);
    const second = startRunner(smtp.url);
    await smtp.waitFor(50, 60_000);
    const until = Date.now() + 30_000;
    while ((await statuses(db, "batch-")).SENT !== 50 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await kill(second.child, second.exited);

    expect(await statuses(db, "batch-")).toEqual({ SENT: 50 });
    const counts = countByMessageId();
    expect([...counts.keys()].sort()).toEqual(
      keys.map((key) => messageIdFor(key, defaultSettings.mailFrom)).sort(),
    );
    const repeated = [...counts].filter(([, count]) => count > 1);
    const mayRepeat = inFlight.map((row) => messageIdFor(row.key, defaultSettings.mailFrom));
    expect(repeated.every(([id, count]) => count === 2 && mayRepeat.includes(id))).toBe(true);
  }, 150_000);
});

describe("the crash points around the SMTP answer", () => {
  it("mail:before-send — nothing went out; the restarted sender delivers it once", async () => {
    const { db, url } = database();
    await queueMail(db, message("before-send"));
    const runner = startRunner(smtp.url, "mail:before-send");
    expect(await runner.exited).toBe("SIGKILL");
    expect(smtp.received).toEqual([]);
    expect(await db.mailOutbox.findUnique({ where: { key: "before-send" } })).toMatchObject({
      status: "SENDING",
      attempts: 1,
    });

    await releaseDead(db);
    await runMailJobs(db, url, { smtpUrl: smtp.url });
    const [mail, ...more] = await smtp.waitFor(1);
    expect(more).toEqual([]);
    expect(mail?.messageId).toBe(messageIdFor("before-send", defaultSettings.mailFrom));
    expect(await db.mailOutbox.findUnique({ where: { key: "before-send" } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  }, 60_000);

  it("mail:after-send over SMTP — the documented duplicate: the same Message-ID twice", async () => {
    const { db, url } = database();
    await queueMail(db, message("after-send"));
    const runner = startRunner(smtp.url, "mail:after-send");
    expect(await runner.exited).toBe("SIGKILL");
    expect(smtp.received).toHaveLength(1);
    expect((await db.mailOutbox.findUnique({ where: { key: "after-send" } }))?.status).toBe(
      "SENDING",
    );

    await releaseDead(db);
    await runMailJobs(db, url, { smtpUrl: smtp.url });
    const received = await smtp.waitFor(2);
    // Sent again, as the only way to be sure it arrived; the same Message-ID lets mail clients
    // show it once.
    expect(received.map((mail) => mail.messageId)).toEqual([
      messageIdFor("after-send", defaultSettings.mailFrom),
      messageIdFor("after-send", defaultSettings.mailFrom),
    ]);
    expect((await db.mailOutbox.findUnique({ where: { key: "after-send" } }))?.status).toBe("SENT");
  }, 60_000);

  it("mail:after-send into the local mailbox — no duplicate: the mailbox is keyed by Message-ID", async () => {
    const { db, url } = database();
    await queueMail(db, message("after-send-local"));
    const runner = startRunner("local", "mail:after-send");
    expect(await runner.exited).toBe("SIGKILL");

    await releaseDead(db);
    // The freed job may come due a moment after the lock is released (the database's clock):
    // run the sender again until it has finished, as the job runner's own polling would.
    await expect
      .poll(
        async () => {
          await runMailJobs(db, url);
          return (await db.mailOutbox.findUnique({ where: { key: "after-send-local" } }))?.status;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe("SENT");
    const messageId = messageIdFor("after-send-local", defaultSettings.mailFrom);
    expect(await db.localMailbox.count({ where: { messageId } })).toBe(1);
    expect(await db.mailOutbox.findUnique({ where: { key: "after-send-local" } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  }, 60_000);
});
