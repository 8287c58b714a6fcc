import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, render, salutation, segments, templateIssues } from "@/lib/outbound/templates";
import { signature, signedHeaders, verifySignature } from "@/lib/outbound/gateway";

describe("SMS segments", () => {
  it("counts 70 characters as one segment, then parts of 67", () => {
    expect(segments("预".repeat(70))).toBe(1);
    expect(segments("预".repeat(71))).toBe(2);
    expect(segments("预".repeat(134))).toBe(2);
    expect(segments("预".repeat(135))).toBe(3);
  });
});

describe("templates", () => {
  it("render their placeholders", () => {
    expect(render("{name}，谨防{fraudType}诈骗，咨询{hotline}", { name: salutation("张三", "MALE"), fraudType: "REBATE_TASK" })).toBe("张先生，谨防刷单返利诈骗，咨询96110");
    expect(salutation(null)).toBe("您");
  });

  it("accept the defaults", () => {
    expect(templateIssues(DEFAULT_TEMPLATES)).toEqual([]);
  });

  it("name the field of a 闪信 over one segment, an SMS over three and an unknown placeholder", () => {
    const t = structuredClone(DEFAULT_TEMPLATES);
    t.FLASH.ROMANCE = "预".repeat(66) + "{name}";
    t.SMS.FAKE_LOAN = "预".repeat(3 * 67 + 1);
    t.SMS.OTHER = "{姓名}请注意";
    expect(templateIssues(t).map((i) => [i.path, i.code])).toEqual([
      ["SMS.FAKE_LOAN", "too_long"], ["SMS.OTHER", "unknown_placeholder"], ["FLASH.ROMANCE", "too_long"],
    ]);
  });
});

describe("gateway signatures", () => {
  const secret = "a-shared-secret-of-at-least-32-bytes!!";
  const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });

  it("verify a signed body, and refuse another body, another secret, an old timestamp", () => {
    const h = signedHeaders(secret, "{}");
    expect(verifySignature(secret, headers(h), "{}")).toBe(true);
    expect(verifySignature(secret, headers(h), "{ }")).toBe(false);
    expect(verifySignature(`${secret}x`, headers(h), "{}")).toBe(false);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect(verifySignature(secret, headers({ "x-fanzha-timestamp": old, "x-fanzha-signature": signature(secret, old, "{}") }), "{}")).toBe(false);
  });
});
