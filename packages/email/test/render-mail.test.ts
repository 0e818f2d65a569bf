// Every kind of message in both languages carries the facts its reader needs: in the subject,
// the HTML and the text part, with times in the event's zone and money in its currency.
import { describe, expect, it } from "vitest";
import { sampleMails } from "../scripts/sample-mail-data.ts";
import { renderMail } from "../src/index.ts";
import type { Locale, MailData } from "../src/mail-data.ts";

const mails = Object.fromEntries(sampleMails().map((m) => [m.kind, m])) as {
  [K in MailData["kind"]]: Extract<MailData, { kind: K }>;
};

/** Tags and entities out, so a fact is found in the HTML as a reader sees it. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

function expectEverywhere(mail: { html: string; text: string }, facts: string[]) {
  for (const fact of facts) {
    expect(visible(mail.html), `HTML has ${fact}`).toContain(fact);
    expect(mail.text, `text has ${fact}`).toContain(fact);
  }
}

const title = "Mayday 五月天 Live in Taipei";

describe.each<[Locale, Record<string, string>]>([
  [
    "en",
    {
      price: "NT$4,800",
      total: "NT$9,600",
      when: "Saturday, December 12, 2026",
      zone: "(Taiwan Standard Time)",
      time: "7:30",
      seat: "Section A · Row 3 · Seat 12",
      place: "Rock zone · Standing · Entry no. 7",
      newDate: "Saturday, December 19, 2026",
    },
  ],
  [
    "zh-TW",
    {
      price: "NT$4,800",
      total: "NT$9,600",
      when: "2026年12月12日",
      zone: "（台北標準時間）",
      time: "7:30",
      seat: "A 區 3 排 12 號",
      place: "Rock zone 站區 入場序號 7",
      newDate: "2026年12月19日",
    },
  ],
])("in %s", (locale, f) => {
  it("order-confirmation: the tickets, seats, prices, total, the order link", async () => {
    const mail = await renderMail(mails["order-confirmation"], locale);
    expect(mail.subject).toBe(
      locale === "en" ? `Your tickets for ${title}` : `您的「${title}」票券`,
    );
    expectEverywhere(mail, [
      title,
      f.when as string,
      f.zone as string,
      f.seat as string,
      f.price as string,
      f.total as string,
      "OT-7K2M-9QXA-4D1F",
      "OT-3HNP-6WRZ-8C5B",
      "台北小巨蛋 Taipei Arena",
    ]);
    expect(mail.text).toContain(locale === "en" ? "Total: NT$9,600" : "總計：NT$9,600");
    // A ticket bought as a type says the type; one at its tier's own price, the tier.
    expectEverywhere(mail, ["VIP · NT$4,800", "Student · NT$4,800"]);
    expect(mail.html).toContain(`href="${mails["order-confirmation"].orderUrl}"`);
    expect(mail.text).toContain(mails["order-confirmation"].orderUrl);
    expect(mail.html).toMatch(new RegExp(`<html[^>]*lang="${locale}"`));
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      "ticket-1-qr.png",
      "ticket-2-qr.png",
      "tickets.pdf",
      "event.ics",
    ]);
  });

  it("order-confirmation: a standing zone's place by its entry number, not a row", async () => {
    const sample = mails["order-confirmation"];
    const [first, ...rest] = sample.tickets;
    if (!first) throw new Error("sample tickets");
    const mail = await renderMail(
      { ...sample, tickets: [{ ...first, section: "Rock zone", row: "#", seat: "7" }, ...rest] },
      locale,
    );
    expectEverywhere(mail, [f.place as string]);
    expect(mail.text).not.toContain("Row #");
  });

  it("event-reminder: the date in the subject, the tickets and the calendar entry", async () => {
    const mail = await renderMail(mails["event-reminder"], locale);
    expect(mail.subject).toContain(title);
    expect(mail.subject).toContain(locale === "en" ? "Dec 12, 2026" : "2026年12月12日");
    expectEverywhere(mail, [f.seat as string, "OT-3HNP-6WRZ-8C5B", f.zone as string]);
    expect(mail.attachments.map((a) => a.contentType)).toEqual([
      "image/png",
      "image/png",
      "text/calendar; charset=utf-8; method=PUBLISH",
    ]);
  });

  it("refund-receipt: amount, method and when, in the event's zone", async () => {
    const mail = await renderMail(mails["refund-receipt"], locale);
    expect(mail.subject).toContain(f.price);
    expect(mail.subject).toContain(title);
    // 02:15 UTC is 10:15 in Taipei.
    expectEverywhere(mail, [f.price as string, "Visa •••• 4242", "10:15", f.zone as string]);
    expectEverywhere(mail, [locale === "en" ? "November 20, 2026" : "2026年11月20日"]);
  });

  it("event-changed: old and new side by side, what changed marked, the cancel rights", async () => {
    const mail = await renderMail(mails["event-changed"], locale);
    expect(mail.subject).toContain(title);
    expect(mail.subject).toContain("高雄巨蛋 Kaohsiung Arena");
    expect(mail.subject).toContain(locale === "en" ? "Dec 19, 2026" : "2026年12月19日");
    expectEverywhere(mail, [
      f.when as string,
      f.newDate as string,
      "台北小巨蛋 Taipei Arena",
      "高雄巨蛋 Kaohsiung Arena",
      "Kaohsiung",
      "100%",
      locale === "en" ? "December 5, 2026" : "2026年12月5日",
    ]);
    const changed = locale === "en" ? "Changed" : "已變更";
    expect(mail.html.split(`>${changed}</strong>`).length - 1).toBe(3);
    expect(mail.html).toContain("line-through");
    // The text part has no table: each changed line says which value is old and which new.
    expect(mail.text).toContain(
      locale === "en" ? "Before: 台北小巨蛋 Taipei Arena" : "變更前：台北小巨蛋 Taipei Arena",
    );
    expect(mail.text).toContain(
      locale === "en" ? "Now: 高雄巨蛋 Kaohsiung Arena" : "變更後：高雄巨蛋 Kaohsiung Arena",
    );
  });

  it("event-changed: only what changed is marked; a non-refundable event says so", async () => {
    const data = mails["event-changed"];
    const mail = await renderMail(
      {
        ...data,
        after: { ...data.before, startsAt: data.after.startsAt, endsAt: data.after.endsAt },
        refundableUntil: null,
        refundPercent: 0,
      },
      locale,
    );
    const changed = locale === "en" ? "Changed" : "已變更";
    expect(mail.html.split(`>${changed}</strong>`).length - 1).toBe(1);
    expect(mail.subject).not.toContain("Kaohsiung");
    expectEverywhere(mail, [locale === "en" ? "not refundable" : "不接受退票"]);
    expect(mail.text).not.toContain("100%");
  });

  it("event-cancelled: the refund this holder gets", async () => {
    const mail = await renderMail(mails["event-cancelled"], locale);
    expect(mail.subject).toBe(locale === "en" ? `${title} is cancelled` : `「${title}」已取消`);
    expectEverywhere(mail, [f.total as string, mails["event-cancelled"].ordersUrl]);
  });

  it("password-reset: one button, the link in text, when it expires, if this wasn't you", async () => {
    const data = mails["password-reset"];
    const mail = await renderMail(data, locale);
    expect(mail.subject).toBe(
      locale === "en" ? "Reset your OpenTicket password" : "重設您的 OpenTicket 密碼",
    );
    expect(mail.html.match(/<a [^>]*href="([^"]+)"/g)?.length).toBe(2); // button + text link
    expectEverywhere(mail, [data.resetUrl, "11:00", f.zone as string]);
    expectEverywhere(mail, [locale === "en" ? "If this wasn't you" : "如果這不是您本人的操作"]);
  });

  it("password-reset: the expiry in the zone the sender names", async () => {
    const mail = await renderMail(
      { ...mails["password-reset"], timeZone: "Europe/London" },
      locale,
    );
    expectEverywhere(mail, ["3:00"]); // 03:00 UTC is 3:00 in London in November
    expect(mail.text).not.toContain("11:00");
  });

  it("verify-email: the link, the expiry, if this wasn't you", async () => {
    const data = mails["verify-email"];
    const mail = await renderMail(data, locale);
    expect(mail.subject).toContain("OpenTicket");
    expectEverywhere(mail, [data.verifyUrl, "10:00", f.zone as string]);
    expectEverywhere(mail, [locale === "en" ? "If this wasn't you" : "如果這不是您本人的操作"]);
  });

  it("sign-up-attempt: links to sign in and to reset", async () => {
    const data = mails["sign-up-attempt"];
    const mail = await renderMail(data, locale);
    expect(mail.subject).toBe(
      locale === "en"
        ? "Someone tried to sign up with your e-mail address"
        : "有人嘗試用您的電子郵件地址註冊",
    );
    expectEverywhere(mail, [data.signInUrl, data.resetUrl]);
    expect(mail.html).toContain(`href="${data.signInUrl}"`);
  });

  it("confirm-email-change: the new address, the link, the expiry, signing out", async () => {
    const data = mails["confirm-email-change"];
    const mail = await renderMail(data, locale);
    expect(mail.subject).toBe(
      locale === "en"
        ? "Confirm your new e-mail address for OpenTicket"
        : "請確認您在 OpenTicket 的新電子郵件地址",
    );
    expect(mail.html).toContain(`href="${data.confirmUrl}"`);
    expectEverywhere(mail, [data.newEmail, data.confirmUrl, "10:00", f.zone as string]);
    expectEverywhere(mail, [locale === "en" ? "signed out everywhere" : "都會被登出"]);
  });

  it("email-changed: tells the old address the new one and when", async () => {
    const data = mails["email-changed"];
    const mail = await renderMail(data, locale);
    expect(mail.subject).toBe(
      locale === "en"
        ? "The e-mail address of your OpenTicket account was changed"
        : "您的 OpenTicket 帳號電子郵件地址已變更",
    );
    expectEverywhere(mail, [data.newEmail, "10:00", f.zone as string]);
    expectEverywhere(mail, [locale === "en" ? "If this wasn't you" : "如果這不是您本人的操作"]);
  });

  it("email-change-attempt: nothing changed, a link to sign in", async () => {
    const data = mails["email-change-attempt"];
    const mail = await renderMail(data, locale);
    expect(mail.subject).toBe(
      locale === "en"
        ? "Someone tried to use your e-mail address on OpenTicket"
        : "有人嘗試在 OpenTicket 使用您的電子郵件地址",
    );
    expectEverywhere(mail, [
      data.signInUrl,
      locale === "en" ? "nothing was changed" : "沒有做任何變更",
    ]);
  });
});

it("money follows the currency's own digits and the reader's locale", async () => {
  const data = {
    ...mails["refund-receipt"],
    amount: { amount: 123456, currency: "USD" },
  };
  expect((await renderMail(data, "en")).subject).toContain("$1,234.56");
  expect((await renderMail(data, "zh-TW")).subject).toContain("US$1,234.56");
});

it("a greeting without a name still reads", async () => {
  const mail = await renderMail({ ...mails["sign-up-attempt"], recipientName: "" }, "en");
  expect(mail.text).toContain("Hello,");
  expect(mail.text).not.toContain("Hi ,");
});
