// The field forms post what the commands take: the form's fields, through formToObject, parse as
// the same schema an API client's JSON does.
import { describe, expect, it } from "vitest";
import { formToObject } from "@/lib/commands/form";
import { counterInterceptSchema, warningVisitSchema } from "@/lib/field/schemas";
import { chinaLocalToIso } from "@/lib/time/china";

const ID = "0b7c2f4e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return formToObject(f);
};

describe("field forms", () => {
  it("reads a ticked checkbox and the found? radio as booleans, and an unticked box as false", () => {
    const v = warningVisitSchema.parse(form({ id: ID, arrivedAt: chinaLocalToIso("2025-03-01T09:30"), outcome: "DISSUADED", personFound: "true", appRegistered: "true" }));
    expect(v).toMatchObject({ id: ID, personFound: true, appRegistered: true, relativesContacted: false });
    expect(v.arrivedAt.toISOString()).toBe("2025-03-01T01:30:00.000Z");
  });

  it("names the field of a missing answer", () => {
    const r = warningVisitSchema.safeParse(form({ id: ID, arrivedAt: chinaLocalToIso("2025-03-01T09:30"), outcome: "DISSUADED" }));
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["personFound", "required"]]);
  });

  it("takes a counter interception's form as posted", () => {
    const r = counterInterceptSchema.parse(form({
      occurredAt: chinaLocalToIso("2025-03-01T10:00"), bankName: "中国银行", bankBranch: "人民路支行", customerName: "李某", amountProtected: "10.00", fraudType: "FAKE_LOAN", relativesContacted: "true",
    }));
    expect(r).toMatchObject({ appRegistered: false, relativesContacted: true });
  });

  it("turns a datetime-local value into a China instant and leaves anything else as typed", () => {
    expect(chinaLocalToIso("2025-03-01T09:30")).toBe("2025-03-01T09:30:00+08:00");
    expect(chinaLocalToIso("2025-03-01T09:30:15")).toBe("2025-03-01T09:30:15+08:00");
    expect(chinaLocalToIso("yesterday")).toBe("yesterday");
  });
});
