// 无诈 creation campaigns (无诈社区/村镇/学校/企业/单位): the places a unit works on, their status
// and dates. Scoped to the actor's jurisdiction; writes audited.
import "server-only";
import { outOfScope } from "@/lib/audit/audit-denied";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { dateToDay, dayToDate } from "@/lib/time/china";
import { CAMPAIGN_STATUSES, type CampaignKind, type CampaignStatus } from "@/lib/publicity/enums";
import { createCampaignSchema, idSchema, updateCampaignSchema } from "@/lib/publicity/schemas";
import { filterUnitPath, resolveUnit } from "@/lib/publicity/units";

const select = {
  id: true, kind: true, name: true, status: true, startedOn: true, certifiedOn: true, note: true, version: true,
  unit: { select: { code: true, name: true } },
} satisfies Prisma.PreventionCampaignSelect;

export type CampaignDto = {
  id: string; unitCode: string; unitName: string; kind: CampaignKind; name: string; status: CampaignStatus;
  startedOn: string | null; certifiedOn: string | null; note: string | null; version: number;
};

const toDto = (c: Prisma.PreventionCampaignGetPayload<{ select: typeof select }>): CampaignDto => ({
  id: c.id, unitCode: c.unit.code, unitName: c.unit.name, kind: c.kind, name: c.name, status: c.status,
  startedOn: c.startedOn ? dateToDay(c.startedOn) : null, certifiedOn: c.certifiedOn ? dateToDay(c.certifiedOn) : null,
  note: c.note, version: c.version,
});

/** Campaigns of a filter (a jurisdiction holds dozens, not thousands), with counts by status. */
export async function listCampaigns(actor: Actor, q: { unit?: string; kind?: CampaignKind; status?: CampaignStatus }) {
  const unitPath = await filterUnitPath(actor, q.unit);
  const empty = Object.fromEntries(CAMPAIGN_STATUSES.map((s) => [s, 0])) as Record<CampaignStatus, number>;
  if (unitPath === null) return { items: [], byStatus: empty };
  const base: Prisma.PreventionCampaignWhereInput = {
    AND: [inJurisdiction(actor), unitPath ? { unit: unitSubtree(unitPath) } : {}, q.kind ? { kind: q.kind } : {}],
  };
  const [rows, groups] = await Promise.all([
    getDb().preventionCampaign.findMany({
      where: { AND: [base, q.status ? { status: q.status } : {}] }, select,
      orderBy: [{ unit: { path: "asc" } }, { status: "asc" }, { name: "asc" }], take: 1000,
    }),
    getDb().preventionCampaign.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  const byStatus = { ...empty };
  for (const g of groups) byStatus[g.status] = g._count._all;
  return { items: rows.map(toDto), byStatus };
}

export const getCampaign = command({
  name: "publicity.campaign.get", permission: "publicity:read",
  summary: "One prevention campaign",
  input: idSchema, audit: false,
  async run({ actor, input: { id }, db }): Promise<CampaignDto> {
    const row = await db.preventionCampaign.findFirst({ where: { id, ...inJurisdiction(actor) }, select });
    if (!row) throw await outOfScope(actor, "PreventionCampaign", id, async () => (await db.preventionCampaign.count({ where: { id } })) > 0);
    return toDto(row);
  },
});

type CampaignInput = { kind: CampaignKind; name: string; status: CampaignStatus; startedOn?: string; certifiedOn?: string; note?: string };
const campaignData = (c: CampaignInput) => ({
  kind: c.kind, name: c.name, status: c.status, note: c.note ?? null,
  startedOn: c.startedOn ? dayToDate(c.startedOn) : null, certifiedOn: c.certifiedOn ? dayToDate(c.certifiedOn) : null,
});

export const createCampaign = command({
  name: "publicity.campaign.create", permission: "publicity:write",
  summary: "Start a 无诈 creation campaign",
  input: createCampaignSchema, audit: ["publicity.campaign.create"],
  async run({ actor, input: { unitCode, ...input }, tx }): Promise<{ id: string }> {
    const unit = await resolveUnit(tx, actor, unitCode);
    const created = await tx.preventionCampaign.create({ data: { ...campaignData(input), unitId: unit.id }, select: { id: true } });
    await writeAudit(tx, actor, {
      action: "publicity.campaign.create", success: true, entityType: "PreventionCampaign", entityId: created.id,
      details: { unit: unit.code, kind: input.kind, status: input.status },
    });
    return created;
  },
});

export const updateCampaign = command({
  name: "publicity.campaign.update", permission: "publicity:write",
  summary: "Update a 无诈 creation campaign",
  input: updateCampaignSchema, audit: ["publicity.campaign.update"],
  async run({ actor, input: { id, version, unitCode, ...input }, tx }): Promise<void> {
    const existing = await tx.preventionCampaign.findFirst({ where: { id, ...inJurisdiction(actor) }, select: { status: true, unit: { select: { code: true } } } });
    if (!existing) throw await outOfScope(actor, "PreventionCampaign", id, async () => (await tx.preventionCampaign.count({ where: { id } })) > 0);
    const unit = await resolveUnit(tx, actor, unitCode ?? existing.unit.code);
    const { count } = await tx.preventionCampaign.updateMany({ where: { id, version }, data: { ...campaignData(input), unitId: unit.id, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: "publicity.campaign.update", success: true, entityType: "PreventionCampaign", entityId: id,
      details: { unit: unit.code, status: input.status, previousStatus: existing.status },
    });
  },
});
