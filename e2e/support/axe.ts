import axe from "axe-core";
import type { Page } from "playwright-core";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** What axe-core finds against WCAG 2.1 A and AA on the page as it is drawn now. */
export async function violations(page: Page): Promise<string[]> {
  // Run through DevTools: the page's CSP rightly refuses an inline script tag.
  await page.evaluate(axe.source);
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })) as { violations: Violation[] };
    return result.violations;
  })) as Violation[];
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
