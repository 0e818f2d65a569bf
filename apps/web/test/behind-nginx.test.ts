// deploy/nginx.conf, run for real: nginx (Debian's package) in front of TWO app server processes
// on one database, as docs/deploy.md describes. Requests spread over both, live seat changes
// pass through unbuffered, per-IP limits see the address nginx saw (not a forged header), and a
// killed process is taken out of rotation while the other keeps answering.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTestDatabase,
  makeEvent,
  makeUser,
  makeVenue,
  type TestDatabase,
} from "@openticket/db/testing";
import getPort from "get-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const repoConfig = fileURLToPath(new URL("../../../deploy/nginx.conf", import.meta.url));
const READS_PER_MINUTE = 6;

let database: TestDatabase;
let apps: AppServer[] = [];
let nginx: { url: string; stop: () => Promise<void> };
let eventId: string;
let seatIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  // The public URL is the proxy's, as in production: mutations must come from its origin.
  const proxyPort = await getPort({ host: "127.0.0.1" });
  const env = {
    NEXTAUTH_URL: `http://127.0.0.1:${proxyPort}`,
    TRUST_PROXY: "1",
    RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE: String(READS_PER_MINUTE),
  };
  apps = await Promise.all([startAppServer({ database, env }), startAppServer({ database, env })]);
  nginx = await startNginx(
    apps.map((app) => app.port),
    proxyPort,
  );
  const { db } = database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
  seatIds = (await db.eventSeat.findMany({ where: { eventId }, select: { id: true } })).map(
    (seat) => seat.id,
  );
}, 180_000);
afterAll(async () => {
  await nginx?.stop();
  await Promise.all(apps.map((app) => app.stop()));
  await database?.drop();
});

/** Which app process logged the request with this id (its access line). */
function answeredBy(requestId: string) {
  return apps.flatMap((app, index) =>
    app.output().includes(`"requestId":"${requestId}"`) ? [index] : [],
  );
}

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe("deploy/nginx.conf in front of two app processes", () => {
  it("spreads requests over both processes, each keeping its request id", async () => {
    const ids = Array.from({ length: 10 }, (_, index) => `spread-test-${index}-abcdef`);
    for (const id of ids) {
      const response = await fetch(`${nginx.url}/api/health/ready`, {
        headers: { "x-request-id": id },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toBe(id);
    }
    await settle();
    const byProcess = ids.map((id) => answeredBy(id));
    // Each request was answered by exactly one process, and both took some.
    expect(byProcess.every((owners) => owners.length === 1)).toBe(true);
    const counts = [0, 1].map((index) => byProcess.filter((owners) => owners[0] === index).length);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(0);

    // nginx gives a request without an id one of its own.
    const anonymous = await fetch(`${nginx.url}/api/health/live`);
    expect(anonymous.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps /api/metrics to direct scrapers: nginx hides it, the app refuses forwarded calls", async () => {
    expect((await fetch(`${nginx.url}/api/metrics`)).status).toBe(404);
    const direct = apps[0]?.baseUrl ?? "";
    expect((await fetch(`${direct}/api/metrics`)).status).toBe(200);
    const viaSomeProxy = await fetch(`${direct}/api/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.9", "x-openticket-loopback": "1" },
    });
    expect(viaSomeProxy.status).toBe(403);
  });

  it("counts anonymous reads per client address as nginx saw it, across both processes", async () => {
    const cities = (forgedFor: string) =>
      fetch(`${nginx.url}/api/trpc/event.cities?input=${encodeURIComponent('{"json":null}')}`, {
        headers: { "x-forwarded-for": forgedFor },
      });
    const statuses: number[] = [];
    // A different forged address each time: were the forgery believed, none would be limited.
    for (let index = 0; index < READS_PER_MINUTE + 2; index++) {
      statuses.push((await cities(`198.51.100.${index + 1}`)).status);
    }
    expect(statuses.slice(0, READS_PER_MINUTE)).toEqual(Array(READS_PER_MINUTE).fill(200));
    expect(statuses.slice(READS_PER_MINUTE)).toEqual([429, 429]);
  });

  it("passes live seat changes through at once (server-sent events, unbuffered)", async () => {
    const watcher = new AbortController();
    const input = encodeURIComponent(JSON.stringify({ json: { eventId } }));
    const stream = await fetch(`${nginx.url}/api/trpc/event.onSeatChange?input=${input}`, {
      headers: { accept: "text/event-stream" },
      signal: watcher.signal,
    });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error("no body");
    let received = "";
    const readUntil = async (needle: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (!received.includes(needle) && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
        ]);
        if (!chunk || chunk.done) break;
        received += chunk.value;
      }
      return received.includes(needle);
    };
    // A small first event: a buffering proxy would sit on it.
    expect(await readUntil('"resync":true', 5_000)).toBe(true);

    // The hold goes through nginx too, to whichever process; every process hears it (NOTIFY).
    const buyer = new SessionClient(nginx.url);
    const account = {
      username: "nginx_buyer",
      email: "nginx@example.com",
      password: "seats-through-a-proxy-2026",
    };
    expect((await buyer.trpc("auth.register", account, { method: "POST" })).status).toBe(200);
    await buyer.signIn(account.username, account.password);
    const seatId = seatIds[2] ?? "";
    const held = await buyer.trpc(
      "reservation.hold",
      { eventId, seatIds: [seatId] },
      { method: "POST" },
    );
    expect(held.status).toBe(200);
    expect(await readUntil(seatId, 5_000)).toBe(true);
    watcher.abort();
  });

  it("takes a killed process out of rotation while the other keeps answering", async () => {
    const [killed, survivor] = apps;
    if (!killed || !survivor) throw new Error("two app servers expected");
    killed.kill();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ids = Array.from({ length: 8 }, (_, index) => `after-kill-${index}-abcdef`);
    const statuses: number[] = [];
    for (const id of ids) {
      const response = await fetch(`${nginx.url}/api/health/ready`, {
        headers: { "x-request-id": id },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(ids.length).fill(200));
    await settle();
    expect(ids.map((id) => answeredBy(id))).toEqual(ids.map(() => [1]));
  });
});

/**
 * Runs nginx in the foreground on a free port with deploy/nginx.conf, its upstream pointed at
 * the test's app ports, everything else (pid, temp files, logs) in a private directory. As
 * root, it runs as nobody.
 */
async function startNginx(appPorts: number[], port: number) {
  const site = readFileSync(repoConfig, "utf8");
  const upstreams = [...site.matchAll(/^\s*server 127\.0\.0\.1:\d+/gm)];
  expect(upstreams).toHaveLength(2);
  expect(site).toMatch(/^\s*listen 80;$/m);
  let index = 0;
  const adapted = site
    .replace(
      /^(\s*server 127\.0\.0\.1:)\d+/gm,
      (_, start: string) => `${start}${appPorts[index++]}`,
    )
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
  const prefix = mkdtempSync(join(tmpdir(), "openticket-nginx-"));
  for (const dir of ["logs", "temp"]) mkdirSync(join(prefix, dir));
  writeFileSync(join(prefix, "openticket.conf"), adapted);
  writeFileSync(
    join(prefix, "nginx.conf"),
    `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  include ${prefix}/openticket.conf;
}
`,
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    for (const dir of [prefix, join(prefix, "logs"), join(prefix, "temp")]) chmodSync(dir, 0o777);
  const args = [
    "-p",
    prefix,
    "-c",
    join(prefix, "nginx.conf"),
    "-e",
    "stderr",
    "-g",
    "daemon off;",
  ];
  const check = spawnSync(NGINX, [...args, "-t"], { encoding: "utf8", ...(asRoot ? nobody : {}) });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, args, {
    stdio: ["ignore", "pipe", "pipe"],
    ...(asRoot ? nobody : {}),
  });
  let output = "";
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    try {
      await fetch(`${url}/api/health/live`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(prefix, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGQUIT");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

const nobody = { uid: 65534, gid: 65534 };
