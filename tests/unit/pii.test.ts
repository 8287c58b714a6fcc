import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  idNumberCheckChar,
  isLuhnValid,
  isValidBankCard,
  isValidIdNumber,
  isValidMobile,
  isValidPhone,
  luhnCheckDigit,
  makeIdNumber,
  maskAddress,
  maskBankCard,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from "../../lib/pii";

const NOW = new Date("2026-06-15T04:00:00Z"); // 12:00 in China

describe("isValidIdNumber", () => {
  it("accepts numbers with a correct GB 11643 check character", () => {
    expect(isValidIdNumber("11010519491231002X", NOW)).toBe(true); // the standard's own example
    expect(isValidIdNumber("420302199001011237", NOW)).toBe(true);
    expect(isValidIdNumber("42030319850615047X", NOW)).toBe(true);
    expect(isValidIdNumber("420381200002298883", NOW)).toBe(true); // 29 Feb of a leap year
  });

  it("rejects a wrong check character", () => {
    expect(isValidIdNumber("420302199001011234", NOW)).toBe(false);
    expect(isValidIdNumber("110105194912310021", NOW)).toBe(false);
    expect(isValidIdNumber("420303198506150470", NOW)).toBe(false);
  });

  it("rejects impossible and future birth dates even with a matching check character", () => {
    const with17 = (first17: string) => first17 + idNumberCheckChar(first17);
    expect(isValidIdNumber(with17("42030219900230123"), NOW)).toBe(false); // 30 Feb
    expect(isValidIdNumber(with17("42030219901301123"), NOW)).toBe(false); // month 13
    expect(isValidIdNumber(with17("42030219010229123"), NOW)).toBe(false); // 1901 is not a leap year
    expect(isValidIdNumber(with17("42030218991231123"), NOW)).toBe(false); // before 1900
    expect(isValidIdNumber(with17("42030220260616123"), NOW)).toBe(false); // tomorrow
    expect(isValidIdNumber(with17("42030220260615123"), NOW)).toBe(true); // born today
  });

  it("uses the China-local date for today", () => {
    const id = makeIdNumber("420302", new Date("2026-06-16"), 11);
    // 2026-06-15 17:00 UTC is already 16 June in China.
    expect(isValidIdNumber(id, new Date("2026-06-15T17:00:00Z"))).toBe(true);
    expect(isValidIdNumber(id, new Date("2026-06-15T15:00:00Z"))).toBe(false);
  });

  it("rejects wrong shapes, lower-case x and unknown provinces", () => {
    expect(isValidIdNumber("", NOW)).toBe(false);
    expect(isValidIdNumber("42030219900101123", NOW)).toBe(false); // 17 characters
    expect(isValidIdNumber("4203021990010112377", NOW)).toBe(false);
    expect(isValidIdNumber("11010519491231002x", NOW)).toBe(false);
    expect(isValidIdNumber("X20302199001011237", NOW)).toBe(false);
    const unknownProvince = "99030219900101123";
    expect(isValidIdNumber(unknownProvince + idNumberCheckChar(unknownProvince), NOW)).toBe(false);
  });

  it("normalizes typed input into the canonical form", () => {
    expect(normalizeIdNumber(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(isValidIdNumber(normalizeIdNumber("110105 19491231 002x"), NOW)).toBe(true);
  });

  it("parses region, birth date and gender", () => {
    expect(parseIdNumber("42030319850615047X", NOW)).toEqual({
      regionCode: "420303",
      birthDate: new Date("1985-06-15T00:00:00Z"),
      gender: "MALE", // sequence 047: odd
    });
    expect(parseIdNumber("420381200002298883", NOW)?.gender).toBe("FEMALE");
    expect(parseIdNumber("420302199001011234", NOW)).toBeNull();
  });
});

describe("makeIdNumber", () => {
  it("builds the expected number", () => {
    expect(makeIdNumber("420302", new Date("1990-01-01"), 123)).toBe("420302199001011237");
    expect(makeIdNumber("420303", new Date("1985-06-15"), 47)).toBe("42030319850615047X");
  });

  it("refuses bad inputs", () => {
    expect(() => makeIdNumber("4203", new Date("1990-01-01"), 1)).toThrow(RangeError);
    expect(() => makeIdNumber("990302", new Date("1990-01-01"), 1)).toThrow(RangeError);
    expect(() => makeIdNumber("420302", new Date("1990-01-01"), 1000)).toThrow(RangeError);
    expect(() => makeIdNumber("420302", new Date("nope"), 1)).toThrow(RangeError);
  });

  const regions = fc.constantFrom("420302", "420303", "420304", "420322", "420381", "110105", "350583", "650102");
  const births = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2026-06-14T00:00:00Z"), noInvalidDate: true });
  const seqs = fc.integer({ min: 0, max: 999 });

  it("always produces a valid number (property)", () => {
    fc.assert(
      fc.property(regions, births, seqs, (region, birth, seq) => {
        const id = makeIdNumber(region, birth, seq);
        expect(isValidIdNumber(id, NOW)).toBe(true);
        expect(parseIdNumber(id, NOW)?.gender).toBe(seq % 2 === 1 ? "MALE" : "FEMALE");
      }),
    );
  });

  it("any single changed character invalidates a valid number (property)", () => {
    fc.assert(
      fc.property(regions, births, seqs, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (region, birth, seq, pos, shift) => {
        const id = makeIdNumber(region, birth, seq);
        // Step 1..len-1 places along the position's alphabet: always a different character.
        const alphabet = pos === 17 ? "0123456789X" : "0123456789";
        const step = ((shift - 1) % (alphabet.length - 1)) + 1;
        const to = alphabet[(alphabet.indexOf(id[pos]!) + step) % alphabet.length]!;
        const changed = id.slice(0, pos) + to + id.slice(pos + 1);
        expect(changed).not.toBe(id);
        expect(isValidIdNumber(changed, NOW)).toBe(false);
      }),
    );
  });
});

describe("phone numbers", () => {
  it("accepts mainland mobiles only", () => {
    expect(isValidMobile("13812345678")).toBe(true);
    expect(isValidMobile("19971234567")).toBe(true);
    expect(isValidMobile("12812345678")).toBe(false); // no 12x networks
    expect(isValidMobile("1381234567")).toBe(false);
    expect(isValidMobile("138123456789")).toBe(false);
    expect(isValidMobile("+8613812345678")).toBe(false);
  });

  it("accepts landlines with an area code", () => {
    expect(isValidPhone("0719-8123456")).toBe(true);
    expect(isValidPhone("07198123456")).toBe(true);
    expect(isValidPhone("010-62345678")).toBe(true);
    expect(isValidPhone("13812345678")).toBe(true);
    expect(isValidPhone("8123456")).toBe(false); // no area code
    expect(isValidPhone("0719-0123456")).toBe(false); // local numbers do not start with 0 or 1
    expect(isValidPhone("96110")).toBe(false);
  });

  it("normalizes typed numbers", () => {
    expect(normalizePhone("+86 138 1234 5678")).toBe("13812345678");
    expect(normalizePhone("8613812345678")).toBe("13812345678");
    expect(normalizePhone("0719-8123456")).toBe("0719-8123456");
  });
});

describe("bank cards", () => {
  it("computes Luhn check digits", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3); // the textbook example
    expect(luhnCheckDigit("411111111111111")).toBe(1);
    expect(isLuhnValid("79927398713")).toBe(true);
    expect(isLuhnValid("79927398710")).toBe(false);
  });

  it("accepts 12–19 digits with a valid check digit", () => {
    expect(isValidBankCard("4111111111111111")).toBe(true);
    const card19 = "622202123456789012";
    expect(isValidBankCard(card19 + luhnCheckDigit(card19))).toBe(true);
    expect(isValidBankCard(card19 + ((luhnCheckDigit(card19) + 1) % 10))).toBe(false);
    expect(isValidBankCard("79927398713")).toBe(false); // Luhn-valid but 11 digits
    expect(isValidBankCard("4111 1111 1111 1111")).toBe(false);
  });

  it("any appended check digit validates (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,18}$/), (partial) => {
        expect(isValidBankCard(partial + luhnCheckDigit(partial))).toBe(true);
      }),
    );
  });
});

describe("masking", () => {
  it("masks full-length values in the usual forms", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskIdNumber("420302199001011234")).toBe("4203**********1234");
    expect(maskIdNumber("11010519491231002x")).toBe("1101**********002X");
    expect(maskBankCard("6222021234567890123")).toBe("622202*********0123");
    expect(maskBankCard("6222 0212 3456 7890")).toBe("622202******7890");
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskAddress("湖北省十堰市茅箭区东城开发区白浪中路8号")).toBe("湖北省十堰市****");
  });

  it("passes null and undefined through as null", () => {
    for (const mask of [maskPhone, maskIdNumber, maskBankCard, maskName, maskAddress]) {
      expect(mask(null)).toBeNull();
      expect(mask(undefined)).toBeNull();
    }
  });

  it("never shows more than half of a short value", () => {
    expect(maskPhone("8123456")).toBe("****456");
    expect(maskPhone("110")).toBe("**0");
    expect(maskIdNumber("4203")).toBe("**03");
    expect(maskBankCard("622202123456")).toBe("62******3456");
    expect(maskName("张")).toBe("*");
    expect(maskName("张三")).toBe("张*");
    expect(maskAddress("十堰")).toBe("十****");
    expect(maskAddress("十堰市茅箭区")).toBe("十堰市****");
    expect(maskPhone("")).toBe("");
    expect(maskPhone("1")).toBe("*");
  });

  it("keeps the length of masked numbers and shows at most half below full length (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,19}$/), (digits) => {
        for (const [mask, full] of [[maskPhone, 11], [maskIdNumber, 18], [maskBankCard, 16]] as const) {
          const masked = mask(digits)!;
          expect(masked).toHaveLength(digits.length);
          const shown = masked.replace(/\*/g, "").length;
          if (digits.length < full) expect(shown).toBeLessThanOrEqual(digits.length / 2);
        }
      }),
    );
  });
});
