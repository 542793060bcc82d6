/** 2.5, 0.35, 120: at most three decimals, no trailing zeros (plan targets, chart axes). */
export function formatAmount(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
