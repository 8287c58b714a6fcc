// Targeted outreach (定向走访): "visit every person labelled X of unit U not contacted in N days"
// becomes one task per person on their home precinct's list; an officer of that precinct records
// the visit. When the last task of a campaign is done, the campaign is publicity work: a
// PublicityEvent of the campaign's unit (kind by label, audience = the persons reached), counted by
// the publicity statistics like any other event.
import "server-only";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { PublicityKind, TargetGroup } from "@/lib/generated/prisma/enums";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError, versionConflict } from "@/lib/errors";
import { uuidv7 } from "@/lib/ids";
import { maskAddress, maskName, maskPhone } from "@/lib/pii";
import { DAY_MS, chinaToday, dayToDate } from "@/lib/time/china";
import { routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { noteSchema, optional, optionalText, text, unitCodeSchema, uuidSchema, versionSchema } from "@/lib/validation/fields";
import { labelUnits, labelledPersons } from "@/lib/persons/labels";
import { MAX_NOT_CONTACTED_DAYS, MAX_OUTREACH_TASKS, OUTREACH_OUTCOMES, OUTREACH_REACHED, PERSON_LABELS, type PersonLabelKind } from "@/lib/persons/label-constants";
import zh from "@/lib/i18n/messages/zh-CN/vulnerable.json";

/** The publicity event a completed campaign counts as. */
const EVENT_OF: Record<PersonLabelKind, { kind: PublicityKind; targetGroup: TargetGroup }> = {
  ELDERLY_ALONE: { kind: "ELDERLY", targetGroup: "ELDERLY" },
  STUDENT: { kind: "CAMPUS", targetGroup: "STUDENTS" },
  REPEAT_WARNINGS: { kind: "COMMUNITY", targetGroup: "RESIDENTS" },
  PAST_VICTIM: { kind: "COMMUNITY", targetGroup: "RESIDENTS" },
  CARD_SELLING_SUSPECT: { kind: "COMMUNITY", targetGroup: "RESIDENTS" },
};

export const createOutreachSchema = z
  .object({
    label: z.enum(PERSON_LABELS, "invalid_label"),
    /** The unit whose subtree's labelled persons are visited (default: the caller's jurisdiction). */
    unit: optional(unitCodeSchema),
    notContactedDays: z.coerce.number("invalid_number").int("not_integer").min(1, "too_small").max(MAX_NOT_CONTACTED_DAYS, "too_big"),
    title: optionalText(128),
  })
  .strict();

/** POST /api/v1/outreach: one task per person labelled `label` of the unit not contacted in N days. */
export const createOutreach = command({
  name: "outreach.create", permission: "persons:label",
  summary: "Start a targeted outreach (定向走访): a task on the home precinct's list for every person with the label in the unit not contacted in N days",
  input: createOutreachSchema, audit: ["outreach.create"],
  async run({ actor, input, tx, now }) {
    const units = await labelUnits(actor, input.unit);
    const unitId = input.unit ? (await routingTable()).byCode.get(input.unit)!.id : actor.unitId;

    const cutoff = new Date(now.getTime() - input.notContactedDays * DAY_MS);
    const rows = await labelledPersons(tx, units, { label: input.label, cutoff, now, limit: MAX_OUTREACH_TASKS + 1 });
    if (rows.length > MAX_OUTREACH_TASKS) throw new AppError("VALIDATION", "too many persons", [{ path: "unit", code: "too_many_persons", message: String(MAX_OUTREACH_TASKS) }]);
    // One task per person, on a precinct's list: a person labelled in two units of the scope is
    // visited by the first's precinct; one whose only home unit is a branch or the centre (a
    // branch's case) has no precinct to visit them and is counted as skipped.
    const table = await routingTable();
    const precinct = new Set(table.units.filter((u) => u.kind === "PRECINCT").map((u) => u.id));
    const byPerson = new Map<string, string>();
    for (const r of rows) if (!byPerson.has(r.pid) && precinct.has(r.uid)) byPerson.set(r.pid, r.uid);
    const skipped = new Set(rows.filter((r) => !byPerson.has(r.pid)).map((r) => r.pid)).size;
    if (byPerson.size === 0) throw new AppError("VALIDATION", "nobody to visit", [{ path: "label", code: "no_persons", message: "no_persons" }]);
    const title = input.title ?? `${zh.vulnerable.outreach.defaultTitle}：${zh.vulnerable.labels[input.label]}`;
    const campaign = await tx.outreachCampaign.create({
      data: { id: uuidv7(now.getTime()), unitId, label: input.label, notContactedDays: input.notContactedDays, title, taskCount: byPerson.size, createdById: actor.id },
      select: { id: true },
    });
    await tx.outreachTask.createMany({ data: [...byPerson].map(([personId, taskUnit]) => ({ id: uuidv7(now.getTime()), campaignId: campaign.id, personId, unitId: taskUnit })) });
    await writeAudit(tx, actor, {
      action: "outreach.create", success: true, entityType: "OutreachCampaign", entityId: campaign.id,
      details: { label: input.label, unitId, notContactedDays: input.notContactedDays, tasks: byPerson.size, skipped },
    });
    return { id: campaign.id, tasks: byPerson.size, skipped };
  },
});

export const outreachOutcomeSchema = z
  .object({
    id: uuidSchema,
    version: versionSchema,
    outcome: z.enum(OUTREACH_OUTCOMES, "invalid_outcome"),
    note: optional(noteSchema),
  })
  .strict();

/**
 * POST /api/v1/outreach/tasks/{id}/outcome: an officer of the task's precinct records the visit.
 * The campaign row is locked first, so the last two tasks done at once complete it exactly once.
 */
export const recordOutreachOutcome = command({
  name: "outreach.outcome", permission: "warnings:work",
  summary: "Record the outcome of an outreach visit of the caller's unit; the campaign's last task done counts the campaign as publicity work",
  input: outreachOutcomeSchema, audit: ["outreach.outcome"], idempotent: true,
  async run({ actor, input, tx, now }) {
    const t = await tx.outreachTask.findFirst({ where: { id: input.id, unitId: actor.unitId }, select: { id: true, campaignId: true, personId: true, status: true, version: true } });
    if (!t) throw await outOfScope(actor, "OutreachTask", input.id, async () => (await tx.outreachTask.count({ where: { id: input.id } })) > 0);
    await tx.$queryRaw`SELECT id FROM outreach_campaigns WHERE id = ${t.campaignId}::uuid FOR UPDATE`;
    if (t.status !== "OPEN") throw new AppError("CONFLICT", "the task is no longer open", [{ path: "status", code: "outreach_done", message: t.status }]);
    if (t.version !== input.version) throw versionConflict();
    const { count } = await tx.outreachTask.updateMany({
      where: { id: t.id, version: input.version, status: "OPEN" },
      data: { status: "DONE", outcome: input.outcome, note: input.note ?? null, doneAt: now, doneById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    const open = await tx.outreachTask.count({ where: { campaignId: t.campaignId, status: "OPEN" } });
    const publicityEventId = open === 0 ? await completeCampaign(tx, actor, t.campaignId, now) : null;
    await writeAudit(tx, actor, {
      action: "outreach.outcome", success: true, entityType: "OutreachTask", entityId: t.id,
      details: { campaignId: t.campaignId, personId: t.personId, outcome: input.outcome, note: input.note, publicityEventId: publicityEventId ?? undefined },
    });
    return { id: t.id, outcome: input.outcome, version: input.version + 1, campaignCompleted: publicityEventId !== null, publicityEventId };
  },
});

/**
 * The campaign's end, once (the caller holds its row lock): the persons reached count as the
 * audience of a PublicityEvent of the campaign's unit. A campaign that reached nobody (cancelled
 * before any visit) records no event. Returns the event's id.
 */
async function completeCampaign(tx: Tx, actor: Actor, campaignId: string, now: Date): Promise<string | null> {
  const c = await tx.outreachCampaign.findUniqueOrThrow({ where: { id: campaignId }, select: { unitId: true, label: true, title: true, taskCount: true, completedAt: true } });
  if (c.completedAt) return null;
  const reached = await tx.outreachTask.count({ where: { campaignId, status: "DONE", outcome: { in: [...OUTREACH_REACHED] } } });
  const done = await tx.outreachTask.count({ where: { campaignId, status: "DONE" } });
  const event = done === 0 ? null : await tx.publicityEvent.create({
    data: {
      id: uuidv7(now.getTime()), unitId: c.unitId, ...EVENT_OF[c.label], title: c.title.slice(0, 128), occurredOn: dayToDate(chinaToday(now)),
      audienceCount: reached, note: `${zh.vulnerable.outreach.eventNote}（${done}/${c.taskCount}）`, createdById: actor.id,
    },
    select: { id: true },
  });
  await tx.outreachCampaign.update({ where: { id: campaignId }, data: { completedAt: now, publicityEventId: event?.id ?? null } });
  return event?.id ?? null;
}

export const cancelOutreachSchema = z.object({ id: uuidSchema, reason: text(1, 2000) }).strict();

/**
 * POST /api/v1/outreach/{id}/cancel: a campaign of the caller's jurisdiction stops with a reason.
 * Its open tasks leave the officers' lists (CANCELLED); the visits already made still count: the
 * campaign completes as publicity work with the persons reached so far, or with none if nobody
 * was visited yet.
 */
export const cancelOutreach = command({
  name: "outreach.cancel", permission: "persons:label",
  summary: "Cancel a targeted outreach of the caller's jurisdiction with a reason: open tasks are withdrawn, visits already made still count as publicity work",
  input: cancelOutreachSchema, audit: ["outreach.cancel"],
  async run({ actor, input, tx, now }) {
    const units = await scopeUnitIds(actor.scopePath);
    const [row] = await tx.$queryRaw<{ id: string; completedAt: Date | null }[]>`
      SELECT id, "completedAt" FROM outreach_campaigns WHERE id = ${input.id}::uuid AND "unitId" = ANY(${units}::uuid[]) FOR UPDATE`;
    if (!row) throw await outOfScope(actor, "OutreachCampaign", input.id, async () => (await tx.outreachCampaign.count({ where: { id: input.id } })) > 0);
    if (row.completedAt) throw new AppError("CONFLICT", "the campaign has ended", [{ path: "id", code: "outreach_ended", message: "outreach_ended" }]);
    const { count: withdrawn } = await tx.outreachTask.updateMany({
      where: { campaignId: input.id, status: "OPEN" }, data: { status: "CANCELLED", note: input.reason, version: { increment: 1 } },
    });
    await tx.outreachCampaign.update({ where: { id: input.id }, data: { cancelledAt: now } });
    const publicityEventId = await completeCampaign(tx, actor, input.id, now);
    await writeAudit(tx, actor, {
      action: "outreach.cancel", success: true, entityType: "OutreachCampaign", entityId: input.id,
      details: { reason: input.reason, withdrawn, publicityEventId: publicityEventId ?? undefined },
    });
    return { id: input.id, withdrawn, publicityEventId };
  },
});

const taskSelect = {
  id: true, campaignId: true, personId: true, unitId: true, status: true, outcome: true, note: true, doneAt: true, version: true, createdAt: true,
  campaign: { select: { title: true, label: true } },
  person: { select: { labels: { select: { unitId: true, name: true, phone: true, address: true, community: true } }, warnings: { orderBy: { receivedAt: "desc" as const }, take: 1, select: { unitId: true, victimName: true, victimPhone: true, victimAddress: true } } } },
} as const;

type TaskRow = Awaited<ReturnType<typeof readTasks>>[number];
function readTasks(where: { unitId: string | { in: string[] }; status?: "OPEN"; id?: string }) {
  return getDb().outreachTask.findMany({ where, orderBy: [{ status: "asc" }, { createdAt: "asc" }], take: 200, select: taskSelect });
}

function toTask(t: TaskRow) {
  const lab = t.person.labels.find((l) => l.unitId === t.unitId);
  const w = t.person.warnings.find((x) => x.unitId === t.unitId);
  return {
    id: t.id, campaignId: t.campaignId, personId: t.personId, title: t.campaign.title, label: t.campaign.label,
    status: t.status, outcome: t.outcome, note: t.note, doneAt: t.doneAt?.toISOString() ?? null, version: t.version,
    name: maskName(lab?.name ?? w?.victimName), phone: maskPhone(lab?.phone ?? w?.victimPhone), address: maskAddress(lab?.address ?? w?.victimAddress), community: lab?.community ?? null,
  };
}
export type OutreachTaskRow = ReturnType<typeof toTask>;

/** The open outreach tasks of the officer's unit (the officers' list). */
export async function myOutreachTasks(actor: Actor) {
  return (await readTasks({ unitId: actor.unitId, status: "OPEN" })).map(toTask);
}

/** One task of the officer's unit (the phone form); 404 (audited when it exists) elsewhere. */
export async function outreachTask(actor: Actor, id: string) {
  const [t] = await readTasks({ unitId: actor.unitId, id });
  if (!t) throw await outOfScope(actor, "OutreachTask", id, async () => (await getDb().outreachTask.count({ where: { id } })) > 0);
  return toTask(t);
}

/** GET /api/v1/outreach/tasks */
export const listOutreachTasks = command({
  name: "outreach.tasks", permission: "warnings:work",
  summary: "The open targeted-outreach tasks of the caller's unit (masked)",
  input: z.object({}).strict(), audit: false,
  run: async ({ actor }) => ({ items: await myOutreachTasks(actor) }),
});

/** GET /api/v1/outreach: the campaigns of the caller's jurisdiction with their progress. */
export const listOutreachCampaigns = command({
  name: "outreach.list", permission: "persons:read",
  summary: "Targeted-outreach campaigns of the caller's jurisdiction with tasks done and whether each counted as publicity work",
  input: z.object({}).strict(), audit: false,
  run: async ({ actor }) => ({ items: await outreachCampaigns(actor) }),
});

/** The campaigns of the caller's jurisdiction, newest first (at most 100), with tasks done. */
export async function outreachCampaigns(actor: Actor) {
  const units = await scopeUnitIds(actor.scopePath);
  const rows = await getDb().outreachCampaign.findMany({
    where: { unitId: { in: units } }, orderBy: { createdAt: "desc" }, take: 100,
    select: { id: true, title: true, label: true, notContactedDays: true, taskCount: true, createdAt: true, completedAt: true, cancelledAt: true, publicityEventId: true, unit: { select: { code: true, name: true } }, _count: { select: { tasks: { where: { status: "DONE" } } } } },
  });
  return rows.map(({ _count, createdAt, completedAt, cancelledAt, ...c }) => ({
    ...c, done: _count.tasks, createdAt: createdAt.toISOString(), completedAt: completedAt?.toISOString() ?? null, cancelledAt: cancelledAt?.toISOString() ?? null,
  }));
}
