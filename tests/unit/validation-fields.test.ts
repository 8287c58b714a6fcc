// One field schema a kind of field, one behaviour everywhere (issue 14): the defects the merge of
// lib/validation/common.ts, lib/cases/fields.ts and lib/publicity/fields.ts fixed, pinned here.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { idNumberSchema, moneySchema, optional, pastInstantSchema, phoneSchema, unitCodeSchema, uuidSchema } from "@/lib/validation/fields";
import { ingestWarningSchema } from "@/lib/warnings/schemas";
import { statsQuerySchema } from "@/lib/stats/schemas";
import { victimSchema } from "@/lib/cases/schemas";

const code = (r: { error?: z.ZodError }) => r.error?.issues[0]?.message;

describe("phone", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+86-138-1234-5678", "13812345678"],
    ["0086 13812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["0719-8123456", "0719-8123456"],
  ])("accepts %s as %s", (typed, stored) => {
    expect(phoneSchema.parse(typed)).toBe(stored);
  });

  it.each(["12345", "+1 13812345678", "+13812345678", "96110"])("refuses %s", (typed) => {
    expect(code(phoneSchema.safeParse(typed))).toBe("invalid_phone");
  });

  it("a +86 number is accepted for a warning as it is for a case (it used to be refused for a warning)", () => {
    const r = ingestWarningSchema.shape.victim.shape.phone.safeParse("+86 138 1234 5678");
    expect(r.success).toBe(true);
    expect(r.data).toBe("13812345678");
    expect(victimSchema.shape.phone.parse("+86 138 1234 5678")).toBe("13812345678");
  });
});

describe("money", () => {
  it("normalises to two places and refuses the same things everywhere with one code", () => {
    expect(moneySchema.parse("12.5")).toBe("12.50");
    expect(moneySchema.parse(" 100 ")).toBe("100.00");
    expect(code(moneySchema.safeParse("1.005"))).toBe("invalid_money");
    expect(code(moneySchema.safeParse("-5"))).toBe("invalid_money");
    expect(code(moneySchema.safeParse(12.5))).toBe("invalid_money");
    expect(code(moneySchema.safeParse("999999999999"))).toBe("over_ceiling");
  });
});

describe("instants", () => {
  it("an ISO time with offset and a China-local time both parse, for warnings as for cases", () => {
    expect(pastInstantSchema.parse("2026-01-02T00:30:00.123456Z").toISOString()).toBe("2026-01-02T00:30:00.123Z");
    expect(pastInstantSchema.parse("2026-01-02T08:30").toISOString()).toBe("2026-01-02T00:30:00.000Z");
    expect(pastInstantSchema.parse("2026-01-02 08:30:15").toISOString()).toBe("2026-01-02T00:30:15.000Z");
  });

  it("names why an instant is refused: not a time, before 2000, in the future", () => {
    expect(code(pastInstantSchema.safeParse("2026-02-30"))).toBe("invalid_datetime");
    expect(code(pastInstantSchema.safeParse("soon"))).toBe("invalid_datetime");
    expect(code(pastInstantSchema.safeParse("1999-12-31T23:59:59+08:00"))).toBe("too_early");
    expect(code(pastInstantSchema.safeParse("1999-06-01"))).toBe("too_early");
    expect(code(pastInstantSchema.safeParse(new Date(Date.now() + 3_600_000).toISOString()))).toBe("in_future");
  });
});

describe("unit code", () => {
  it.each(["420300", "42030201", "420300FZ", " 420300fz "])("accepts %s", (c) => {
    expect(unitCodeSchema.safeParse(c).success).toBe(true);
  });

  it.each(["12345", "4203001", "420300F", "ABCD", "4203'; DROP"])("refuses %s with one code", (c) => {
    expect(code(unitCodeSchema.safeParse(c))).toBe("invalid_unit_code");
  });

  it("the statistics filter reads unit codes by the same rule (it used to accept any 4–16 letters and digits)", () => {
    expect(statsQuerySchema.safeParse({ unit: "ABCD" }).success).toBe(false);
    expect(statsQuerySchema.safeParse({ unit: "420300FZ" }).success).toBe(true);
  });
});

describe("ID number and optional fields", () => {
  it("an ID number loses its spaces and reads a lower-case x as X", () => {
    expect(idNumberSchema.parse(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(code(idNumberSchema.safeParse("110105194912310021"))).toBe("invalid_id_number");
  });

  it("a blank field or null is absent; a blank of only spaces too", () => {
    const o = optional(uuidSchema);
    expect(o.parse("")).toBeUndefined();
    expect(o.parse("   ")).toBeUndefined();
    expect(o.parse(null)).toBeUndefined();
    expect(o.safeParse("x").success).toBe(false);
  });
});
