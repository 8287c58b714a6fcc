// Mainland China phone numbers.

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits (010, 027, 0719 …), optional hyphen, 7–8 digit local number.
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}$/;

/** Drops spaces and a leading +86 / 86 country code from a typed number. */
export function normalizePhone(s: string): string {
  const compact = s.replace(/[\s()]/g, "");
  const noCountry = compact.replace(/^(\+|00)?86(?=1[3-9]\d{9}$)/, "");
  return noCountry;
}

/** An 11-digit mainland mobile number. */
export function isValidMobile(s: string): boolean {
  return typeof s === "string" && MOBILE.test(s);
}

/** A mobile number, or a landline with its area code (0719-8123456 or 07198123456). */
export function isValidPhone(s: string): boolean {
  return typeof s === "string" && (MOBILE.test(s) || LANDLINE.test(s));
}
