import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { messagesOf } from "@/lib/i18n/messages";

// Every text exists in both languages: the same files, the same keys.
const DIR = "lib/i18n/messages";
const keys = (o: unknown, prefix = ""): string[] =>
  o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe("message files", () => {
  const zh = readdirSync(`${DIR}/zh-CN`).sort();
  it("exist for both locales", () => {
    expect(readdirSync(`${DIR}/en`).sort()).toEqual(zh);
  });
  it.each(zh)("%s has the same keys in zh-CN and en, and no namespace twice", (file) => {
    const read = (loc: string) => JSON.parse(readFileSync(`${DIR}/${loc}/${file}`, "utf8"));
    expect(keys(read("en")).sort()).toEqual(keys(read("zh-CN")).sort());
  });
  it.each(zh.flatMap((f) => [`zh-CN/${f}`, `en/${f}`]))("%s names no key twice in one object (JSON keeps the last silently)", (path) => {
    const twice: string[] = [];
    // JSON.parse cannot see duplicates: walk the tokens (whole strings, so "{count}" in a text is no
    // brace), one set of keys per open object.
    const stack: Set<string>[] = [];
    for (const m of readFileSync(`${DIR}/${path}`, "utf8").matchAll(/"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]/g)) {
      if (m[0] === "{") stack.push(new Set());
      else if (m[0] === "}") stack.pop();
      else if (m[2]) {
        const seen = stack.at(-1)!;
        if (seen.has(m[1]!)) twice.push(m[1]!);
        seen.add(m[1]!);
      }
    }
    expect(twice).toEqual([]);
  });
  it("are each imported by their locale's catalog (lib/i18n/catalog/<locale>.ts), which the server and the browser share", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const files = zh.map((f) => JSON.parse(readFileSync(`${DIR}/${locale}/${f}`, "utf8")));
      expect(messagesOf(locale)).toEqual(Object.assign({}, ...files));
    }
  });
  it("declares each top-level namespace in one file only", () => {
    const owners = zh.flatMap((f) => Object.keys(JSON.parse(readFileSync(`${DIR}/zh-CN/${f}`, "utf8"))));
    expect(new Set(owners).size).toBe(owners.length);
  });
});
