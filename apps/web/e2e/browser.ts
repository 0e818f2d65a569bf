// Debian's Chromium driven by playwright-core (never a downloaded browser), and screenshots
// saved under <repo>/artifacts/screenshots for CI to keep.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const screenshotDir = fileURLToPath(
  new URL("../../../artifacts/screenshots", import.meta.url),
);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/**
 * On the demo payment provider's page (where checkout sends the buyer): choose what the card
 * does, and be sent back to the order page, as from a real provider.
 */
export async function payOnDemoPage(page: Page, action: string | RegExp) {
  await page.waitForURL(/\/pay\/demo\/[\w-]+$/);
  await page.getByRole("button", { name: action }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
}
