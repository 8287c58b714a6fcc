// SECURITY.md A1: no default or shared accounts outside demo mode — a production start over a
// database holding a demo account fails; the demo dataset is never loaded in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { prepareDatabase } from "@/scripts/app-database";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";

let own: TestDatabase;
let db: Db;
beforeAll(async () => {
  own = await createTestDatabase("startup");
  db = createDb(own.url);
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await own?.drop();
});

describe("production start", () => {
  it("loads no demo data into an empty database, and refuses one holding a demo account", async () => {
    expect(await prepareDatabase(own.url, { production: true })).toEqual({ demo: false, loadedDemo: false });
    expect(await db.user.count()).toBe(0);
    const unit = await db.unit.create({ data: { code: "990000", name: "测试市局", kind: "CITY", path: "990000" } });
    await db.user.create({ data: { username: "real.admin", displayName: "管理员", role: "ADMIN", unitId: unit.id, passwordHash: "x" } });
    await db.user.create({ data: { username: "admin", displayName: "演示", role: "ADMIN", unitId: unit.id, passwordHash: "x", isDemo: true } });
    await expect(prepareDatabase(own.url, { production: true })).rejects.toThrow(/refusing to start in production: 1 demo account/);
  }, 120_000);
});
