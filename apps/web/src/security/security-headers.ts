// The security headers every response carries (pages, API routes, static files), built in one
// place so the proxy and the tests agree on them. Pages get a fresh script nonce per request:
// Next.js reads it from the request's Content-Security-Policy header and puts it on its own
// inline and bootstrap scripts.

export type SecurityHeaderOptions = {
  /** Base64, unguessable, new for every request. */
  nonce: string;
  /** `next dev` evaluates code for fast refresh and injects styles without a nonce. */
  dev: boolean;
  /** Served over HTTPS (directly, or behind a proxy that says so): HSTS applies. */
  https: boolean;
};

export function contentSecurityPolicy({ nonce, dev, https }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonced bootstrap loads are trusted, nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style elements need the nonce (a nonce makes browsers ignore 'unsafe-inline', so dev,
    // whose fast refresh injects un-nonced styles, gets 'unsafe-inline' alone). Style
    // attributes are allowed: charts and seat colours set them, and they cannot run code.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    // Organizers' event pictures may come from any HTTPS host; QR codes are inline SVG.
    "img-src 'self' data: blob: https:",
    // Fonts are bundled (the geist package).
    "font-src 'self'",
    // tRPC, next-auth and the live seat feed (server-sent events) are all same-origin.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Payment providers are reached by navigation (location.assign), not by form posts.
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // The camera stays possible for a future door-scanning (check-in) page on this site.
    "Permissions-Policy":
      "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()",
    // Browsers ignore HSTS over plain HTTP, and sending it there would pin localhost to HTTPS.
    ...(options.https
      ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}

/** 128 random bits, base64: the CSP nonce for one request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
