// Where to go after signing in, taken from the query string: an attacker writes it, so only a
// path on this site survives. The check parses the value with the WHATWG URL parser — the one
// browsers use — so that what we approve is what a browser would follow: it strips tabs and
// newlines ("/\t/evil" is "//evil"), reads "\" as "/" and collapses "/./" and "/../".
const ORIGIN = "http://callback.invalid";
const MAX_LENGTH = 2048;
// C0 controls, DEL and C1 controls: browsers drop some of them silently, so none is allowed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A same-site path (with its query and fragment) to return to, or "/" for anything else. The
 * result is percent-encoded ASCII, so it is always safe to write into a Location header.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return "/";
  if (!value.startsWith("/") || CONTROL_CHARACTER.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (path.startsWith("//")) return "/";
  return path;
}
