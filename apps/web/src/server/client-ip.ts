// The caller's IP address, for per-IP limits. `next start` puts the socket's address in
// X-Forwarded-For only when the request has none, so the header is all a route handler sees:
// each trusted proxy (TRUST_PROXY of them) appends the address it was called from, and the
// client's is the one the outermost proxy appended. Entries to its left are whatever the
// client sent, and are never read.
import { env } from "~/env";

/** `forwardedFor`: the request's X-Forwarded-For header. */
export function clientIp(
  forwardedFor: string | null | undefined,
  trustedProxies = env.TRUST_PROXY,
): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Without proxies the only entry is next start's own (or, exposed directly, a forgery that
  // cannot be told apart: docs/rate-limits.md says to run behind a proxy).
  return entries.at(-Math.max(trustedProxies, 1)) ?? null;
}
