// The fraud contacts' normal form (lib/contacts/normalize.ts); tests/integration/fraud-contacts.test.ts
// checks that SQL's fraud_contact_norm() gives the same values.
import { describe, expect, it } from "vitest";
import { displayContact, kindOfChannel, normalizeContact } from "@/lib/contacts/normalize";

describe("normalizeContact", () => {
  it("keeps a phone's digits, without +86 / 0086 before a mobile", () => {
    expect(normalizeContact("PHONE", "+86 138-0000-1234")).toBe("13800001234");
    expect(normalizeContact("PHONE", "8613800001234")).toBe("13800001234");
    expect(normalizeContact("PHONE", "+852 6123 4567")).toBe("85261234567");
    expect(normalizeContact("PHONE", "95")).toBeNull();
  });
  it("keeps a URL's host and path, lower case, without scheme, query, fragment or trailing slash", () => {
    expect(normalizeContact("URL", "HTTPS://Pay.Example.cn/H5/?a=1#top")).toBe("pay.example.cn/h5");
    expect(normalizeContact("URL", "a b.cn")).toBeNull();
  });
  it("refuses what names no contact of the kind", () => {
    expect(normalizeContact("QQ", "012345")).toBeNull();
    expect(normalizeContact("WECHAT", "ab")).toBeNull();
    expect(normalizeContact("APP", "a\u0000b")).toBeNull();
    expect(normalizeContact("BANK_ACCOUNT", "6222 0212 3456 7890 128")).toBe("6222021234567890128");
  });
  it("maps warning channels to kinds and masks bank accounts for display", () => {
    expect(kindOfChannel("SMS")).toBe("PHONE");
    expect(kindOfChannel("OTHER")).toBeNull();
    expect(displayContact("BANK_ACCOUNT", "6222021234567890128")).toBe("622202*********0128");
    expect(displayContact("PHONE", "13800001234")).toBe("13800001234");
  });
});
