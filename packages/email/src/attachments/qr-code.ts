// A ticket's QR code as a PNG: what the door scanner reads, so it carries the code and nothing
// else. Medium error correction survives a cracked phone screen or a creased print-out.
import QRCode from "qrcode";

export function qrCodePng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 240 });
}
