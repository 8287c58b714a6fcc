import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/commands";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});
const client = { ip: "127.0.0.1", requestId: "t" };

describe("API keys", () => {
  it("are shown once, stored hashed, scoped, and dead once revoked", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const created = await createApiKey(actor, { name: "省厅推送", unitCode: tree.city.code, scopes: ["warnings:ingest"], sources: ["PROVINCIAL"] });
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).not.toContain(created.key);
    // The secret is everything after `fz_<prefix>_` (base64url: it may hold "_" itself).
    expect(JSON.stringify(row)).not.toContain(created.key.slice("fz_0123456789_".length));
    const feed = await authenticateApiKey(created.key, client);
    expect(feed).toMatchObject({ kind: "apiKey", scopePath: tree.city.path, sources: ["PROVINCIAL"] });
    expect([...feed!.permissions]).toEqual(["warnings:ingest"]);
    expect((await listApiKeys(actor)).map((k) => k.prefix)).toContain(created.prefix);
    await revokeApiKey(actor, { id: created.id, version: row.version });
    expect(await authenticateApiKey(created.key, client)).toBeNull();
    expect(await getDb().auditLog.count({ where: { entityId: created.id, action: { in: ["apikey.create", "apikey.revoke"] } } })).toBe(2);
  });

  it("refuse unknown scopes and units outside the admin's jurisdiction; only admins make them", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "ADMIN");
    const bad = await createApiKey(actor, { name: "越权", unitCode: tree.branches[1]!.code, scopes: ["users:manage"] }).catch((e: AppError) => e);
    expect((bad as AppError).details.map((d) => d.path)).toEqual(expect.arrayContaining(["scopes.0"]));
    const outside = await createApiKey(actor, { name: "越权", unitCode: tree.branches[1]!.code, scopes: ["warnings:ingest"], sources: ["PROVINCIAL"] }).catch((e: AppError) => e);
    expect((outside as AppError).details[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
    const { actor: dispatcher } = await makeUser(tree.center, "DISPATCHER");
    expect((await createApiKey(dispatcher, { name: "调度", unitCode: tree.city.code, scopes: ["warnings:ingest"], sources: ["PROVINCIAL"] }).catch((e: AppError) => e) as AppError).status).toBe(403);
  });

  it("bind an ingesting key to the sources it names (SECURITY.md G31)", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const none = await createApiKey(actor, { name: "无来源", unitCode: tree.city.code, scopes: ["warnings:ingest"] }).catch((e: AppError) => e);
    expect((none as AppError).details).toEqual([expect.objectContaining({ path: "sources", code: "required" })]);
    const stray = await createApiKey(actor, { name: "只读", unitCode: tree.city.code, scopes: ["warnings:read"], sources: ["BANK"] }).catch((e: AppError) => e);
    expect((stray as AppError).details).toEqual([expect.objectContaining({ path: "sources", code: "sources_without_ingest" })]);
    const bad = await createApiKey(actor, { name: "乱填", unitCode: tree.city.code, scopes: ["warnings:ingest"], sources: ["MARS"] }).catch((e: AppError) => e);
    expect((bad as AppError).details.map((d) => d.path)).toContain("sources.0");
    const made = await createApiKey(actor, { name: "银行推送", unitCode: tree.city.code, scopes: ["warnings:ingest"], sources: ["BANK", "BANK", "CARRIER"] });
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: made.id } })).sources).toEqual(["BANK", "CARRIER"]);
    expect((await listApiKeys(actor)).find((k) => k.id === made.id)?.sources).toEqual(["BANK", "CARRIER"]);
  });

  it("expire", async () => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const created = await createApiKey(actor, { name: "限期", unitCode: tree.city.code, scopes: ["warnings:read"], expiresInDays: 1 });
    expect(await authenticateApiKey(created.key, client, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
  });
});
