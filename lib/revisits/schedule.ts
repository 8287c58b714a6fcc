// The revisits a warning's resolution creates or cancels. Called from one place, the warnings
// domain's applyTransition, inside the transaction that resolves the warning: every path that
// resolves a warning DISSUADED (a 96110 call, a home visit, a follow-up visit, a counter
// interception, the API) goes through it.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { uuidv7 } from "@/lib/ids";
import { addDays, chinaToday } from "@/lib/time/china";
import { revisitDays } from "@/lib/revisits/intervals";

/**
 * Schedules the revisits of a warning resolved DISSUADED at `now`: one per configured interval,
 * due that many China days later, for the unit that holds the warning (the unit that dissuaded)
 * and the officer who dissuaded (an officer of that unit), else the warning's assignee.
 * Idempotent on the sequence: a warning resolved DISSUADED again keeps the revisits it has; one
 * whose latest attempt was cancelled meanwhile (it was found a false positive, then reopened) is
 * due again — that attempt, the first or one rescheduled after 暂时找不到, reopened.
 * Returns how many revisits were created or reopened.
 */
export async function scheduleRevisits(tx: Tx, actor: Actor, warningId: string, now: Date): Promise<number> {
  const w = await tx.warning.findUniqueOrThrow({ where: { id: warningId }, select: { unitId: true, assigneeId: true } });
  const officerId = actor.kind === "user" && actor.permissions.has("warnings:work") && actor.unitId === w.unitId ? actor.id : w.assigneeId;
  const days = await revisitDays(tx);
  const today = chinaToday(now);
  const ids = days.map(() => uuidv7(now.getTime()));
  const seq = days.map((_, i) => i + 1);
  const due = days.map((d) => addDays(today, d));
  // The caller holds the warning's row lock (it has just resolved it): nobody adds attempts meanwhile.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH x AS (SELECT * FROM unnest(${ids}::uuid[], ${seq}::int[], ${due}::date[]) AS x(id, seq, due)),
    latest AS (
      SELECT DISTINCT ON (sequence) id, sequence, status FROM revisits WHERE "warningId" = ${warningId}::uuid ORDER BY sequence, attempt DESC
    ),
    reopened AS (
      UPDATE revisits r
         SET status = 'OPEN', "dueOn" = x.due, "cancelledAt" = NULL, "officerId" = ${officerId}::uuid, "unitId" = ${w.unitId}::uuid,
             version = r.version + 1, "updatedAt" = ${now}
        FROM latest l JOIN x ON x.seq = l.sequence
       WHERE r.id = l.id AND l.status = 'CANCELLED'
      RETURNING r.id
    ),
    created AS (
      INSERT INTO revisits (id, "warningId", "unitId", "officerId", sequence, attempt, "dueOn", status, "createdAt", "updatedAt")
      SELECT x.id, ${warningId}::uuid, ${w.unitId}::uuid, ${officerId}::uuid, x.seq, 1, x.due, 'OPEN', ${now}, ${now}
        FROM x WHERE NOT EXISTS (SELECT 1 FROM latest l WHERE l.sequence = x.seq)
      RETURNING id
    )
    SELECT id::text FROM reopened UNION ALL SELECT id::text FROM created`;
  return rows.length;
}

/**
 * Cancels a warning's open revisits: it was resolved otherwise (a false positive, already
 * defrauded, unreachable) or merged away. Done and cancelled revisits stay as they are.
 */
export async function cancelRevisits(tx: Tx, warningId: string, now: Date): Promise<number> {
  const { count } = await tx.revisit.updateMany({
    where: { warningId, status: "OPEN" },
    data: { status: "CANCELLED", cancelledAt: now, version: { increment: 1 } },
  });
  return count;
}
