// 中国居民身份证号 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd for
// men, even for women), and an ISO 7064 MOD 11-2 check character.

import { chinaToday } from "@/lib/time/china";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

// First two digits: the province-level divisions in use (plus 91 for residents abroad).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);

const SHAPE = /^\d{17}[\dX]$/;

/** Trims, drops inner spaces and upper-cases a trailing x, the ways people commonly type it. */
export function normalizeIdNumber(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("idNumberCheckChar needs exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}


function formatYmd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * True for a well-formed 18-character number: known province, real birth date between 1900 and
 * today (China time), correct check character. Expects the canonical form (upper-case X); run
 * user input through `normalizeIdNumber` first.
 */
export function isValidIdNumber(s: string, now: Date = new Date()): boolean {
  if (typeof s !== "string" || !SHAPE.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return false;
  if (s.slice(6, 14) > chinaToday(now).replaceAll("-", "")) return false;
  return idNumberCheckChar(s.slice(0, 17)) === s[17];
}

export type IdNumberInfo = { regionCode: string; birthDate: Date; gender: "MALE" | "FEMALE" };

/** Region, birth date (UTC midnight of the calendar date) and gender of a valid number, else null. */
export function parseIdNumber(s: string, now: Date = new Date()): IdNumberInfo | null {
  if (!isValidIdNumber(s, now)) return null;
  return {
    regionCode: s.slice(0, 6),
    birthDate: new Date(Date.UTC(Number(s.slice(6, 10)), Number(s.slice(10, 12)) - 1, Number(s.slice(12, 14)))),
    gender: Number(s[16]) % 2 === 1 ? "MALE" : "FEMALE",
  };
}

/**
 * Builds a valid number, for seeds and tests. `birth` is read as a calendar date through its UTC
 * fields (pass `new Date(Date.UTC(1990, 0, 1))` or `new Date("1990-01-01")`); `seq` is 0–999 and
 * its last digit decides the gender (odd: male).
 */
export function makeIdNumber(regionCode6: string, birth: Date, seq3: number): string {
  if (!/^\d{6}$/.test(regionCode6) || !PROVINCES.has(Number(regionCode6.slice(0, 2)))) {
    throw new RangeError(`not a region code: ${regionCode6}`);
  }
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) throw new RangeError(`sequence out of range: ${seq3}`);
  if (Number.isNaN(birth.getTime())) throw new RangeError("invalid birth date");
  const ymd = formatYmd(birth.getUTCFullYear(), birth.getUTCMonth() + 1, birth.getUTCDate());
  const first17 = `${regionCode6}${ymd}${String(seq3).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}
