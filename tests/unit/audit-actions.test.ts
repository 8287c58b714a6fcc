import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, actionMessageKey } from "@/lib/audit/actions";
import zh from "@/lib/i18n/messages/zh-CN/audit.json";

// The auditor's picker and names come from the catalogue: every action has a Chinese name, every
// group a title, and every action the code writes as a literal is in the catalogue.
describe("the audit action catalogue", () => {
  it("names every action and group in Chinese", () => {
    const names = zh.audit.actions as Record<string, string>;
    for (const code of AUDIT_ACTIONS) expect(names[actionMessageKey(code)], code).toMatch(/\p{Script=Han}/u);
    for (const group of Object.keys(AUDIT_ACTION_GROUPS)) expect((zh.audit.actionGroups as Record<string, string>)[group], group).toBeTruthy();
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it("lists every action written as a literal in lib/ and app/", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = join(dir, e.name);
        return e.isDirectory() ? (e.name === "generated" ? [] : files(p)) : /\.tsx?$/.test(e.name) ? [p] : [];
      });
    const written = new Set<string>();
    for (const f of [...files("lib"), ...files("app")]) {
      for (const m of readFileSync(f, "utf8").matchAll(/\baction: "([a-z]+\.[a-z0-9._-]+)"/g)) written.add(m[1]!);
      for (const m of readFileSync(f, "utf8").matchAll(/\? "([a-z]+\.[a-z0-9._-]+)" : "([a-z]+\.[a-z0-9._-]+)"/g)) written.add(m[1]!).add(m[2]!);
    }
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((a) => !AUDIT_ACTIONS.includes(a)).sort()).toEqual([]);
  });
});
