// Exact money for cases: yuan as decimal strings with two places ("1234.50"), compared and added
// as integer fen (BigInt), never as floats. Sums over many rows are done by PostgreSQL.

// Any length here: sums may exceed one column's 12 integer digits (inputs are limited by their schema).
const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250n; throws on anything that is not a non-negative decimal with ≤ 2 places. */
export function toFen(yuan: string): bigint {
  const m = MONEY.exec(yuan.trim());
  if (!m) throw new RangeError(`not a money amount: ${yuan}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}

/** 1250n → "12.50". */
export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Canonical two-place form of a decimal string, or of a Prisma Decimal (via its string form). */
export const canonical = (v: { toString(): string } | string | null | undefined): string =>
  v == null ? "0.00" : fromFen(toFen(typeof v === "string" ? v : normalizeDecimalString(v.toString())));

/** Prisma Decimals print "1250" or "12.5"; keeps at most two places (the column's scale). */
function normalizeDecimalString(s: string): string {
  const [int, frac = ""] = s.split(".");
  return frac ? `${int}.${frac.slice(0, 2)}` : int!;
}

/** The largest amount a Decimal(14,2) column holds. */
export const MAX_MONEY_FEN = 99_999_999_999_999n;

export const addMoney = (...values: string[]): string => fromFen(values.reduce((s, v) => s + toFen(v), 0n));

/** ¥ with thousands separators, exact: "1234567.5" → "¥1,234,567.50". */
export function formatYuan(v: string): string {
  const [int, frac] = canonical(v).split(".");
  return `¥${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}
