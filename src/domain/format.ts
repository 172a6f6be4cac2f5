/** Circled project numbers as the documents print them: 1 → ①. */
export function circledNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 20) return String(n);
  return String.fromCharCode(0x2460 + n - 1);
}
