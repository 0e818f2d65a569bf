// Abuse limits as a client meets them over HTTP against `next start`: 429 with Retry-After
// for a rate limit (counters in the app's PostgreSQL: no REDIS_URL here), the sign-in lockout
// through next-auth, 413 for a large body (declared or streamed), 400 for a large batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer({
    env: {
      RATE_LIMIT_SIGN_UPS_PER_IP_PER_HOUR: "2",
      RATE_LIMIT_SIGN_IN_FAILURES: "3",
      MAX_BATCH_SIZE: "5",
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

/** A client whose requests come from `ip` (next start keeps an X-Forwarded-For it is sent). */
const from = (ip: string) => ({ "x-forwarded-for": ip });

const account = (name: string) => ({
  username: name,
  email: `${name}@example.com`,
  password: "rate-limited-pass-1",
});

describe("rate limits over HTTP", () => {
  it("answers 429 with Retry-After past the sign-up limit, and creates no account", async () => {
    const register = (name: string, ip = "203.0.113.10") =>
      fetch(`${app.baseUrl}/api/trpc/auth.register`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.baseUrl, ...from(ip) },
        body: JSON.stringify({ json: account(name) }),
      });
    expect((await register("limit_one")).status).toBe(200);
    expect((await register("limit_two")).status).toBe(200);
    const refused = await register("limit_three");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { json: { data: unknown } } };
    expect(body.error.json.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      details: { retryAfterSeconds: retryAfter },
    });
    expect(await app.database.db.user.count({ where: { username: "limit_three" } })).toBe(0);
    // Another address is not affected.
    expect((await register("limit_four", "203.0.113.11")).status).toBe(200);
  });

  it("locks a login after wrong passwords: even the right one is then refused", async () => {
    const setup = new SessionClient(app.baseUrl);
    await setup.trpc("auth.register", account("lock_me"), {
      method: "POST",
      headers: from("203.0.113.20"),
    });
    for (let i = 0; i < 3; i++) {
      const wrong = await new SessionClient(app.baseUrl).signIn("lock_me", "not-the-password");
      expect(wrong.headers.get("location") ?? (await wrong.text())).toContain(
        "error=CredentialsSignin",
      );
    }
    const right = new SessionClient(app.baseUrl);
    const refused = await right.signIn("lock_me@example.com", "rate-limited-pass-1");
    const answer = refused.headers.get("location") ?? (await refused.text());
    expect(decodeURIComponent(answer)).toMatch(/error=TooManyAttempts:\d+/);
    expect(right.hasSessionCookie()).toBe(false);
  });
});

describe("request size limits", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/api/trpc/auth.register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.baseUrl, ...headers },
      body,
      duplex: "half",
    } as RequestInit);
  const bigJson = () =>
    JSON.stringify({ json: { username: "x".repeat(2_000_000), email: "a@b.co", password: "p" } });

  it("refuses a body over 1 MB with 413 and a JSON error", async () => {
    const refused = await post(bigJson());
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("refuses a streamed body without Content-Length once it passes 1 MB", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    // 50 MB on offer; the server stops reading after about 1 MB.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 800) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const refused = await post(stream);
    expect(refused.status).toBe(413);
    expect(sent).toBeLessThan(800);
    // A normal request still works afterwards.
    const cities = await new SessionClient(app.baseUrl).trpc("event.cities", undefined);
    expect(cities.status).toBe(200);
  });

  it("refuses a batch over MAX_BATCH_SIZE with 400, and takes one at the limit", async () => {
    const batch = (size: number) => {
      const paths = Array.from({ length: size }, () => "event.cities").join(",");
      const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, {}]));
      return fetch(
        `${app.baseUrl}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      );
    };
    const refused = await batch(6);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("Batch call exceeds maximum size");
    expect((await batch(5)).status).toBe(200);
  });
});
