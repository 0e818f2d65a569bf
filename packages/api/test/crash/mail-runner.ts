// The job runner in a process of its own, for mail-crashes.test.ts: it sends the outbox's mail
// until it is killed (SIGKILL, by the test or by a crash point: OPENTICKET_CRASH_AT=<point>).
//   mail-runner.ts <database url> <smtp url | "local">
import { createDb } from "@openticket/db";
import { defaultSettings } from "../../src/context.ts";
import { startJobRunner } from "../../src/jobs/job-queue.ts";
import { inProcessDemoProvider } from "../../src/services/payments/in-process-demo.ts";

const [url, smtpUrl] = process.argv.slice(2);
if (!url || !smtpUrl) throw new Error("usage: mail-runner.ts <database url> <smtp url | local>");
const db = createDb(url);
const runner = await startJobRunner(url, {
  db,
  payments: inProcessDemoProvider(db),
  settings: { ...defaultSettings, smtpUrl: smtpUrl === "local" ? null : smtpUrl },
});
await runner.promise;
