// Number formats leaders expect (zh-CN grouping; money in 万元), shared by pages, charts and the
// bulletin. Inputs are exact decimal strings or plain numbers for ratios.

const group = (digits: number) => new Intl.NumberFormat("zh-CN", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** yuan ("63974285.36") → "6,397.43" (万元, two places). */
export function wan(yuanValue: string | number): string {
  return group(2).format(Number(yuanValue) / 10_000);
}

/** A count with grouping: "1,181,735". */
export function count(value: string | number): string {
  return group(0).format(Number(value));
}

/** A count shortened for cards: ≥ 10万 as "118.17万", otherwise in full. */
export function shortCount(value: string | number): { number: string; suffix: "wan" | null } {
  const n = Number(value);
  return Math.abs(n) >= 100_000 ? { number: group(2).format(n / 10_000), suffix: "wan" } : { number: count(n), suffix: null };
}

/** A percentage number (already ×100): "49.72". */
export function percent(value: number | null, digits = 2): string {
  return value === null ? "—" : group(digits).format(value);
}

/** A signed change: "+49.72" / "−21.79" (true minus sign). */
export function signedPercent(value: number | null): string {
  if (value === null) return "—";
  const abs = group(2).format(Math.abs(value));
  return value > 0 ? `+${abs}` : value < 0 ? `−${abs}` : abs;
}
