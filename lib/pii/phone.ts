// Mainland China phone numbers.

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits (010, 027, 0719 …), optional hyphen, 7–8 digit local number.
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}$/;

/**
 * A typed number in its stored form: a mainland mobile, with or without +86 / 86 / 0086 and with
 * spaces, dashes or brackets, becomes its 11 digits; anything else only loses spaces and brackets
 * (a landline keeps the hyphen after its area code).
 */
export function normalizePhone(s: string): string {
  const compact = s.replace(/[\s()]/g, "");
  const mobile = /^(?:(?:\+|00)?86)?(1[3-9]\d{9})$/.exec(compact.replace(/-/g, ""));
  return mobile ? mobile[1]! : compact;
}

/** An 11-digit mainland mobile number. */
export function isValidMobile(s: string): boolean {
  return typeof s === "string" && MOBILE.test(s);
}

/** A mobile number, or a landline with its area code (0719-8123456 or 07198123456). */
export function isValidPhone(s: string): boolean {
  return typeof s === "string" && (MOBILE.test(s) || LANDLINE.test(s));
}
