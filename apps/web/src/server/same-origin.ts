// Cross-site request forgery guard for state-changing requests: a browser form on another site
// can neither send `Content-Type: application/json` nor forge the Origin header.
import { env } from "~/env";

export function refuseCrossSiteWrite(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")
    return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return forbidden("State-changing requests must be sent as application/json.");
  }
  const origin = request.headers.get("origin");
  const allowed = new Set([new URL(request.url).origin, ...env.trustedOrigins]);
  if (env.NEXTAUTH_URL) allowed.add(new URL(env.NEXTAUTH_URL).origin);
  if (!origin || !allowed.has(origin)) {
    return forbidden("Cross-site requests are not allowed.");
  }
  return null;
}

function forbidden(message: string) {
  return Response.json({ error: { message, code: "FORBIDDEN" } }, { status: 403 });
}
