// Exact decimal arithmetic for rollup values (counts, and yuan with two places), in integer fen.
// PostgreSQL sums them exactly; JavaScript only adds a few totals together, never with floats.

/** "12345.67", "-5", "3.1" → fen. */
export function toCents(value: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${value}`);
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0") || "0");
  return m[1] ? -cents : cents;
}

/** fen → "12345.67" (or "12345" when asked for a whole number, e.g. a count). */
export function fromCents(cents: bigint, opts: { whole?: boolean } = {}): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  if (opts.whole) return `${sign}${abs / 100n}`;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** A cents value as a plain number of units, for ratios and drawing (not for sums). */
export const centsToNumber = (cents: bigint): number => Number(cents) / 100;

/** Percentage change from `base` to `value`, two decimals; null when there is nothing to compare with. */
export function changePercent(value: bigint, base: bigint): number | null {
  if (base === 0n) return null;
  return Math.round((Number(value - base) / Number(base < 0n ? -base : base)) * 10_000) / 100;
}

/** value / total as a percentage with two decimals; null for an empty total. */
export function ratioPercent(value: bigint, total: bigint): number | null {
  if (total === 0n) return null;
  return Math.round((Number(value) / Number(total)) * 10_000) / 100;
}
