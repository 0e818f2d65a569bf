// axe-core (the npm package, no download) run in a playwright-core page as it stands: every
// rule axe runs by default (WCAG 2 A/AA and its best practices). Used by the accessibility test
// and by scripts/web-quality.ts.
import axe from "axe-core";
import type { Page } from "playwright-core";

export type AxeViolation = { id: string; impact: string; help: string; nodes: string[] };

/**
 * Waits for the page to settle (its streamed parts and lazily loaded charts in), up to 10 s: a
 * page that keeps a live connection open (the seat map) never goes quiet, and is checked then.
 */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
  await page.evaluate("document.fonts.ready");
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not apply;
  // strings, because a compiled arrow function may call helpers the page does not have.
  await page.evaluate(axe.source);
  return page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((results) =>
    results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    })),
  )`);
}

/** One line per violation, for a failure message or a report. */
export function describeViolations(violations: AxeViolation[]) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).join(", ")}`)
    .join("\n");
}
