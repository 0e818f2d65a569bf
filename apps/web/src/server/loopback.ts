// The header scripts/web-server.ts sets (and strips from what clients send) when a request
// came from this machine straight to the app server, not through a proxy.
export const LOOPBACK_HEADER = "x-openticket-loopback";

export function isDirectLoopback(headers: Headers): boolean {
  return headers.get(LOOPBACK_HEADER) === "1";
}
