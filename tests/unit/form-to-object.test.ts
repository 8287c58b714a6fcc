// A server action's form becomes its command's input by the fields' names (schema paths); a name
// no form of ours posts is refused on that name, and never walks into a prototype.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { formToObject } from "@/lib/commands/form";

const form = (...fields: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
};
const refusal = (f: FormData) => {
  try {
    formToObject(f);
    return null;
  } catch (e) {
    return e instanceof AppError ? { code: e.code, details: e.details.map((d) => [d.path, d.code]) } : `threw ${String(e)}`;
  }
};

describe("formToObject", () => {
  it("nests dotted names, compacts rows, and drops empty fields and Next's own", () => {
    const f = form(["id", "a"], ["victims.0.name", "王"], ["victims.2.name", "李"], ["victims.2.age", "40"], ["victims.5.name", ""], ["note", ""], ["$ACTION_ID_1", "x"]);
    expect(formToObject(f)).toEqual({ id: "a", victims: [{ name: "王" }, { name: "李", age: "40" }] });
  });

  it("keeps a repeated name's last value: a hidden false before its checkbox", () => {
    expect(formToObject(form(["HIGH.sms", "false"], ["HIGH.sms", "true"]))).toEqual({ HIGH: { sms: "true" } });
  });

  it.each([
    ["__proto__.polluted"],
    ["constructor.prototype.polluted"],
    ["victims.0.__proto__"],
    ["a..b"],
    ["a-b"],
    ["victims.99999.name"],
  ])("refuses the name %s on that name, and pollutes nothing", (name) => {
    expect(refusal(form([name, "yes"]))).toEqual({ code: "VALIDATION", details: [[name, "invalid_field_name"]] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [["version", "1"], ["version.x", "1"]],
    [["version.x", "1"], ["version", "1"]],
    [["victims.0.name", "王"], ["victims.name", "李"]],
    [["victims.name", "李"], ["victims.0.name", "王"]],
  ])("refuses a field where a group is, or the reverse (%j then %j)", (first, second) => {
    expect(refusal(form(first as [string, string], second as [string, string]))).toEqual({ code: "VALIDATION", details: [[second[0], "invalid_field_name"]] });
  });
});
