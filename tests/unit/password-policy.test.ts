import { describe, expect, it } from "vitest";
import { passwordProblems } from "@/lib/auth/password-policy";

describe("password policy (等保 8.1.4.1a)", () => {
  it.each([
    ["short1!A", "too_short"],
    ["alllowercaseletters", "too_few_classes"],
    ["ALLUPPER12345", "too_few_classes"],
    ["MyPassword#2024", "common_word"],
    ["Qwerty!!Zz9911", "common_word"],
    ["Fanzha#Center99", "context_word"],
  ])("rejects %s (%s)", (pw, problem) => {
    expect(passwordProblems(pw)).toContain(problem);
  });

  it.each(["Qq1!Qq1!Qq1!", "Ab1!Ab1!Ab1!Ab1!", "Xy9#Xy9#Xy9#Xy9#Xy9#", "aB3$aB3$aB3$"])("rejects %s, one short sequence repeated", (pw) => {
    expect(passwordProblems(pw)).toContain("repeated_pattern");
  });

  it.each(["Aa123456789!", "Abcd1234Abcd!", "1qaz@WSX3edc", "Woaini1314520!", "Qwer1234qwer!"])("rejects %s, a common password with its symbols", (pw) => {
    expect(passwordProblems(pw)).toContain("common_word");
  });

    it("rejects the username inside the password", () => {
    expect(passwordProblems("Zhangwei#2026x", ["zhangwei"])).toContain("context_word");
  });

  it("accepts a long password from three classes", () => {
    expect(passwordProblems("Blue-Harbor-Lantern-7")).toEqual([]);
    expect(passwordProblems("湖北十堰Ab#12345")).toEqual([]);
  });
});
