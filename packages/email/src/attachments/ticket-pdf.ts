// The PDF ticket: one A5 page per ticket with everything the door and the holder need. Text is
// set in Noto Sans TC (embedded, subset, with a ToUnicode map) so Chinese titles and venues
// render and can be searched and copied; pdfkit's built-in fonts have no CJK glyphs.
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { Catalogue } from "../catalogue/index.ts";
import { formatEventTime, formatMoney } from "../format.ts";
import {
  type Locale,
  type MailAttachment,
  type MailEvent,
  type MailTicket,
  STANDING_ROW,
} from "../mail-data.ts";

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/**
 * Loaded once per process (the two files are 7 MB each). Found by `new URL(…, import.meta.url)`,
 * the pattern bundlers (Next.js's too) follow to ship a file beside the code that reads it.
 */
function loadFonts() {
  fonts ??= {
    regular: readFileSync(
      new URL(
        "../../node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf",
        import.meta.url,
      ),
    ),
    bold: readFileSync(
      new URL(
        "../../node_modules/@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf",
        import.meta.url,
      ),
    ),
  };
  return fonts;
}

const ink = "#111827";
const muted = "#6b7280";
const accent = "#4f46e5";

/**
 * Intl puts narrow and thin no-break spaces around times ("7:30\u2009–\u200910:00\u202fPM");
 * Noto Sans TC has no glyphs for them, so the PDF sets plain spaces.
 */
function pdfText(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u200a\u202f]/g, " ");
}

export type TicketPdfInput = {
  event: MailEvent;
  orderId: string;
  tickets: { ticket: MailTicket; qrPng: Buffer }[];
  locale: Locale;
  t: Catalogue;
};

export async function ticketPdf(input: TicketPdfInput): Promise<MailAttachment> {
  const { event, orderId, tickets, locale, t } = input;
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A5",
    margin: 36,
    autoFirstPage: false,
    info: { Title: t.pdf.title(event.title), Author: "OpenTicket" },
    lang: locale,
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const when = pdfText(formatEventTime(event.startsAt, event.endsAt, event.timeZone, locale));
  tickets.forEach(({ ticket, qrPng }, index) => {
    doc.addPage();
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc.rect(0, 0, doc.page.width, 56).fill(accent);
    doc.font("bold").fontSize(16).fillColor("#ffffff").text(t.common.brand, left, 18);
    doc
      .font("regular")
      .fontSize(10)
      .text(t.pdf.ticketOf(index + 1, tickets.length), left, 23, { width, align: "right" });

    // Each text block has a line limit (cut with an ellipsis) so that no title, however long,
    // pushes the ticket onto a second page.
    const lines = (n: number) => ({
      width,
      height: n * doc.currentLineHeight(true),
      ellipsis: true,
    });
    doc.font("bold").fontSize(18).fillColor(ink);
    doc.text(event.title, left, 76, lines(3));
    doc.moveDown(0.4);
    doc.font("regular").fontSize(10.5).fillColor(ink);
    doc.text(when, lines(2));
    doc.moveDown(0.3);
    doc.font("bold").text(event.venueName, lines(1));
    doc.font("regular").fillColor(muted).text(`${event.address}, ${event.city}`, lines(2));

    // Section, row and seat side by side: what an usher asks for first. A standing zone's
    // place: the zone and the entry number.
    const boxTop = doc.y + 14;
    const seatFacts: [string, string][] =
      ticket.row === STANDING_ROW
        ? [
            [t.tickets.section, ticket.section],
            [t.tickets.entryNumber, ticket.seat],
          ]
        : [
            [t.tickets.section, ticket.section],
            [t.tickets.row, ticket.row],
            [t.tickets.seat, ticket.seat],
          ];
    const cell = width / seatFacts.length;
    doc.roundedRect(left, boxTop, width, 54, 6).lineWidth(1).stroke("#d1d5db");
    seatFacts.forEach(([label, value], i) => {
      const x = left + i * cell + 10;
      doc
        .font("regular")
        .fontSize(9)
        .fillColor(muted)
        .text(label, x, boxTop + 8, {
          width: cell - 20,
        });
      doc
        .font("bold")
        .fontSize(16)
        .fillColor(ink)
        .text(value, x, boxTop + 22, { width: cell - 20, lineBreak: false, ellipsis: true });
    });

    const factsTop = boxTop + 66;
    doc.font("regular").fontSize(10).fillColor(muted).text(t.tickets.tier, left, factsTop);
    doc
      .font("bold")
      .fillColor(ink)
      .text(ticket.ticketType ?? ticket.tier, left, factsTop + 13, { width: cell * 2 });
    doc
      .font("regular")
      .fillColor(muted)
      .text(t.tickets.price, left, factsTop, { width, align: "right" });
    doc
      .font("bold")
      .fillColor(ink)
      .text(pdfText(formatMoney(ticket.price, locale)), left, factsTop + 13, {
        width,
        align: "right",
      });

    // The QR code takes the room a long title or date leaves, between the facts and the footer.
    const footTop = doc.page.height - doc.page.margins.bottom - 34;
    const qrTop = factsTop + 40;
    const qrSize = Math.max(110, Math.min(190, footTop - 52 - qrTop));
    doc.image(qrPng, left + (width - qrSize) / 2, qrTop, { width: qrSize, height: qrSize });
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(muted)
      .text(t.tickets.code, left, qrTop + qrSize + 6, { width, align: "center" });
    // Signed codes (132 characters) in small type, over two lines; older short ones large.
    doc
      .font("bold")
      .fontSize(ticket.code.length > 40 ? 6.5 : 13)
      .fillColor(ink)
      .text(ticket.code, left, qrTop + qrSize + 19, { width, align: "center" });

    doc
      .moveTo(left, footTop - 8)
      .lineTo(left + width, footTop - 8)
      .lineWidth(0.5)
      .stroke("#e5e7eb");
    doc.font("regular").fontSize(8.5).fillColor(muted).text(t.pdf.scan, left, footTop, { width });
    doc.text(`${t.common.order} ${orderId}`, { width });
  });

  doc.end();
  return {
    filename: "tickets.pdf",
    content: await done,
    contentType: "application/pdf",
  };
}
