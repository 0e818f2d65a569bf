// Screenshots of the preview folder's HTML mails (Debian's Chromium through playwright-core,
// flags as in apps/web/e2e/browser.ts) and, where poppler's pdftoppm exists, the PDFs' pages:
// for a person to look at. `pnpm --filter @openticket/email preview:screenshots [folder]`.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "preview"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".html"))) {
    await page.goto(pathToFileURL(join(dir, file)).href);
    await page.screenshot({ path: join(dir, file.replace(/\.html$/, ".png")), fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
}
for (const file of readdirSync(dir).filter((f) => f.endsWith(".pdf"))) {
  try {
    execFileSync("pdftoppm", ["-png", "-r", "80", join(dir, file), join(dir, file)]);
    console.log(file);
  } catch {
    console.log(`${file}: no pdftoppm (apt-get install poppler-utils) — open it in a browser`);
  }
}
