// Writes every message in both languages to preview/ (gitignored) from the sample data: the
// HTML with its cid: images turned into data: URLs so a browser shows them, the text part, the
// subject, and each attachment. `pnpm --filter @openticket/email preview [folder]`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Locale } from "../src/mail-data.ts";
import { renderMail } from "../src/render-mail.ts";
import { sampleMails } from "./sample-mail-data.ts";

const out = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "preview"));
mkdirSync(out, { recursive: true });

for (const locale of ["en", "zh-TW"] as Locale[]) {
  for (const data of sampleMails()) {
    const mail = await renderMail(data, locale);
    const name = `${data.kind}.${locale}`;
    let html = mail.html;
    for (const a of mail.attachments) {
      if (!a.cid) {
        writeFileSync(join(out, `${name}.${a.filename}`), a.content);
        continue;
      }
      const dataUrl = `data:${a.contentType};base64,${a.content.toString("base64")}`;
      html = html.replaceAll(`cid:${a.cid}`, dataUrl);
    }
    writeFileSync(join(out, `${name}.html`), html);
    writeFileSync(join(out, `${name}.txt`), `Subject: ${mail.subject}\n\n${mail.text}`);
    console.log(`${name}: ${mail.subject}`);
  }
}
console.log(`written to ${out}`);
