import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pagePermissions } from "@/lib/auth/page-access";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

// The page table (checked by the app layout, for the 404 status) agrees with every page's own check.
const ROOT = "app/(app)";
const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name === "page.tsx" ? [join(dir, e.name)] : []));

/** app/(app)/cases/(list)/page.tsx → /cases; [id] → an id. */
const routeOf = (file: string) =>
  `/${file.slice(ROOT.length + 1, -"page.tsx".length).split("/").filter((s) => s && !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "0190d0c4-0000-7000-8000-000000000000" : s)).join("/")}`;

const OPEN_TO_EVERY_USER = new Set(["/", "/notifications"]);

describe("page access table", () => {
  const files = pages(ROOT);
  it.each(files)("%s: the table asks what the page asks", (file) => {
    const route = routeOf(file);
    const source = readFileSync(file, "utf8");
    const own = /requirePagePermission\("([a-z]+:[a-z]+)"\)/.exec(source)?.[1];
    const table = pagePermissions(route);
    if (own) expect(table, route).toEqual([own]);
    else if (source.includes("requireFieldPage()")) expect(table, route).toEqual(["warnings:work", "warnings:triage"]);
    else expect(OPEN_TO_EVERY_USER.has(route) && table === null, `${route} is in the page table`).toBe(true);
  });

  it("gives every role a 404 for the sections outside it", () => {
    const opens = (role: keyof typeof ROLE_PERMISSIONS, path: string) => {
      const anyOf = pagePermissions(path);
      return !anyOf || anyOf.some((p) => ROLE_PERMISSIONS[role].includes(p));
    };
    expect(opens("LEADER", "/warnings")).toBe(false);
    expect(opens("LEADER", "/stats/rankings")).toBe(true);
    expect(opens("LEADER", "/publicity/events")).toBe(true);
    expect(opens("LEADER", "/publicity/events/new")).toBe(false);
    expect(opens("OFFICER", "/warnings")).toBe(false);
    expect(opens("OFFICER", "/warnings/0190d0c4-0000-7000-8000-000000000000")).toBe(true);
    expect(opens("DISPATCHER", "/field")).toBe(false);
    expect(opens("DISPATCHER", "/field/precinct")).toBe(true);
    expect(opens("ADMIN", "/audit")).toBe(false);
    expect(opens("AUDITOR", "/admin/users")).toBe(false);
    expect(opens("INVESTIGATOR", "/notifications")).toBe(true);
    expect(opens("WALL", "/wall")).toBe(true);
    expect(opens("LEADER", "/wall")).toBe(true);
    expect(opens("DISPATCHER", "/wall")).toBe(false);
    for (const path of ["/warnings", "/warnings/0190d0c4-0000-7000-8000-000000000000", "/cases", "/persons", "/field", "/stats", "/handover", "/publicity", "/audit", "/admin/users", "/transfers"]) {
      expect(opens("WALL", path), path).toBe(false);
    }
  });

  it("has the wall's page ask what the table asks", () => {
    expect(readFileSync("app/(wall)/wall/page.tsx", "utf8")).toContain('requirePagePermission("wall:read")');
    expect(pagePermissions("/wall")).toEqual(["wall:read"]);
  });
});
