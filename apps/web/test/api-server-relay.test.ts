// The API server's relay to Next.js when Next.js misbehaves: here a stand-in plays the Next.js
// process (scripts/api-server.ts --next <it>) so that it can die mid-answer or not listen at all,
// which a real Next.js does only when it crashes. (An answer before the body is read, as a
// refused upload gets, is event-cover-upload.test.ts, with the real Next.js.)
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { createTestDatabase, type TestDatabase } from "@openticket/db/testing";
import getPort from "get-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const appDir = new URL("..", import.meta.url).pathname;
let database: TestDatabase;
let apiServer: ChildProcess;
let nextJs: Server;
let baseUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  nextJs = createServer((req, res) => {
    if (req.url === "/cut-short") {
      // A page streamed in chunks, and the process dies before its end.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<!doctype html><main>The first half of a page");
      setTimeout(() => res.socket?.destroy(), 100);
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" }).end("whole");
  });
  const nextPort = await getPort({ host: "127.0.0.1" });
  await new Promise<void>((resolve) => nextJs.listen(nextPort, "127.0.0.1", resolve));
  const port = await getPort({ host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${port}`;
  apiServer = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/api-server.ts",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
      "--next",
      `http://127.0.0.1:${nextPort}`,
    ],
    {
      cwd: appDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "test-secret-that-is-long-enough-123",
        HOLD_SWEEP_INTERVAL_SECONDS: "0",
        JOB_RUNNER: "off",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${baseUrl}/api/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the API server did not come up");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  apiServer?.kill("SIGKILL");
  await new Promise((resolve) => nextJs?.close(resolve));
  await database?.drop();
});

describe("the API server's relay to Next.js", () => {
  it("passes a whole answer on as it came", async () => {
    const response = await fetch(`${baseUrl}/anything`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("whole");
  });

  it("breaks off an answer Next.js did not finish, rather than end it as if complete", async () => {
    // A hung answer fails here within 10 s instead of at the test's own timeout.
    const response = await fetch(`${baseUrl}/cut-short`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    // A browser shows a cut-off page as failed and may retry; a short page "complete" it keeps.
    await expect(response.text()).rejects.toThrow("terminated");
  });

  it("answers 502 with Retry-After while Next.js does not answer", async () => {
    await new Promise((resolve) => {
      nextJs.close(resolve);
      nextJs.closeAllConnections();
    });
    const response = await fetch(`${baseUrl}/events`);
    expect(response.status).toBe(502);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.text()).toContain("not answering");
    // The API itself goes on without it.
    expect((await fetch(`${baseUrl}/api/health/ready`)).status).toBe(200);
  });
});
