import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import type { FraudType } from "@/lib/generated/prisma/enums";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { z } from "zod";

/**
 * What the header shows live: unread notifications and, for dispatchers, the 特高危 warnings
 * nobody has signed for yet in the jurisdiction and the newest of them (ids and labels, no PII).
 */
export async function alertState(actor: Actor) {
  const triage = actor.permissions.has("warnings:triage");
  const unitIds = triage ? await scopeUnitIds(actor.scopePath) : [];
  // One statement: the header asks on every page and on every change the live stream announces.
  const [r] = await getDb().$queryRaw<{ unread: number; unhandledCritical: number; id: string | null; fraudType: FraudType | null; receivedAt: Date | null; unitName: string | null }[]>`
    WITH critical AS (
      SELECT id, "fraudType", "receivedAt", "createdAt", "unitId" FROM warnings
       WHERE ${triage} AND "unitId" = ANY(${unitIds}::uuid[]) AND status = 'PENDING' AND "riskLevel" = 'CRITICAL')
    SELECT (SELECT count(*)::int FROM notifications WHERE "userId" = ${actor.id}::uuid AND "readAt" IS NULL) AS unread,
           (SELECT count(*)::int FROM critical) AS "unhandledCritical",
           latest.id::text AS id, latest."fraudType"::text AS "fraudType", latest."receivedAt", unit.name AS "unitName"
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT * FROM critical ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS latest ON true
      LEFT JOIN units unit ON unit.id = latest."unitId"`;
  return {
    unread: r!.unread,
    unhandledCritical: r!.unhandledCritical,
    latestCritical: r!.id ? { id: r!.id, fraudType: r!.fraudType!, unitName: r!.unitName!, receivedAt: r!.receivedAt!.toISOString() } : null,
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
