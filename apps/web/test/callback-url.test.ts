// safeCallbackUrl against hostile values: whatever it returns, a browser resolving it against
// this site stays on this site, and writing it into a Location header cannot throw.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "../src/format/callback-url";

const SITE = "https://tickets.example";

/** Each value must send the user home ("/"): it leads off-site or is not a path at all. */
const refused: [string, unknown][] = [
  ["another host, protocol-relative", "//evil.example"],
  ["backslash after the slash", "/\\evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["a tab between the slashes (browsers strip it)", "/\t/evil.example"],
  ["a newline between the slashes", "/\n/evil.example"],
  ["a carriage return between the slashes", "/\r/evil.example"],
  ["CR LF header injection", "/\r\nSet-Cookie: a=b"],
  ["a NUL", "/orders\u0000"],
  ["DEL", "/orders\u007f"],
  ["a C1 control", "/orders\u0085"],
  ["dot segment collapsing to //", "/.//evil.example"],
  ["dot-dot segment collapsing to //", "/..//evil.example"],
  ["backslash dot segments", "/\\.\\evil.example"],
  ["absolute http URL", "http://evil.example/"],
  ["absolute URL of this very site (paths only)", `${SITE}/orders`],
  ["javascript: URL", "javascript:alert(1)"],
  ["javascript: URL with leading slash-less space", " javascript:alert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["leading space before //", " //evil.example"],
  ["relative path", "orders"],
  ["empty", ""],
  ["a query-string array", ["/orders", "//evil.example"]],
  ["undefined", undefined],
  ["null", null],
  ["a number", 42],
  ["far too long", `/${"a".repeat(5000)}`],
];

/** Each value is a path on this site, kept (normalised and percent-encoded as a browser would). */
const kept: [string, string, string][] = [
  ["a plain path", "/orders", "/orders"],
  ["path, query and fragment", "/events/1/seats?x=1#map", "/events/1/seats?x=1#map"],
  [
    "an encoded slash stays encoded (one segment, same host)",
    "/%2F/evil.example",
    "/%2F/evil.example",
  ],
  ["an encoded double slash stays encoded", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["an encoded backslash stays encoded", "/%5C%5Cevil.example", "/%5C%5Cevil.example"],
  ["an encoded tab stays encoded", "/%09/evil.example", "/%09/evil.example"],
  ["non-ASCII query is percent-encoded", "/?q=台北", "/?q=%E5%8F%B0%E5%8C%97"],
  ["non-ASCII path is percent-encoded", "/活動", "/%E6%B4%BB%E5%8B%95"],
  ["already-encoded non-ASCII is left alone", "/?q=%E5%8F%B0%E5%8C%97", "/?q=%E5%8F%B0%E5%8C%97"],
  ["a backslash in the path becomes a slash", "/orders\\1", "/orders/1"],
  ["dot segments are resolved", "/events/../orders", "/orders"],
  ["a URL inside the query is just data", "/?next=//evil.example", "/?next=//evil.example"],
];

describe("safeCallbackUrl", () => {
  it.each(refused)("refuses %s", (_, value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it.each(kept)("keeps %s", (_, value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([...refused.map(([, value]) => value), ...kept.map(([, value]) => value)])(
    "whatever it returns stays on this site and is a valid header value: %j",
    (value) => {
      const path = safeCallbackUrl(value);
      expect(new URL(path, SITE).origin).toBe(SITE);
      // Node throws ERR_INVALID_CHAR for a header value it cannot send.
      expect(() => new Headers({ location: path })).not.toThrow();
      expect(path).toMatch(/^\/[\x21-\x7e]*$/);
    },
  );
});
