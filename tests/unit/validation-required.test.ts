import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatSpan } from "@/lib/i18n/duration";
import zh from "@/lib/i18n/messages/zh-CN/common.json";
import en from "@/lib/i18n/messages/en/common.json";

const schema = z.object({ name: z.string(), risk: z.enum(["LOW", "HIGH"]), age: z.number().int().optional(), note: z.string().min(1, "too_short") }).strict();
const issues = (raw: unknown) => {
  try {
    parseInput(schema, raw);
  } catch (e) {
    return (e as AppError).details.map(({ path, code }) => ({ path, code }));
  }
  return [];
};

describe("an empty required field says 必填", () => {
  it("answers a missing string or choice with `required`, not invalid_type / invalid_value", () => {
    expect(issues({ note: "x" })).toEqual([{ path: "name", code: "required" }, { path: "risk", code: "required" }]);
  });

  it("keeps the precise code for a value of the wrong kind, and a schema's own message", () => {
    expect(issues({ name: 1, risk: "MEDIUM", age: "3", note: "" })).toEqual([
      { path: "name", code: "invalid_type" }, { path: "risk", code: "invalid_value" }, { path: "age", code: "invalid_type" }, { path: "note", code: "too_short" },
    ]);
  });

  it("has 必填 as the message of `required`", () => {
    expect(zh.fieldErrors.required).toBe("必填");
  });
});

describe("durations read in the user's language", () => {
  const t = (messages: typeof zh) => (key: string, values: Record<string, string | number> = {}) =>
    (messages.common.duration as Record<string, string>)[key.replace("duration.", "")]!.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k]));
  it("says 2小时5分 under zh-CN and 2 h 5 min in English", () => {
    expect(formatSpan(125 * 60_000, t(zh))).toBe("2小时5分");
    expect(formatSpan(125 * 60_000, t(en))).toBe("2 h 5 min");
    expect(formatSpan(27 * 3_600_000, t(zh))).toBe("1天3小时");
    expect(formatSpan(-7 * 60_000, t(zh))).toBe("7分钟");
    expect(formatSpan(3 * 3_600_000, t(zh))).toBe("3小时");
  });
});
