// Cross-site request forgery guard for state-changing requests: a browser form on another site
// can neither send `Content-Type: application/json` nor forge the Origin header.
import { env } from "~/env";

// An upload goes as application/octet-stream, which no cross-site form can send either.
export function refuseCrossSiteWrite(
  request: Request,
  contentType: "application/json" | "application/octet-stream" = "application/json",
): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")
    return null;
  const sent = request.headers.get("content-type") ?? "";
  // A DELETE carries no body and so no type; its Origin still has to match.
  if (request.method !== "DELETE" && !sent.toLowerCase().startsWith(contentType)) {
    return forbidden(`State-changing requests must be sent as ${contentType}.`);
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
