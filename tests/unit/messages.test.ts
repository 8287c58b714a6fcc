import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { MESSAGE_FILES, messagesOf } from "@/lib/i18n/messages";

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
  it("are each imported by the catalog (lib/i18n/messages.ts), which the server and the browser share", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      expect(Object.keys(MESSAGE_FILES[locale])).toEqual(zh);
      for (const f of zh) expect(MESSAGE_FILES[locale][f]).toEqual(JSON.parse(readFileSync(`${DIR}/${locale}/${f}`, "utf8")));
      expect(Object.keys(messagesOf(locale)).length).toBe(zh.reduce((n, f) => n + Object.keys(MESSAGE_FILES[locale][f]!).length, 0));
    }
  });
  it("declares each top-level namespace in one file only", () => {
    const owners = zh.flatMap((f) => Object.keys(JSON.parse(readFileSync(`${DIR}/zh-CN/${f}`, "utf8"))));
    expect(new Set(owners).size).toBe(owners.length);
  });
});
