// The security headers for one request's response, as the proxy (pages, static files, most API
// routes) and the tRPC route (which the proxy skips: see src/proxy.ts) both set them.
import { env } from "~/env";
import { newNonce, type SecurityHeaderOptions, securityHeaders } from "./security-headers";

/** The options for `request`: a fresh nonce, dev or not, HTTPS or not. */
export function securityOptionsFor(request: Request): SecurityHeaderOptions {
  return {
    nonce: newNonce(),
    dev: env.NODE_ENV === "development",
    https: servedOverHttps(request),
  };
}

/** Puts the security headers on `response` (a route handler's own response) and returns it. */
export function withSecurityHeaders(request: Request, response: Response): Response {
  for (const [name, value] of Object.entries(securityHeaders(securityOptionsFor(request))))
    response.headers.set(name, value);
  return response;
}

/** HTTPS directly, behind a TLS-terminating proxy that says so, or by the public URL. */
function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (
    forwarded === "https" ||
    new URL(request.url).protocol === "https:" ||
    env.publicUrl.startsWith("https://")
  );
}
