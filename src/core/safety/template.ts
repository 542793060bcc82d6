/**
 * Fill {name} placeholders in a message kept in data. Unknown placeholders stay as written, so a
 * typo in data shows up in review instead of vanishing.
 */
export function fillTemplate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** A number for a message: at most two decimals, no trailing zeros. */
export function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}
