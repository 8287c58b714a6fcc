// Masking for lists and exports (DESIGN.md §6). Each value keeps its usual visible prefix and
// suffix; a value shorter than its usual form never shows more than half of its characters.

type Maybe = string | null | undefined;

/**
 * Keeps `keepStart` leading and `keepEnd` trailing characters and stars the rest, one star per
 * hidden character. Below `fullLength` characters, at most half the value shows, the end first
 * (the tail is what people recognise a number by).
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number, fullLength: number): string {
  const chars = Array.from(value);
  const n = chars.length;
  let start = keepStart;
  let end = keepEnd;
  if (n < fullLength) {
    const budget = Math.floor(n / 2);
    end = Math.min(keepEnd, budget);
    start = Math.min(keepStart, budget - end);
  }
  return chars.slice(0, start).join("") + "*".repeat(n - start - end) + chars.slice(n - end).join("");
}

/** 13812345678 → 138****5678; a landline keeps its first 3 and last 4 characters too. */
export function maskPhone(phone: Maybe): string | null {
  if (phone == null) return null;
  const v = phone.replace(/\s+/g, "");
  return maskMiddle(v, 3, 4, 11);
}

/** 420302199001011234 → 4203**********1234. */
export function maskIdNumber(idNumber: Maybe): string | null {
  if (idNumber == null) return null;
  const v = idNumber.replace(/\s+/g, "").toUpperCase();
  return maskMiddle(v, 4, 4, 18);
}

/** 6222021234567890123 → 622202*********0123 (first 6, last 4). */
export function maskBankCard(cardNumber: Maybe): string | null {
  if (cardNumber == null) return null;
  const v = cardNumber.replace(/[\s-]/g, "");
  return maskMiddle(v, 6, 4, 16);
}

/** 张三丰 → 张**, 张三 → 张*; a single character is starred entirely. */
export function maskName(name: Maybe): string | null {
  if (name == null) return null;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return "*".repeat(chars.length);
  return chars[0] + "*".repeat(chars.length - 1);
}

/**
 * Keeps the first 6 characters (city and district, typically) and replaces the rest with a fixed
 * "****", so the mask does not tell the length of the street part either.
 */
export function maskAddress(address: Maybe): string | null {
  if (address == null) return null;
  const chars = Array.from(address.trim());
  if (chars.length === 0) return "";
  const keep = Math.min(6, Math.floor(chars.length / 2));
  return chars.slice(0, keep).join("") + "****";
}
