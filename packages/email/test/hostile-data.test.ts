// Data is shown, never obeyed: markup in a title is escaped, line breaks in names cannot start
// a header or forge lines, and a link that is not http(s) is refused.
import { describe, expect, it } from "vitest";
import { sampleEvent, sampleMails } from "../scripts/sample-mail-data.ts";
import { renderMail } from "../src/index.ts";
import type { Locale, MailData } from "../src/mail-data.ts";

const hostileTitle = '<script>alert("x")</script><img src=x onerror=alert(1)> Gig';
const hostileName = "Eve\r\nBcc: victim@example.com\r\n\r\n<b>hi</b>";

function hostileMails(): MailData[] {
  return sampleMails(sampleEvent(`${hostileTitle}\r\nX-Injected: yes`)).map((data) => ({
    ...data,
    recipientName: hostileName,
  }));
}

describe.each<Locale>(["en", "zh-TW"])("in %s", (locale) => {
  it.each(hostileMails().map((m) => [m.kind, m] as const))(
    "%s: markup escaped, no line breaks from data in the subject or the text",
    async (_kind, data) => {
      const mail = await renderMail(data, locale);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject).not.toContain("X-Injected: yes\n");
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("<img src=x");
      expect(mail.html).not.toContain("<b>hi</b>");
      expect(mail.html).toContain("&lt;b&gt;hi&lt;/b&gt;");
      // The name arrives on one line: "Bcc:" never starts a line of the text part.
      expect(mail.text).not.toMatch(/^Bcc:/m);
      expect(mail.text).not.toMatch(/^X-Injected/m);
      expect(mail.text).toContain("Eve Bcc: victim@example.com <b>hi</b>");
      if ("event" in data) {
        expect(mail.html).toContain("&lt;script&gt;");
        expect(mail.subject).toContain(`${hostileTitle} X-Injected: yes`);
      }
    },
  );
});

it("the .ics carries the title on one line too", async () => {
  const data = hostileMails().find((m) => m.kind === "order-confirmation");
  if (!data) throw new Error("no sample");
  const mail = await renderMail(data, "en");
  const ics = mail.attachments.find((a) => a.filename === "event.ics")?.content.toString() ?? "";
  expect(ics).not.toMatch(/^X-Injected/m);
});

it.each([
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "//evil.example/reset",
])("refuses %s as a link", async (url) => {
  const data = sampleMails().find((m) => m.kind === "password-reset");
  if (data?.kind !== "password-reset") throw new Error("no sample");
  await expect(renderMail({ ...data, resetUrl: url }, "en")).rejects.toThrow(/http\(s\) link/);
});
