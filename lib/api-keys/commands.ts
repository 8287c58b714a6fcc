import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { generateApiKey } from "@/lib/auth/api-keys";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { isSystemActor } from "@/lib/auth/system-actor";
import { keyNeedsApproval } from "@/lib/approvals/policy";
import { propose } from "@/lib/approvals/propose";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { requirePermission } from "@/lib/auth/guards";

/**
 * Creates a key for an upstream feed. The key is returned once and stored only as a hash. A key
 * with a read scope reads personal data: it is refused until the security officer approves it
 * (`pending`; the command line is trusted, lib/auth/system-actor.ts).
 */
export const createApiKey = command({
  name: "apikey.create", permission: "apikeys:manage",
  summary: "Create an API key for an upstream feed (returned once)",
  input: createApiKeySchema, audit: ["apikey.create", "access.propose"],
  async run({ actor, input, tx, now }): Promise<{ id: string; key: string; prefix: string; pending: boolean }> {
    const scopes = [...new Set(input.scopes)];
    const pending = !isSystemActor(actor) && keyNeedsApproval(scopes);
    const { key, prefix, keyHash } = generateApiKey();
    const unit = await tx.unit.findFirst({ where: { code: input.unitCode, active: true, ...unitSubtree(actor.scopePath) }, select: { id: true, name: true } });
    if (!unit) throw new AppError("VALIDATION", "unknown unit", [{ path: "unitCode", code: "unknown_unit", message: `no active unit ${input.unitCode} in your jurisdiction` }]);
    const row = await tx.apiKey.create({
      data: {
        name: input.name, prefix, keyHash, unitId: unit.id, scopes, sources: [...new Set(input.sources)], approvalPending: pending,
        createdById: actor.role ? actor.id : null,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "apikey.create", success: true, entityType: "ApiKey", entityId: row.id,
      details: { name: input.name, prefix, unit: input.unitCode, scopes, sources: input.sources, approval: pending ? "pending" : isSystemActor(actor) ? "cli" : "not-needed" },
    });
    if (pending) {
      await propose(tx, actor, { kind: "API_KEY", approverRole: "SECURITY_OFFICER", subject: { apiKeyId: row.id }, unitId: unit.id, summary: { name: input.name, prefix, unit: unit.name, scopes } });
    }
    return { id: row.id, key, prefix, pending };
  },
});

/** Revokes a key at once: its next request answers 401. */
export const revokeApiKey = command({
  name: "apikey.revoke", permission: "apikeys:manage",
  summary: "Revoke an API key at once",
  input: revokeApiKeySchema, audit: ["apikey.revoke"],
  async run({ actor, input: { id, version }, tx, now }): Promise<void> {
    const key = await tx.apiKey.findFirst({ where: { id, ...inJurisdiction(actor) }, select: { prefix: true, revokedAt: true } });
    if (!key) throw notFound("api key");
    if (key.revokedAt) return;
    const { count } = await tx.apiKey.updateMany({ where: { id, version }, data: { revokedAt: now, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, { action: "apikey.revoke", success: true, entityType: "ApiKey", entityId: id, details: { prefix: key.prefix } });
  },
});

export async function listApiKeys(actor: Actor) {
  await requirePermission(actor, "apikeys:manage");
  const keys = await getDb().apiKey.findMany({
    where: inJurisdiction(actor),
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, sources: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, approvalPending: true, version: true, unit: { select: { code: true, name: true } } },
  });
  return keys;
}
