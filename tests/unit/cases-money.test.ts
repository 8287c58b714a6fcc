import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMoney, canonical, formatYuan, fromFen, toFen } from "@/lib/cases/money";
import { bankAccountSchema, moneySchema, pastInstantSchema } from "@/lib/validation/fields";

describe("exact money", () => {
  it("adds decimal strings without float error", () => {
    expect(addMoney("0.10", "0.20")).toBe("0.30");
    expect(addMoney("999999999999.99", "0.01")).toBe("1000000000000.00");
    expect(addMoney()).toBe("0.00");
  });

  it("round-trips any amount in fen", () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), (fen) => {
      expect(toFen(fromFen(fen))).toBe(fen);
    }));
  });

  it("sums like integer fen, whatever the amounts", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), { maxLength: 20 }), (fens) => {
        expect(toFen(addMoney(...fens.map(fromFen)))).toBe(fens.reduce((a, b) => a + b, 0n));
      }),
    );
  });

  it("canonicalises and formats", () => {
    expect(canonical("12.5")).toBe("12.50");
    expect(canonical({ toString: () => "1250" })).toBe("1250.00");
    expect(canonical(null)).toBe("0.00");
    expect(formatYuan("1234567.5")).toBe("¥1,234,567.50");
    expect(formatYuan("0")).toBe("¥0.00");
  });
});

describe("input fields", () => {
  it("takes money only as decimal strings with at most two places", () => {
    expect(moneySchema.parse(" 12.5 ")).toBe("12.50");
    for (const bad of ["12.345", "-1", "1e3", "", "abc", 12.5, "1234567890123"]) {
      expect(moneySchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it("checks card numbers with Luhn, other account numbers by shape", () => {
    expect(bankAccountSchema.safeParse("6222 0202 0011 2233 445").success).toBe(false);
    expect(bankAccountSchema.parse("4111 1111 1111 1111")).toBe("4111111111111111");
    expect(bankAccountSchema.safeParse("4111111111111112").success).toBe(false);
    expect(bankAccountSchema.parse("1234567890123456789012")).toBe("1234567890123456789012"); // 22-digit corporate account
    expect(bankAccountSchema.safeParse("1234567").success).toBe(false);
  });

  it("reads zone-less times as China time and refuses the future and impossible dates", () => {
    expect(pastInstantSchema.parse("2026-01-02T08:30").toISOString()).toBe("2026-01-02T00:30:00.000Z");
    expect(pastInstantSchema.parse("2026-01-02").toISOString()).toBe("2026-01-01T16:00:00.000Z");
    expect(pastInstantSchema.parse("2026-01-02T00:30:00Z").toISOString()).toBe("2026-01-02T00:30:00.000Z");
    expect(pastInstantSchema.safeParse("2026-02-30").error?.issues[0]?.message).toBe("invalid_datetime");
    expect(pastInstantSchema.safeParse("2999-01-01").error?.issues[0]?.message).toBe("in_future");
    expect(pastInstantSchema.safeParse("yesterday").error?.issues[0]?.message).toBe("invalid_datetime");
  });
});
