import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { unreadCount } from "@/lib/notifications/queries";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { z } from "zod";

/**
 * What the header shows live: unread notifications and, for dispatchers, the 特高危 warnings
 * nobody has signed for yet in the jurisdiction and the newest of them (ids and labels, no PII).
 */
export async function alertState(actor: Actor) {
  const unread = await unreadCount(actor);
  if (!actor.permissions.has("warnings:triage")) return { unread, unhandledCritical: 0, latestCritical: null };
  const unitIds = await scopeUnitIds(actor.scopePath);
  const where = { unitId: { in: unitIds }, status: "PENDING" as const, riskLevel: "CRITICAL" as const };
  const [unhandledCritical, latest] = await Promise.all([
    getDb().warning.count({ where }),
    getDb().warning.findFirst({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, fraudType: true, receivedAt: true, unit: { select: { name: true } } } }),
  ]);
  return {
    unread,
    unhandledCritical,
    latestCritical: latest ? { id: latest.id, fraudType: latest.fraudType, unitName: latest.unit.name, receivedAt: latest.receivedAt.toISOString() } : null,
  };
}

export type AlertState = Awaited<ReturnType<typeof alertState>>;

/** The header's live state, for the client to fetch when the stream says something changed. */
export const readAlertState = command({
  name: "user.alert_state", permission: "signed-in",
  summary: "Unread notifications and unhandled 特高危 warnings",
  input: z.object({}).strict(), audit: false,
  run: ({ actor }) => alertState(actor),
});

export const alertPrefsSchema = z.object({ sound: z.boolean(), desktop: z.boolean() }).strict();

/** The user's own opt-in for the sound and the desktop notification of a new 特高危. */
export async function alertPrefs(actor: Actor): Promise<{ sound: boolean; desktop: boolean }> {
  const u = await getDb().user.findUnique({ where: { id: actor.id }, select: { alertSound: true, alertDesktop: true } });
  return { sound: !!u?.alertSound, desktop: !!u?.alertDesktop };
}

export const setAlertPrefs = command({
  name: "user.alert_prefs", permission: "signed-in",
  summary: "One's own sound and desktop alert opt-in",
  input: alertPrefsSchema, audit: ["user.alert_prefs"],
  async run({ actor, input, tx }) {
    await tx.user.update({ where: { id: actor.id }, data: { alertSound: input.sound, alertDesktop: input.desktop } });
    await writeAudit(tx, actor, { action: "user.alert_prefs", success: true, entityType: "User", entityId: actor.id, details: input });
    return input;
  },
});
