"use client";
import { QRCodeSVG } from "qrcode.react";

/** A ticket's code as a QR code, for scanning at the door. */
export function TicketQrCode({ code, label }: { code: string; label: string }) {
  return (
    <QRCodeSVG
      value={code}
      size={144}
      level="M"
      marginSize={2}
      role="img"
      aria-label={label}
      data-testid="ticket-qr"
    />
  );
}
