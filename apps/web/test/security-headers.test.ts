// The policy's switches: production is strict, `next dev` gets only what fast refresh needs,
// and HTTPS-only headers appear only over HTTPS. (What a real server sends, and that pages work
// under it, is e2e/security-headers.test.ts.)
import { describe, expect, it } from "vitest";
import { newNonce, securityHeaders } from "../src/security/security-headers";

const directives = (policy = "") =>
  new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe("securityHeaders", () => {
  it("in production: nonce-only scripts, no eval, no un-nonced style elements, no HSTS over HTTP", () => {
    const headers = securityHeaders({ nonce: "abc", dev: false, https: false });
    const policy = directives(headers["Content-Security-Policy"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("under next dev: eval for fast refresh and un-nonced style elements, nothing more", () => {
    const policy = directives(
      securityHeaders({ nonce: "abc", dev: true, https: false })["Content-Security-Policy"],
    );
    expect(policy.get("script-src")).toEqual([
      "'self'",
      "'nonce-abc'",
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
    // A nonce would make browsers ignore 'unsafe-inline', so dev's style-src has none.
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("over HTTPS: HSTS and upgraded sub-resources", () => {
    const headers = securityHeaders({ nonce: "abc", dev: false, https: true });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(directives(headers["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
