import { describe, expect, it } from "vitest";
import { redact, redactText } from "@/lib/security/redact";

describe("log redaction", () => {
  it("masks national IDs, mobiles and card numbers wherever they stand in a text", () => {
    const text = 'duplicate key: Key ("victimPhone")=(13812345678), id 42030219900101123X, card 6222021234567890123, +86 13912345678';
    const out = redactText(text);
    for (const full of ["13812345678", "42030219900101123X", "6222021234567890123", "13912345678"]) expect(out).not.toContain(full);
    expect(out).toContain("138****5678");
    expect(out).toContain("4203**********123X");
    expect(out).toContain("622202*********0123");
  });

  it("masks numbers as people write them: grouped mobiles, landlines, 15-digit cards", () => {
    const text = "家属座机 0719-8123456，(027) 87654321，手机 139 0719 1234 / 138-1234-5678，转账卡 622202123456782";
    const out = redactText(text);
    for (const full of ["8123456", "87654321", "0719 1234", "1234-5678", "622202123456782"]) expect(out).not.toContain(full);
    expect(out).toContain("139****1234");
    expect(out).toContain("138****5678");
  });

  it("leaves ids, times, amounts and uuids alone", () => {
    const text = "request 01a224fe-29c1-7032-815b-2969dbf0777c at 2026-11-29T01:49:15.039Z on 2026-01-05 amount 30000.00 unit 42030201 code 1234 at 1733616000000 E2E-0719-1";
    expect(redactText(text)).toBe(text);
  });

  it("leaves a uuid whole, even one whose last group reads like a mobile, alone or in a text", () => {
    const id = "01a250dd-c87a-74a8-8ae9-17313257024d";
    expect(redactText(id)).toBe(id);
    expect(redactText(`warning ${id} of 13812345678`)).toBe(`warning ${id} of 138****5678`);
    expect(redact({ ids: [id, "01A250DD-C87A-74A8-8AE9-13912345678F"] })).toEqual({ ids: [id, "01A250DD-C87A-74A8-8AE9-13912345678F"] });
  });

  it("leaves a SHA-256 digest whole, even one whose digits read like a mobile or a card number", () => {
    // Digests of the audit chain: masked, the retention record no longer vouches for the first record kept.
    for (const digest of ["a13812345678b" + "c".repeat(51), "f6222021234567890123" + "e".repeat(44)]) expect(redactText(digest)).toBe(digest);
    // A digest quoted inside a text is a text: its number-like runs are masked as anywhere.
    expect(redactText(`prev a13812345678b${"c".repeat(51)}`)).not.toContain("13812345678");
  });

  it("walks objects and errors", () => {
    const out = JSON.stringify(redact({ error: new Error("bad 13812345678"), nested: { phones: ["13700001111"] }, n: 5 }));
    expect(out).not.toMatch(/13812345678|13700001111/);
    expect(out).toContain('"n":5');
  });
});
