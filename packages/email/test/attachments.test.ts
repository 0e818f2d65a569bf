// The attachments read back as the door, a PDF reader and a calendar read them: each QR code
// decodes to its ticket's code, the PDF's text holds every code and the title (Chinese too,
// which only works with the CJK font embedded with a ToUnicode map), the .ics parses.
import ICAL from "ical.js";
import jsQR from "jsqr";
import { PDFParse } from "pdf-parse";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { sampleEvent, sampleMails, sampleTickets } from "../scripts/sample-mail-data.ts";
import { renderMail } from "../src/index.ts";
import type { Locale, MailData, MailEvent } from "../src/mail-data.ts";

function orderConfirmation(event: MailEvent = sampleEvent()) {
  const data = sampleMails(event).find((m) => m.kind === "order-confirmation");
  if (!data) throw new Error("no sample order confirmation");
  return data;
}

async function pdfText(data: MailData, locale: Locale) {
  const mail = await renderMail(data, locale);
  const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
  expect(pdf?.filename).toBe("tickets.pdf");
  const parser = new PDFParse({ data: new Uint8Array(pdf?.content ?? []) });
  try {
    return await parser.getText();
  } finally {
    await parser.destroy();
  }
}

describe("the PDF ticket", () => {
  it.each<Locale>(["en", "zh-TW"])(
    "in %s: one page per ticket, each with its code, seat, price and the event",
    async (locale) => {
      const result = await pdfText(orderConfirmation(), locale);
      expect(result.total).toBe(sampleTickets.length);
      sampleTickets.forEach((ticket, i) => {
        const page = result.pages[i]?.text ?? "";
        expect(page).toContain(ticket.code);
        expect(page).toContain("Mayday 五月天 Live in Taipei");
        expect(page).toContain("台北小巨蛋 Taipei Arena");
        expect(page).toContain(ticket.seat);
        expect(page).toContain("NT$4,800");
        expect(page).toContain(ticket.ticketType ?? ticket.tier);
        expect(page).toContain(locale === "en" ? "Seat" : "座位");
      });
      expect(result.text).toContain(locale === "en" ? "Taiwan Standard Time" : "台北標準時間");
    },
  );

  it("sets an all-Chinese title and venue as text that reads back", async () => {
    const event = {
      ...sampleEvent("五月天［回到那一天］25週年巡迴演唱會"),
      venueName: "臺北流行音樂中心",
    };
    const result = await pdfText(orderConfirmation(event), "zh-TW");
    expect(result.text).toContain("五月天［回到那一天］25週年巡迴演唱會");
    expect(result.text).toContain("臺北流行音樂中心");
    expect(result.text).toContain("票券代碼");
  });

  it("keeps each ticket on its own page however long the title", async () => {
    const event = sampleEvent(`${"A very long festival name that goes on and on ".repeat(12)}end`);
    const result = await pdfText(orderConfirmation(event), "en");
    expect(result.total).toBe(sampleTickets.length);
    for (const [i, ticket] of sampleTickets.entries()) {
      expect(result.pages[i]?.text).toContain(ticket.code);
    }
  });
});

describe("the inline QR codes", () => {
  it("decode to the ticket codes, and the HTML shows each by its cid", async () => {
    const mail = await renderMail(orderConfirmation(), "zh-TW");
    const images = mail.attachments.filter((a) => a.cid);
    expect(images).toHaveLength(sampleTickets.length);
    images.forEach((image, i) => {
      expect(image.contentType).toBe("image/png");
      const png = PNG.sync.read(image.content);
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(sampleTickets[i]?.code);
      expect(mail.html).toContain(`src="cid:${image.cid}"`);
    });
  });
});

describe("the calendar entry", () => {
  it.each(["order-confirmation", "event-reminder"] as const)(
    "%s: a VEVENT with the event's start, end (UTC), title, place and link",
    async (kind) => {
      const data = sampleMails().find((m) => m.kind === kind) as MailData;
      const mail = await renderMail(data, "en");
      const ics = mail.attachments.find((a) => a.filename === "event.ics");
      expect(ics?.contentType).toMatch(/^text\/calendar/);
      const text = ics?.content.toString("utf8") ?? "";
      expect(text).toMatch(/^DTSTART:20261212T113000Z\r?$/m);
      expect(text).toMatch(/^DTEND:20261212T140000Z\r?$/m);

      const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent");
      if (!vevent) throw new Error("no VEVENT");
      const event = new ICAL.Event(vevent);
      expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-12T11:30:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-12T14:00:00.000Z");
      expect(event.summary).toBe("Mayday 五月天 Live in Taipei");
      expect(event.location).toBe(
        "台北小巨蛋 Taipei Arena, No. 2, Sec. 4, Nanjing E. Rd., Songshan Dist., Taipei",
      );
      expect(vevent.getFirstPropertyValue("url")).toBe(sampleEvent().url);
      expect(event.uid).toBe(`event-${sampleEvent().id}@openticket`);
    },
  );
});
