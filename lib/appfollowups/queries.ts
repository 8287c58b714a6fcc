import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { maskAddress, maskName, maskPhone } from "@/lib/pii";
import { fieldTaskUnitIds } from "@/lib/units/jurisdiction";
import { workableUnitIds } from "@/lib/warnings/commands";
import { appFollowUpIdSchema, appFollowUpsQuerySchema } from "@/lib/appfollowups/schemas";

const MAX_ROWS = 200;

const appFollowUpSelect = {
  id: true, personId: true, warningId: true, status: true, outcome: true, actionId: true, note: true, doneAt: true, version: true,
  officerId: true, createdAt: true,
  unit: { select: { code: true, name: true } },
  officer: { select: { displayName: true } },
  doneBy: { select: { displayName: true } },
  warning: { select: { riskLevel: true, fraudType: true, victimName: true, victimPhone: true, victimAddress: true, resolvedAt: true } },
} satisfies Prisma.AppFollowUpSelect;

type Row = Prisma.AppFollowUpGetPayload<{ select: typeof appFollowUpSelect }>;

/** An app follow-up as the lists show it: the person masked. */
function toAppFollowUp(r: Row, actor: Actor) {
  return {
    id: r.id,
    personId: r.personId,
    warningId: r.warningId,
    unit: r.unit,
    status: r.status,
    outcome: r.outcome,
    /** Closed by a visit or an interception (else by the task's own form). */
    atVisit: !!r.actionId,
    note: r.note,
    doneAt: r.doneAt?.toISOString() ?? null,
    doneBy: r.doneBy?.displayName ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    officer: r.officer?.displayName ?? null,
    mine: r.officerId === actor.id,
    riskLevel: r.warning.riskLevel,
    fraudType: r.warning.fraudType,
    dissuadedAt: r.warning.resolvedAt?.toISOString() ?? null,
    personName: maskName(r.warning.victimName),
    personPhone: maskPhone(r.warning.victimPhone),
    place: maskAddress(r.warning.victimAddress),
  };
}

export type AppFollowUpRow = ReturnType<typeof toAppFollowUp>;

/** The caller's app follow-ups (APP回访): an officer's unit's, a dispatcher's jurisdiction's (or one unit's), the oldest first. */
export const listAppFollowUps = command({
  name: "appfollowup.list", permission: ["warnings:work", "warnings:triage"],
  summary: "The caller's app follow-ups (APP回访), by status",
  input: appFollowUpsQuerySchema, audit: false,
  run: async ({ actor, input: q }) => {
    const unitIds = await fieldTaskUnitIds(actor, q.unit);
    const rows = await getDb().appFollowUp.findMany({
      where: { AND: [{ unitId: { in: unitIds } }, q.status ? { status: q.status } : {}] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_ROWS,
      select: appFollowUpSelect,
    });
    return { appFollowUps: rows.map((r) => toAppFollowUp(r, actor)) };
  },
});

/** My tasks' share: the unit's open app follow-ups, the caller's first, the oldest first. */
export async function openAppFollowUps(actor: Actor, unitId = actor.unitId): Promise<AppFollowUpRow[]> {
  const rows = await getDb().appFollowUp.findMany({
    where: { unitId, status: "OPEN" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
    select: appFollowUpSelect,
  });
  return rows.map((r) => toAppFollowUp(r, actor)).sort((a, b) => Number(b.mine) - Number(a.mine));
}

/** One app follow-up the caller may record (the phone page); 404 (audited) outside the units whose warnings they work. */
export const getAppFollowUp = command({
  name: "appfollowup.get", permission: ["warnings:work", "warnings:triage"],
  summary: "One app follow-up (APP回访) of a unit whose warnings the caller works",
  input: appFollowUpIdSchema, audit: false,
  run: async ({ actor, input }) => {
    const r = await getDb().appFollowUp.findFirst({ where: { id: input.id, unitId: { in: await workableUnitIds(actor) } }, select: appFollowUpSelect });
    if (!r) throw await outOfScope(actor, "AppFollowUp", input.id, async () => (await getDb().appFollowUp.count({ where: { id: input.id } })) > 0);
    return toAppFollowUp(r, actor);
  },
});

/** The app follow-up of a person (the person file, a warning page), after the caller's scoped read of the record. */
export async function appFollowUpOfPerson(actor: Actor, personId: string): Promise<AppFollowUpRow | null> {
  const r = await getDb().appFollowUp.findUnique({ where: { personId }, select: appFollowUpSelect });
  return r ? toAppFollowUp(r, actor) : null;
}
