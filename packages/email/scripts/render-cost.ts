// What building each kind of message costs the process that sends it: CPU and wall time per
// message, the sample data of every kind (./sample-mail-data.ts) in both languages. The order
// confirmation carries its tickets' QR codes and a PDF of them, which is most of its cost.
//   pnpm bench:mail            (RUNS=30 by default)

import { type Locale, renderMail } from "../src/index.ts";
import { sampleMails } from "./sample-mail-data.ts";

const runs = Number(process.env.RUNS ?? 30);
console.log(`kind                      locale  cpu ms/message  wall ms/message  (${runs} runs)`);
for (const mail of sampleMails()) {
  for (const locale of ["en", "zh-TW"] as Locale[]) {
    for (let i = 0; i < 3; i++) await renderMail(mail, locale);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < runs; i++) await renderMail(mail, locale);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    const wallMs = (performance.now() - started) / runs;
    console.log(
      `${mail.kind.padEnd(26)}${locale.padEnd(8)}${cpuMs.toFixed(1).padStart(14)}${wallMs.toFixed(1).padStart(17)}`,
    );
  }
}
