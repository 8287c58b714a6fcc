import "server-only";
// Feedback pulled by a feed (GET /api/v1/feedback): the feedback messages of the warnings of the
// key's sources in its jurisdiction, oldest first, with their delivery state.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { command } from "@/lib/commands/command";
import type { Actor } from "@/lib/auth/actor";
import { optional, pastInstantSchema, uuidSchema } from "@/lib/validation/fields";
import { unitSubtree } from "@/lib/units/jurisdiction";
import type { OutboundStatus, WarningSource } from "@/lib/generated/prisma/enums";
import { FEEDBACK_SOURCES, feedbackDeadlineMinutes } from "@/lib/feedback/queue";

export type FeedbackDelivery = "pending" | "sent" | "failed" | "overdue";

/** Sent (accepted by the platform), failed (attempts spent), overdue (not sent by its deadline), else pending. */
export function deliveryOf(m: { status: OutboundStatus; dueAt: Date | null }, now: Date): FeedbackDelivery {
  if (m.status === "SENT" || m.status === "DELIVERED") return "sent";
  if (m.status === "FAILED" || m.status === "CANCELLED") return "failed";
  return m.dueAt && m.dueAt < now ? "overdue" : "pending";
}

export const feedbackQuerySchema = z
  .object({
    /** Feedback written after this instant. */
    since: optional(pastInstantSchema),
    /** The last id of the previous page. */
    cursor: optional(uuidSchema),
  })
  .strict();

const PAGE = 500;

/** One pulled item: the message's delivery and the feedback's own fields (lib/feedback/queue.ts). */
export type FeedbackItem = {
  id: string; createdAt: string; dueAt: string | null; sentAt: string | null; delivery: FeedbackDelivery; attempts: number;
  source: string; externalId: string; warningId: string; event: string; status: string; outcome: string | null; [field: string]: unknown;
};

/** The sources a key pulls feedback on: its bound sources that receive feedback. */
const pullSources = (actor: Actor): WarningSource[] => (actor.sources ?? []).filter((s) => (FEEDBACK_SOURCES as readonly string[]).includes(s));

export const pullFeedback = command({
  name: "feedback.pull", permission: "feedback:pull",
  summary: "Feedback (签收, outcome, amounts) on the warnings of the key's sources sent from its jurisdiction, oldest first",
  input: feedbackQuerySchema, audit: false,
  async run({ actor, input: q, now }) {
    const sources = pullSources(actor);
    const rows = sources.length
      ? await getDb().outboundMessage.findMany({
          where: {
            AND: [
              { channel: "FEEDBACK", warning: { source: { in: sources } } },
              // The jurisdiction of the feed that sent the warning, wherever the warning went since (a
              // transfer): feedback goes back the way the warning came. One entered by hand, where it is.
              { warning: { OR: [{ apiKey: { unit: unitSubtree(actor.scopePath) } }, { apiKeyId: null, unit: unitSubtree(actor.scopePath) }] } },
              q.since ? { createdAt: { gt: q.since } } : {}, q.cursor ? { id: { gt: q.cursor } } : {},
            ],
          },
          orderBy: { id: "asc" }, take: PAGE + 1,
          select: { id: true, body: true, status: true, dueAt: true, sentAt: true, attempts: true, createdAt: true },
        })
      : [];
    const feedback = rows.slice(0, PAGE).map((r): FeedbackItem => ({
      ...(JSON.parse(r.body) as FeedbackItem),
      id: r.id, createdAt: r.createdAt.toISOString(), dueAt: r.dueAt?.toISOString() ?? null, sentAt: r.sentAt?.toISOString() ?? null,
      delivery: deliveryOf(r, now), attempts: r.attempts,
    }));
    return { feedback, nextCursor: rows.length > PAGE ? feedback.at(-1)!.id : null };
  },
});

export type FeedbackTally = Record<FeedbackDelivery, number> & { late: number };
const SOURCES_ORDER = [...FEEDBACK_SOURCES];

/**
 * The outbound page's tally of feedback deliveries per source platform (the root administrator's
 * view), against each message's deadline (FEEDBACK_DEADLINE_MINUTES after its transition): sent
 * (of which `late`: sent after the deadline), failed, overdue (not sent, past the deadline), pending.
 */
export async function feedbackTally(now = new Date()): Promise<{ deadlineMinutes: number; bySource: Record<(typeof FEEDBACK_SOURCES)[number], FeedbackTally> }> {
  const rows = await getDb().$queryRaw<{ source: string; delivery: FeedbackDelivery; n: bigint; late: bigint }[]>`
    SELECT recipient AS source,
           CASE WHEN status IN ('SENT', 'DELIVERED') THEN 'sent' WHEN status IN ('FAILED', 'CANCELLED') THEN 'failed'
                WHEN "dueAt" < ${now}::timestamptz AT TIME ZONE 'UTC' THEN 'overdue' ELSE 'pending' END AS delivery,
           count(*) AS n, count(*) FILTER (WHERE "sentAt" > "dueAt") AS late
      FROM outbound_messages WHERE channel = 'FEEDBACK' GROUP BY 1, 2`;
  const bySource = Object.fromEntries(SOURCES_ORDER.map((s) => [s, { pending: 0, sent: 0, failed: 0, overdue: 0, late: 0 }])) as Record<(typeof FEEDBACK_SOURCES)[number], FeedbackTally>;
  for (const r of rows) {
    const t = bySource[r.source as (typeof FEEDBACK_SOURCES)[number]];
    if (!t) continue;
    t[r.delivery] += Number(r.n);
    if (r.delivery === "sent") t.late += Number(r.late);
  }
  return { deadlineMinutes: feedbackDeadlineMinutes(), bySource };
}
