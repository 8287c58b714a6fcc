import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { FraudType, RiskLevel, SlaStep, WarningStatus } from "@/lib/generated/prisma/enums";
import { uuidSchema } from "@/lib/validation/fields";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { z } from "zod";
import { command } from "@/lib/commands/command";

type Row = { id: string; kind: string; entityType: string | null; entityId: string | null; data: Record<string, string>; createdAt: string; readAt: string | null };

/** Where a notification leads: the warning, the transfers page (移交), the appeal, or the case a freeze belongs to. */
export function notificationHref(n: Pick<Row, "entityType" | "entityId" | "data">): string | null {
  if (n.entityType === "Warning" && n.entityId) return `/warnings/${n.entityId}`;
  if (n.entityType === "WarningTransfer") return "/transfers";
  if (n.entityType === "Appeal" && n.entityId) return `/publicity/appeals/${n.entityId}`;
  if (n.entityType === "PartnerRequest" && n.entityId) return `/requests/${n.entityId}`;
  if (n.entityType === "FraudSurge") return "/stats/profiles?period=week";
  if (n.data.caseId && uuidSchema.safeParse(n.data.caseId).success) return `/cases/${n.data.caseId}`;
  return null;
}

/** The user's latest notifications (their own only; they carry ids and steps, no personal data). */
export async function listNotifications(actor: Actor, take = 100): Promise<Row[]> {
  const rows = await getDb().notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, entityType: true, entityId: true, data: true, createdAt: true, readAt: true },
  });
  return rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null, data: n.data as Record<string, string> }));
}

/** What a warning's notifications say about it: what (risk, fraud type), where (unit), its state. */
export type WarningFacts = { riskLevel: RiskLevel; fraudType: FraudType; unitName: string; status: WarningStatus };
/** One breached step: when it was due, and how late it is (still open) or was (met late), in ms. */
export type StepLateness = { step: SlaStep; dueAt: string; lateMs: number; stillOpen: boolean };
export type NotificationGroup = {
  key: string;
  href: string | null;
  unread: boolean;
  latestAt: string;
  warning: WarningFacts | null;
  items: (Row & { late: StepLateness | null })[];
};

const STEP_CLOCK = { ACK: ["ackDueAt", "acknowledgedAt"], CONTACT: ["contactDueAt", "firstContactAt"], RESOLVE: ["resolveDueAt", "resolvedAt"] } as const;

/**
 * The notifications page: the user's notifications grouped by warning (a warning's ACK and CONTACT
 * breaches are one entry), newest first, each saying what and where (risk, fraud type, unit), the
 * step and how late. Warning details are read within the user's jurisdiction only.
 */
export async function listNotificationGroups(actor: Actor, now = new Date(), take = 200): Promise<NotificationGroup[]> {
  const rows = await listNotifications(actor, take);
  const warningIds = [...new Set(rows.filter((n) => n.entityType === "Warning" && n.entityId).map((n) => n.entityId!))];
  const warnings = warningIds.length
    ? await getDb().warning.findMany({
        where: { id: { in: warningIds }, unitId: { in: await scopeUnitIds(actor.scopePath) } },
        select: {
          id: true, riskLevel: true, fraudType: true, status: true, unit: { select: { name: true } },
          ackDueAt: true, contactDueAt: true, resolveDueAt: true, acknowledgedAt: true, firstContactAt: true, resolvedAt: true,
        },
      })
    : [];
  const byId = new Map(warnings.map((w) => [w.id, w]));
  const groups = new Map<string, NotificationGroup>();
  for (const n of rows) {
    const w = n.entityType === "Warning" && n.entityId ? byId.get(n.entityId) : undefined;
    const key = n.entityType === "Warning" && n.entityId ? `Warning:${n.entityId}` : n.id;
    let late: StepLateness | null = null;
    const step = n.data.step as SlaStep | undefined;
    if (w && step && step in STEP_CLOCK) {
      const [due, done] = STEP_CLOCK[step];
      const doneAt = w[done];
      late = { step, dueAt: w[due].toISOString(), lateMs: Math.max(0, (doneAt ?? now).getTime() - w[due].getTime()), stillOpen: !doneAt };
    }
    let g = groups.get(key);
    if (!g) {
      g = {
        key, href: notificationHref(n), unread: false, latestAt: n.createdAt, items: [],
        warning: w ? { riskLevel: w.riskLevel, fraudType: w.fraudType, unitName: w.unit.name, status: w.status } : null,
      };
      groups.set(key, g);
    }
    g.unread ||= !n.readAt;
    g.items.push({ ...n, late });
  }
  return [...groups.values()];
}

/**
 * Marks the user's own notifications read (others' ids, and anything not an id, match nothing) and
 * returns where the first one leads, or null.
 */
export const openNotifications = command({
  name: "notification.open", permission: "signed-in",
  summary: "Mark one's notifications read and say where the first leads",
  input: z.object({ ids: z.array(z.string()).default([]) }).strict(), audit: [],
  async run({ actor, input, tx, now }): Promise<string | null> {
    const valid = input.ids.filter((id) => uuidSchema.safeParse(id).success).slice(0, 100);
    if (valid.length === 0) return null;
    const [first] = await tx.notification.findMany({ where: { id: { in: valid }, userId: actor.id }, take: 1, select: { entityType: true, entityId: true, data: true } });
    await tx.notification.updateMany({ where: { id: { in: valid }, userId: actor.id, readAt: null }, data: { readAt: now } });
    return first ? notificationHref({ ...first, data: first.data as Record<string, string> }) : null;
  },
});

/** Marks all of the user's own notifications read; answers how many. */
export const markAllRead = command({
  name: "notification.mark_all_read", permission: "signed-in",
  summary: "Mark all of one's notifications read",
  input: z.object({}).strict(), audit: [],
  async run({ actor, tx, now }): Promise<number> {
    const { count } = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
    return count;
  },
});
