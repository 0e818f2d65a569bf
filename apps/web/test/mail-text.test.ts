// The local mailbox's text part: http(s) links become anchors, nothing else does.
import { expect, it } from "vitest";
import { splitLinks } from "../src/components/admin/mail-text";

it("links only http(s) addresses, without a sentence's closing punctuation", () => {
  const text =
    "Reset: http://127.0.0.1:3000/reset-password?token=abc_-1.\nNot javascript:alert(1) nor data:text/html,<b>x</b> (see https://example.org/a).";
  const parts = splitLinks(text);
  expect(parts.filter((part) => part.href).map((part) => part.href)).toEqual([
    "http://127.0.0.1:3000/reset-password?token=abc_-1",
    "https://example.org/a",
  ]);
  // Every character is kept, in order.
  expect(parts.map((part) => part.text).join("")).toBe(text);
});

it("leaves text without links as one plain run", () => {
  expect(splitLinks("Hello,\nno links here.")).toEqual([{ text: "Hello,\nno links here." }]);
});
