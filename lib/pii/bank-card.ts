// Bank card numbers (UnionPay and others): 12–19 digits ending in a Luhn check digit.

function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** The digit that, appended to `partial`, makes a Luhn-valid number. */
export function luhnCheckDigit(partial: string): number {
  if (!/^\d+$/.test(partial)) throw new RangeError("luhnCheckDigit needs digits only");
  // The digit to be appended sits at the rightmost position, so the rightmost digit of `partial` is doubled.
  return (10 - (luhnSum(partial, true) % 10)) % 10;
}

/** True when the last digit of `digits` is its Luhn check digit. */
export function isLuhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnSum(digits, false) % 10 === 0;
}

/** Drops the spaces and hyphens people type between digit groups. */
export function normalizeBankCard(s: string): string {
  return s.replace(/[\s-]/g, "");
}

/** 12–19 digits with a valid Luhn check digit. */
export function isValidBankCard(s: string): boolean {
  return typeof s === "string" && /^\d{12,19}$/.test(s) && isLuhnValid(s);
}
