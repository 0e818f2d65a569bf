// Through real HTTP against the app server: next-auth's credentials route, the tRPC route handler,
// its cross-site write guard, and session revocation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { SessionClient } from "./session-client";

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(async () => {
  await app?.stop();
});

const account = {
  username: "route_tester",
  email: "route@example.com",
  password: "through-the-wire-1",
};

describe("sign-up and sign-in over HTTP", () => {
  it("registers through tRPC, then signs in through next-auth with the right password only", async () => {
    const visitor = new SessionClient(app.baseUrl);
    const registered = await visitor.trpc("auth.register", account, { method: "POST" });
    expect(registered.status).toBe(200);
    // The same answer whether or not the address was registered (issue 14): no account details.
    expect(registered.body.result?.data?.json).toEqual({ status: "CHECK_INBOX" });

    const wrong = new SessionClient(app.baseUrl);
    const refused = await wrong.signIn("route_tester", "through-the-wire-2");
    expect(refused.headers.get("location") ?? (await refused.text())).toContain(
      "error=CredentialsSignin",
    );
    expect(wrong.hasSessionCookie()).toBe(false);
    expect((await wrong.session()).user).toBeUndefined();

    const nobody = new SessionClient(app.baseUrl);
    const unknown = await nobody.signIn("no_such_user", "through-the-wire-1");
    expect(unknown.headers.get("location") ?? (await unknown.text())).toContain(
      "error=CredentialsSignin",
    );

    const right = new SessionClient(app.baseUrl);
    await right.signIn("ROUTE@example.com", account.password);
    expect(right.hasSessionCookie()).toBe(true);
    expect((await right.session()).user).toMatchObject({
      username: "route_tester",
      role: "ATTENDEE",
    });

    const me = await right.trpc("auth.me", undefined);
    expect(me.body.result?.data?.json).toMatchObject({ email: "route@example.com" });
  });

  it("tells a suspended user the account is suspended after the right password only", async () => {
    const login = { ...account, username: "suspended_one", email: "suspended@example.com" };
    await new SessionClient(app.baseUrl).trpc("auth.register", login, { method: "POST" });
    await app.database.db.user.update({
      where: { username: login.username },
      data: { suspendedAt: new Date() },
    });
    const answer = async (password: string) => {
      const response = await new SessionClient(app.baseUrl).signIn(login.username, password);
      return response.headers.get("location") ?? (await response.text());
    };
    expect(await answer(login.password)).toContain("error=AccountSuspended");
    const wrong = await answer("through-the-wire-9");
    expect(wrong).toContain("error=CredentialsSignin");
    expect(wrong).not.toContain("Suspended");
  });

  it("gives UNAUTHORIZED to auth.me without a session", async () => {
    const me = await new SessionClient(app.baseUrl).trpc("auth.me", undefined);
    expect(me.status).toBe(401);
    expect(me.body.error?.json?.data.code).toBe("UNAUTHORIZED");
  });

  // next-auth splits a session cookie over 4 KB into name.0, name.1 …; the API server reads the
  // Cookie header itself (src/server/session-cookie.ts) and must join them as next-auth does.
  it("reads a session cookie split into chunks, in any order, and refuses a partial one", async () => {
    const owner = new SessionClient(app.baseUrl);
    await owner.signIn("ROUTE@example.com", account.password);
    const [name, value] = owner
      .cookieHeader()
      .split("; ")
      .map((pair) => pair.split("=") as [string, string])
      .find(([cookie]) => cookie.endsWith("next-auth.session-token")) ?? ["", ""];
    expect(value.length).toBeGreaterThan(100);
    const half = Math.floor(value.length / 2);
    const asCookie = (cookie: string) =>
      fetch(`${app.baseUrl}/api/trpc/auth.me`, { headers: { cookie } });

    const split = await asCookie(
      `${name}.1=${value.slice(half)}; ${name}.0=${value.slice(0, half)}`,
    );
    expect(split.status).toBe(200);
    expect((await split.json()).result.data.json).toMatchObject({ email: "route@example.com" });
    expect((await asCookie(`${name}.1=${value.slice(half)}`)).status).toBe(401);
    expect((await asCookie(`${name}.0=${value.slice(0, half)}`)).status).toBe(401);
  });

  // Each app process forgets a cached user row when PostgreSQL announces the change (NOTIFY on
  // commit, services/auth/session-cache.ts), so revocation takes effect once the server has heard
  // it: milliseconds, not "the very next request" (CI once asked sooner than the notification
  // arrived). Asserting an eventual 401 within 5 s still fails if the row stayed cached (15 s).
  it("ends a session as soon as the server hears its sessionVersion was bumped (role change, suspension)", async () => {
    const client = new SessionClient(app.baseUrl);
    await client.trpc(
      "auth.register",
      { ...account, username: "revoke_me", email: "revoke@example.com" },
      { method: "POST" },
    );
    await client.signIn("revoke_me", account.password);
    expect((await client.trpc("auth.me", undefined)).status).toBe(200);

    await app.database.db.user.update({
      where: { username: "revoke_me" },
      data: { role: "ORGANIZER", sessionVersion: { increment: 1 } },
    });
    const deadline = Date.now() + 5_000;
    let status = (await client.trpc("auth.me", undefined)).status;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await client.trpc("auth.me", undefined)).status;
    }
    expect(status).toBe(401);
  });
});

describe("role consoles", () => {
  it("answer 403 to the wrong role and send signed-out visitors to sign in", async () => {
    const visitor = new SessionClient(app.baseUrl);
    const anonymous = await visitor.fetch("/admin");
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain("/sign-in?callbackUrl=%2Fadmin");

    await visitor.trpc(
      "auth.register",
      { username: "not_an_admin", email: "plain@example.com", password: "no-console-2026" },
      { method: "POST" },
    );
    await visitor.signIn("not_an_admin", "no-console-2026");
    for (const path of ["/admin", "/admin/users", "/organizer"]) {
      const response = await visitor.fetch(path);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
  });
});

describe("the tRPC route refuses cross-site writes", () => {
  const input = {
    username: "csrf_victim",
    email: "csrf@example.com",
    password: "forged-request-99",
  };

  it("refuses a mutation that is not JSON, or comes from another origin, and changes nothing", async () => {
    const client = new SessionClient(app.baseUrl);
    const form = await client.fetch("/api/trpc/auth.register", {
      method: "POST",
      headers: { "content-type": "text/plain", origin: app.baseUrl },
      body: JSON.stringify({ json: input }),
    });
    expect(form.status).toBe(403);

    const foreign = await client.trpc("auth.register", input, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);

    const noOrigin = await client.fetch("/api/trpc/auth.register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
    expect(noOrigin.status).toBe(403);

    expect(await app.database.db.user.count({ where: { username: "csrf_victim" } })).toBe(0);
  });

  it("never runs a mutation through GET", async () => {
    const viaGet = await new SessionClient(app.baseUrl).trpc("auth.register", input, {
      method: "GET",
    });
    expect(viaGet.status).toBeGreaterThanOrEqual(400);
    expect(await app.database.db.user.count({ where: { username: "csrf_victim" } })).toBe(0);
  });

  it("answers bad input with BAD_REQUEST and field errors", async () => {
    const bad = await new SessionClient(app.baseUrl).trpc(
      "auth.register",
      { username: "x", email: "nope", password: "short" },
      { method: "POST" },
    );
    expect(bad.status).toBe(400);
    const data = (bad.body.error?.json?.data ?? {}) as {
      code?: string;
      zodError?: { fieldErrors: Record<string, string[]> };
    };
    expect(data.code).toBe("BAD_REQUEST");
    expect(Object.keys(data.zodError?.fieldErrors ?? {}).sort()).toEqual([
      "email",
      "password",
      "username",
    ]);
    expect(JSON.stringify(bad.body)).not.toMatch(/stack|at \//);
  });
});
