/** A measured amount with at most three significant digits, without trailing zeros. */
export function formatAmount(value: number): string {
  if (value === 0) return "0";
  return String(Number(value.toPrecision(3)));
}
