// Starts the production build on a fresh test database with the servers `pnpm start` runs
// (scripts/cluster.ts: the API server in front, Next.js behind it), for tests that go through
// real HTTP: next-auth's routes, the tRPC API, and the browser tests.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@openticket/db/testing";
import getPort from "get-port";
import { startMailReader } from "./mail-reader";

const appDir = fileURLToPath(new URL("..", import.meta.url));

export type AppServer = Awaited<ReturnType<typeof startAppServer>>;

export const TEST_CRON_SECRET = "test-cron-secret-0123456789";
/** Signs the demo payment provider's webhooks, so that a test can sign one too. */
export const TEST_DEMO_PAYMENT_SECRET = "test-demo-payment-secret-0123456789";

export async function startAppServer(
  options: {
    prepare?: (database: TestDatabase) => Promise<void>;
    env?: Record<string, string>;
    /** A database made elsewhere (another app server's, a script's): not dropped on stop; its maker drops it. */
    database?: TestDatabase;
    /** Run this many API servers (and Next.js servers) on the port; 1 unless said. */
    workers?: number;
    /**
     * false: no SMTP_URL, as in the zero-setup run — mail goes to the local mailbox an admin
     * reads at /admin/mail, and `mail` receives nothing.
     */
    smtp?: boolean;
  } = {},
) {
  if (!existsSync(`${appDir}/.next/BUILD_ID`)) {
    throw new Error(
      "No production build: run `pnpm --filter @openticket/web build` first (turbo does it for `pnpm test`).",
    );
  }
  const ownDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  // The app's mail goes over real SMTP to a server in this process (app.mail reads it).
  const mail = await startMailReader();
  await options.prepare?.(database);
  const port = await getPort({ host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const serverArgs = ["--port", String(port), "--hostname", "127.0.0.1"];
  const script = [
    `${appDir}/scripts/cluster.ts`,
    String(options.workers ?? 1),
    "--",
    ...serverArgs,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "test-secret-that-is-long-enough-123",
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    CRON_SECRET: TEST_CRON_SECRET,
    DEMO_PAYMENT_SECRET: TEST_DEMO_PAYMENT_SECRET,
    // Tests sweep through the cron route when they want a sweep.
    HOLD_SWEEP_INTERVAL_SECONDS: "0",
    SMTP_URL: mail.smtp.url,
    MAIL_FROM: "OpenTicket <tickets@openticket.test>",
    ...options.env,
  };
  if (options.smtp === false) delete env.SMTP_URL;
  const child = spawn(process.execPath, ["--import", "tsx", ...script], {
    cwd: appDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a crash (kill) takes the cluster's workers with it at once.
    detached: true,
  });
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  try {
    await waitForHttp(`${baseUrl}/api/auth/csrf`, child);
  } catch (error) {
    killGroup(child);
    if (ownDatabase) await database.drop();
    await mail.smtp.stop();
    throw new Error(`The app server did not come up:\n${output.join("")}`, { cause: error });
  }
  return {
    baseUrl,
    port,
    database,
    /** The mail the app sent, as received by the test's SMTP server. */
    mail,
    /** Everything the server printed so far (for assertions on logging). */
    output: () => output.join(""),
    /** Kills the process at once (SIGKILL), as a crash would. */
    kill: () => killGroup(child),
    stop: async () => {
      await stopProcess(child);
      if (ownDatabase) await database.drop();
      await mail.smtp.stop();
    },
  };
}

async function waitForHttp(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("timed out");
}

/** SIGKILL to the server and its workers. */
function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function stopProcess(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => killGroup(child), 12_000).unref();
  });
}
