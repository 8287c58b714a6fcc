import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { command } from "@/lib/commands/command";
import { toWarningRow, warningRowSelect } from "@/lib/warnings/dto";
import { tasksQuerySchema } from "@/lib/field/schemas";
import { listFollowUps, type FollowUp } from "@/lib/field/follow-ups";
import { dueRevisits } from "@/lib/revisits/queries";
import { openAppFollowUps } from "@/lib/appfollowups/queries";

export const OPEN_STATUSES = ["PENDING", "ACKNOWLEDGED", "IN_PROGRESS"] as const;
const MAX_TASKS = 100;

/**
 * An officer's home: the precinct's open warnings, most urgent first (the SLA step due soonest,
 * then priority), each with its open follow-up if one is scheduled; and the follow-ups of
 * resolved warnings and standalone records (counter interceptions), missed ones first; and the
 * revisits of dissuaded people due today or overdue; and the people to help install the app.
 */
export const myTasks = command({
  name: "field.tasks", permission: "warnings:work",
  summary: "The caller's precinct's open warnings and follow-ups, most urgent first",
  input: tasksQuerySchema, audit: false,
  run: async ({ actor, input: q, db, now }) => {
    const open: Prisma.WarningWhereInput = { unitId: actor.unitId, status: { in: [...OPEN_STATUSES] } };
    const where = q.show === "mine" ? { ...open, assigneeId: actor.id } : q.show === "unclaimed" ? { ...open, assigneeId: null } : open;
    const [rows, followUps, all, mine, unclaimed, overdue, revisits, appFollowUps] = await Promise.all([
      db.warning.findMany({ where, orderBy: [{ slaDueAt: "asc" }, { priority: "desc" }, { id: "asc" }], take: MAX_TASKS, select: warningRowSelect }),
      listFollowUps(actor, now),
      db.warning.count({ where: open }),
      db.warning.count({ where: { ...open, assigneeId: actor.id } }),
      db.warning.count({ where: { ...open, assigneeId: null } }),
      db.warning.count({ where: { ...open, slaDueAt: { lt: now } } }),
      dueRevisits(actor, now),
      openAppFollowUps(actor),
    ]);
    const onOpenWarning = new Map<string, FollowUp>();
    for (const f of followUps) {
      if (f.warningId && f.warningStatus !== "RESOLVED" && !onOpenWarning.has(f.warningId)) onOpenWarning.set(f.warningId, f);
    }
    return {
      show: q.show,
      warnings: rows.map((r) => ({
        ...toWarningRow(r), mine: r.assignee?.id === actor.id, overdue: !!r.slaDueAt && r.slaDueAt < now, followUp: onOpenWarning.get(r.id) ?? null,
      })),
      followUps: followUps.filter((f) => !f.warningId || f.warningStatus === "RESOLVED"),
      // The unit's revisits (回访) due today and overdue, the caller's own first.
      revisits,
      // The unit's people dissuaded with no anti-fraud app recorded (APP回访), the caller's own first.
      appFollowUps,
      counts: { all, mine, unclaimed, overdue, missedFollowUps: followUps.filter((f) => f.state === "missed").length, overdueRevisits: revisits.filter((r) => r.due === "overdue").length },
    };
  },
});

export type MyTasks = Awaited<ReturnType<typeof myTasks>>;
export type TaskWarning = MyTasks["warnings"][number];
