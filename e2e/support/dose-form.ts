import type { Page } from "playwright-core";

/**
 * On Log a dose: searches substances, picks the one whose button starts with `name` from the
 * matching list, and types the amount. Not saved: the test looks at the live warnings, then
 * saves with saveDose.
 */
export async function fillDose(page: Page, search: string, name: string, amount: string) {
  await page.getByLabel("Search substances").fill(search);
  await page
    .getByRole("list", { name: "Matching substances" })
    .getByRole("button", { name: new RegExp(`^${name}`) })
    .click();
  await page.getByLabel("Amount").fill(amount);
}

/** Presses Save dose on Log a dose. */
export function saveDose(page: Page): Promise<void> {
  return page.getByRole("button", { name: "Save dose" }).click();
}
