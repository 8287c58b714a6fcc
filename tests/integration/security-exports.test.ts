// SECURITY.md C14: every export escapes spreadsheet formulas. Export routes are found in the code
// (…/export/route.ts); each must be listed here with a way to put formula-looking text into it.
import { readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { createMeasure } from "@/lib/publicity/measures";
import { addDays, chinaToday } from "@/lib/time/china";
import { callRoute, type Handler } from "./authz/call";
import { buildWorld, type Party, type World } from "./authz/world";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((k: string) => k, { has: () => true }), getLocale: async () => "zh-CN" }));

const FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"];

type Export = { caller: (w: World) => Party; path: string; seed: (w: World) => Promise<void> };

const EXPORTS: Record<string, Export> = {
  "app/(app)/publicity/measures/export/route.ts": {
    caller: (w) => w.own.OFFICER,
    path: "/publicity/measures/export",
    seed: async (w) => {
      const officer = w.own.OFFICER.actor;
      for (const reason of FORMULAS) {
        await createMeasure(officer, { personName: "@王", measure: "RESTRICT_CALLS", startsOn: addDays(chinaToday(), -3), endsOn: addDays(chinaToday(), 3), reason: `${reason} 名下电话卡涉诈` });
      }
    },
  },
  "app/api/v1/stats/export/route.ts": {
    caller: (w) => w.own.LEADER,
    path: "/api/v1/stats/export",
    // Unit names are typed by admins and stand in every ranking.
    seed: async (w) => {
      for (const f of FORMULAS.slice(0, 2)) {
        const u = await w.make.unit();
        await getDb().unit.update({ where: { id: u.id }, data: { name: `${f}派出所` } });
      }
    },
  },
  "app/(app)/audit/export/route.ts": {
    caller: (w) => w.own.AUDITOR,
    path: "/audit/export?format=xlsx",
    seed: async (w) => {
      for (const f of FORMULAS) {
        await getDb().$transaction((tx) => writeAudit(tx, { ip: "=1+1", requestId: "-1", name: f, unitId: w.P.id }, { action: "test.export", success: true, entityType: "Warning", entityId: "@1", details: { note: f } }));
      }
    },
  },
};

/** Exports whose cells hold only the platform's own labels and counts: no typed text reaches them, so none is seeded. */
const LABELS_ONLY = new Set(["app/api/v1/stats/profiles/export/route.ts"]);
EXPORTS["app/api/v1/stats/profiles/export/route.ts"] = { caller: (w) => w.own.LEADER, path: "/api/v1/stats/profiles/export", seed: async () => {} };

function exportRoutes(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name).split(path.sep).join("/");
    if (e.isDirectory()) return exportRoutes(p);
    return /\/export\/route\.tsx?$/.test(p) ? [p] : [];
  });
}

async function cellsOf(body: ArrayBuffer, type: string): Promise<string[]> {
  if (type.includes("csv")) {
    // Fields as a spreadsheet program would see them: unquoted, split at commas outside quotes.
    return new TextDecoder().decode(body).replace(/^\uFEFF/, "").split(/\r?\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(?=,|$)/g) ?? [])
      .map((f) => f.replace(/^"|"$/g, "").replace(/""/g, '"'));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === "string") out.push(c.value);
    else if (c.value && typeof c.value === "object") out.push(`=${JSON.stringify(c.value)}`); // a formula or rich value: never ours
  })));
  return out;
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe("spreadsheet exports (C14)", () => {
  it("are all listed here", () => {
    expect(exportRoutes().filter((f) => !(f in EXPORTS)), "export routes to add to tests/integration/security-exports.test.ts").toEqual([]);
  });

  it.each(Object.entries(EXPORTS))("%s escapes every cell that a spreadsheet would run", async (file, ex) => {
    await ex.seed(world);
    const handler = ((await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>).GET!;
    const res = await handler(
      await (async () => {
        const { actAs } = await import("./authz/call");
        const auth = await actAs(ex.caller(world));
        return new Request(`http://localhost${ex.path}`, { headers: { ...auth, host: "localhost" } });
      })(),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const cells = await cellsOf(await res.arrayBuffer(), res.headers.get("content-type") ?? "");
    const seeded = cells.filter((c) => FORMULAS.some((f) => c.includes(f.slice(1))));
    if (!LABELS_ONLY.has(file)) expect(seeded.length, "the seeded values are in the export").toBeGreaterThan(0);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c)), "cells a spreadsheet would evaluate").toEqual([]);
  });
});

void callRoute;
