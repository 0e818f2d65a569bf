// Runs before every request (Next.js 16's proxy, formerly middleware): gives each one a CSP
// nonce and puts the security headers on every response — pages, API routes and static files.
import { type NextRequest, NextResponse } from "next/server";
import { securityOptionsFor } from "~/security/headers-for-request";
import { contentSecurityPolicy, securityHeaders } from "~/security/security-headers";

export function proxy(request: NextRequest) {
  const options = securityOptionsFor(request);
  // Next.js takes the nonce for its scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", options.nonce);
  requestHeaders.set("content-security-policy", contentSecurityPolicy(options));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders(options)))
    response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the tRPC route: Next.js reads the whole body of every request its proxy sees (keeping up
  // to 10 MB), which would defeat the route's own 1 MB limit that stops reading at the limit
  // (a 50 MB upload was read whole). The route sets these headers itself (withSecurityHeaders).
  // Nor the cover upload route, for the same reason.
  matcher: ["/((?!api/trpc/|api/covers/).*)"],
};
