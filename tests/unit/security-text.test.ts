import { describe, expect, it } from "vitest";
import { isUnsafeText, unsafeTextIssues } from "@/lib/security/text";
import { parseInput } from "@/lib/validation/parse";
import { z } from "zod";

describe("text the database cannot store", () => {
  it("is NUL or an unpaired surrogate; paired surrogates (emoji) and CJK are fine", () => {
    for (const bad of ["\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uDBFFz"]) expect(isUnsafeText(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["", "王秀兰", "😀", "a\u0001b", "\uFFFD"]) expect(isUnsafeText(good), JSON.stringify(good)).toBe(false);
  });

  it("is found anywhere in an input, keys included, with its path", () => {
    expect(unsafeTextIssues({ victim: { name: "a\u0000" }, items: ["ok", "\uD800"], ["k\u0000"]: 1 }).map((i) => i.path)).toEqual(["victim.name", "items.1", "k\u0000"]);
    expect(unsafeTextIssues({ a: "fine", b: [1, null, { c: "😀" }] })).toEqual([]);
  });

  it("makes parseInput answer 422 before the schema runs", () => {
    expect(() => parseInput(z.object({ name: z.string() }).strict(), { name: "李\u0000四" })).toThrow(expect.objectContaining({ code: "VALIDATION", details: [expect.objectContaining({ path: "name", code: "invalid_text" })] }));
  });
});
