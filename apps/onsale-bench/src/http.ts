// How the bench talks to OpenTicket: the typed client of `@openticket/api/client` over Node's
// fetch (undici: keep-alive, so each buyer reuses its connection), every request with a time
// limit as a browser's user would have, and sign-in through next-auth's credentials endpoint.
import { createOpenTicketClient } from "@openticket/api/client";

export type Api = ReturnType<typeof createOpenTicketClient>;

/** Headers that make a request come from one buyer: their session and their address. */
export type Identity = Record<string, string>;

/**
 * How the bench gets a signed-in identity. Against the web app: next-auth (below). In the test,
 * the in-process server answers its own sign-in.
 */
export type SignIn = (login: string, password: string, ip: string) => Promise<Identity>;

export function apiFor(baseUrl: string, identity: Identity, timeoutMs: number): Api {
  // Mutations must carry the app's own Origin (cross-site request forgery guard).
  const headers = { origin: new URL(baseUrl).origin, ...identity };
  return createOpenTicketClient({
    url: new URL("/api/trpc", baseUrl).toString(),
    headers: () => headers,
    fetch: withTimeout(timeoutMs),
  });
}

/** fetch that gives up after `timeoutMs`, body included (and still honours tRPC's own signal). */
export function withTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    // An explicit controller held by its timer: undici keeps only a weak reference to a
    // request's signal, and an AbortSignal.timeout/any nobody else holds can be collected
    // before it fires, leaving the request waiting forever.
    const controller = new AbortController();
    setTimeout(
      () => controller.abort(new DOMException("The request timed out.", "TimeoutError")),
      timeoutMs,
    ).unref();
    init?.signal?.addEventListener("abort", () => controller.abort(init.signal?.reason), {
      once: true,
    });
    return fetch(input, { ...init, signal: controller.signal });
  };
}

/**
 * next-auth's credentials sign-in, as the sign-in form does it: fetch a CSRF token (and its
 * cookie), post the credentials with it, keep the session cookie it sets.
 */
export function nextAuthSignIn(baseUrl: string, timeoutMs: number): SignIn {
  const request = withTimeout(timeoutMs);
  return async (login, password, ip) => {
    const csrf = await request(new URL("/api/auth/csrf", baseUrl), {
      headers: { "x-forwarded-for": ip },
    });
    if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const answer = await request(new URL("/api/auth/callback/credentials", baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookieHeader(csrf.headers),
        origin: new URL(baseUrl).origin,
        "x-forwarded-for": ip,
      },
      body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
    });
    const session = cookieHeader(answer.headers, /session-token/);
    await answer.body?.cancel();
    if (!session) {
      const where = answer.headers.get("location") ?? `status ${answer.status}`;
      throw new Error(`Sign-in of ${login} failed (${where})`);
    }
    return { cookie: session, "x-forwarded-for": ip };
  };
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookieHeader(headers: Headers, only?: RegExp): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";", 1)[0] ?? "")
    .filter((pair) => pair && (!only || only.test(pair.split("=", 1)[0] ?? "")))
    .join("; ");
}
