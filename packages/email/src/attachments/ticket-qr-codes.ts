// Each ticket's QR code as an inline image attachment, named by position (a code is data, and a
// Content-ID should carry nothing from data).
import type { MailAttachment, MailTicket } from "../mail-data.ts";
import type { ShownTicket } from "../parts/ticket-list.tsx";
import { qrCodePng } from "./qr-code.ts";

export async function ticketQrCodes(tickets: MailTicket[]) {
  const images = await Promise.all(tickets.map((ticket) => qrCodePng(ticket.code)));
  const shown: ShownTicket[] = tickets.map((ticket, i) => ({
    ticket,
    qrCid: `ticket-${i + 1}@openticket`,
  }));
  const attachments: MailAttachment[] = shown.map(({ qrCid }, i) => ({
    filename: `ticket-${i + 1}-qr.png`,
    content: images[i] as Buffer,
    contentType: "image/png",
    cid: qrCid,
  }));
  return { shown, attachments, images };
}
