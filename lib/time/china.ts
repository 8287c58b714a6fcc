// China time, written once. Asia/Shanghai is UTC+8 all year (no daylight saving), so every
// conversion is a fixed offset. A calendar day travels as "YYYY-MM-DD" and is stored in @db.Date
// columns as that day's UTC midnight. Client-safe: no server imports.

/** The offset as ISO-8601 writes it, for building an instant from China-local text. */
export const CHINA_OFFSET = "+08:00";
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** An instant moved by +8 h, so that its UTC fields read as China's wall clock. */
const asChina = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS);

/** Today's date in China, "YYYY-MM-DD". */
export function chinaToday(now: Date = new Date()): string {
  return asChina(now).toISOString().slice(0, 10);
}

/** The China-local day an instant falls on, "YYYY-MM-DD". */
export const chinaDayOf = (d: Date): string => chinaToday(d);

/** The year an instant falls in, in China. */
export const chinaYear = (d: Date): number => asChina(d).getUTCFullYear();

/** Now (or `now`) as a `datetime-local` value in China: "YYYY-MM-DDTHH:mm". */
export const chinaLocalInput = (now: Date = new Date()): string => asChina(now).toISOString().slice(0, 16);

/** An instant as China-local "YYYY-MM-DD HH:mm:ss". */
export const chinaDateTime = (d: Date): string => asChina(d).toISOString().replace("T", " ").slice(0, 19);

/** The UTC instant a China-local day starts at. */
export function chinaDayStart(day: string): Date {
  return new Date(dayToDate(day).getTime() - CHINA_OFFSET_MS);
}

/** The UTC instant the China-local day after `day` starts at (an exclusive upper bound). */
export function chinaDayEnd(day: string): Date {
  return new Date(chinaDayStart(day).getTime() + DAY_MS);
}

/** China-local wall-clock text "YYYY-MM-DD", "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss" → the instant it names. */
export function chinaInstant(local: string): Date {
  const full = local.length === 10 ? `${local}T00:00:00` : local.length === 16 ? `${local}:00` : local;
  return new Date(`${full}${CHINA_OFFSET}`);
}

/** True for a real calendar day written "YYYY-MM-DD" (any year). */
export function isDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for a real calendar day written "YYYY-MM-DD" between 2000 and 2099. */
export function isIsoDay(s: string): boolean {
  return isDay(s) && s >= "2000-01-01" && s <= "2099-12-31";
}

export function isIsoMonth(s: string): boolean {
  const m = ISO_MONTH.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 2000 && Number(m[1]) <= 2099;
}

/** "YYYY-MM-DD" → the Date a @db.Date column stores for it (UTC midnight). */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A @db.Date value → "YYYY-MM-DD". */
export function dateToDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dateToDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToDate(b).getTime() - dayToDate(a).getTime()) / DAY_MS);
}

/** First and last day of a month "YYYY-MM". */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month "YYYY-MM" n months after `month`. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return t.toISOString().slice(0, 7);
}

/** Monday-first weekday index (0 = Monday … 6 = Sunday), as Chinese calendars lay out weeks. */
export function weekdayMondayFirst(day: string): number {
  return (dayToDate(day).getUTCDay() + 6) % 7;
}

/** A `datetime-local` value ("YYYY-MM-DDTHH:mm[:ss]", China time) as ISO text with its offset; anything else as typed. */
export const chinaLocalToIso = (v: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.length === 16 ? `${v}:00` : v}${CHINA_OFFSET}` : v);
