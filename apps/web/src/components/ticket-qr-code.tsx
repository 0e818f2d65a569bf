"use client";
import { QRCodeSVG } from "qrcode.react";

/** A ticket's code as a QR code, for scanning at the door (a signed code is 132 characters: a
 * denser code than a short one, so drawn large enough for a phone camera at arm's length). */
export function TicketQrCode({ code, label }: { code: string; label: string }) {
  return (
    <QRCodeSVG
      value={code}
      size={184}
      level="M"
      marginSize={2}
      role="img"
      aria-label={label}
      data-testid="ticket-qr"
    />
  );
}
