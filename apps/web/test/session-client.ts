// A tiny cookie-keeping HTTP client that signs in through next-auth's real credentials route.
export class SessionClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set(
        "cookie",
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      );
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The cookies kept so far, as a Cookie header (for a browser or Lighthouse to send). */
  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  hasSessionCookie() {
    return [...this.cookies.keys()].some((name) => name.includes("next-auth.session-token"));
  }

  /** POSTs to next-auth's credentials callback, as the sign-in form does. */
  async signIn(login: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
    });
  }

  async session() {
    return (await (await this.fetch("/api/auth/session")).json()) as {
      user?: { username: string; role: string };
    };
  }

  /** Calls a tRPC procedure over HTTP the way the React client does (superjson envelope). */
  async trpc(
    path: string,
    input: unknown,
    options: { method?: "GET" | "POST"; headers?: Record<string, string> } = {},
  ) {
    const method = options.method ?? "GET";
    const payload = JSON.stringify({ json: input });
    const response =
      method === "GET"
        ? await this.fetch(`/api/trpc/${path}?input=${encodeURIComponent(payload)}`, {
            headers: options.headers,
          })
        : await this.fetch(`/api/trpc/${path}`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              origin: this.baseUrl,
              ...options.headers,
            },
            body: payload,
          });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return {
      status: response.status,
      body: body as {
        result?: { data?: { json?: unknown } };
        error?: { json?: { message: string; data: { code: string } } };
      },
    };
  }
}
