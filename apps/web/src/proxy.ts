// Runs before every request (Next.js 16's proxy, formerly middleware): gives each one a CSP
// nonce and puts the security headers on every response — pages, API routes and static files.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/env";
import { contentSecurityPolicy, newNonce, securityHeaders } from "~/security/security-headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const options = { nonce, dev: env.NODE_ENV === "development", https: servedOverHttps(request) };
  // Next.js takes the nonce for its scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", contentSecurityPolicy(options));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders(options)))
    response.headers.set(name, value);
  return response;
}

/** HTTPS directly, behind a TLS-terminating proxy that says so, or by the public URL. */
function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (
    forwarded === "https" ||
    request.nextUrl.protocol === "https:" ||
    env.publicUrl.startsWith("https://")
  );
}
