import "server-only";
// Feedback upstream (issue 16 item 6): the 签收 and the result (outcome, amounts) of every warning
// that came from the national or provincial platform go back to that platform through the outbox
// (lib/outbound, channel FEEDBACK; ids time-ordered, the pull's cursor): written in the transaction of the transition that causes them
// (applyTransition), delivered by the worker to UPSTREAM_FEEDBACK_URL/v1/feedback with the message
// id as the idempotency key, each with its deadline (dueAt): sent / failed / overdue (queries.ts).
import type { Sql } from "@/lib/db";
import { outboundEnv } from "@/lib/env";
import { uuidv7 } from "@/lib/ids";

/** The sources that receive feedback. */
export const FEEDBACK_SOURCES = ["NATIONAL", "PROVINCIAL"] as const;
export type FeedbackEvent = "ACKNOWLEDGED" | "RESOLVED";

/** How long after the transition its feedback must be sent (FEEDBACK_DEADLINE_MINUTES, default 60). */
export function feedbackDeadlineMinutes(env = outboundEnv()): number {
  const n = Number(env.FEEDBACK_DEADLINE_MINUTES);
  return Number.isInteger(n) && n > 0 && n <= 7 * 24 * 60 ? n : 60;
}

/**
 * Queues the feedback of one transition of a warning from a feedback source (nothing for the
 * others), in the caller's transaction, after the warning's row was updated: the body is the
 * warning's state as it now stands. No victim data leaves: ids, status, outcome, amounts, unit —
 * and, for a warning transferred out of the city (TRANSFERRED_OUT), where it went (`destination`).
 */
export async function queueFeedback(sql: Sql, warningId: string, event: FeedbackEvent, now: Date, destination: string | null = null): Promise<number> {
  const due = new Date(now.getTime() + feedbackDeadlineMinutes() * 60_000);
  return sql.$executeRaw`
    INSERT INTO outbound_messages (id, "warningId", channel, recipient, body, rung, "notBefore", "dueAt", "updatedAt")
    SELECT ${uuidv7(now.getTime())}::uuid, w.id, 'FEEDBACK', w.source::text,
           json_build_object(
             'source', w.source, 'externalId', w."externalId", 'warningId', w.id, 'event', ${event}::text,
             'status', w.status, 'outcome', w.outcome, 'unitCode', u.code, 'unitName', u.name,
             'acknowledgedAt', to_char(w."acknowledgedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'resolvedAt', to_char(w."resolvedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'amountAtRisk', w."amountAtRisk"::text,
             'amountProtected', (SELECT coalesce(sum(a."amountProtected"), 0)::numeric(14, 2)::text FROM dissuasion_actions a WHERE a."warningId" = w.id),
             'caseId', w."caseId",
             'destination', ${destination}::text,
             'at', ${now.toISOString()}::text)::text,
           ${`FEEDBACK:${event}`}, ${now}::timestamptz AT TIME ZONE 'UTC', ${due}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM warnings w JOIN units u ON u.id = w."unitId"
     WHERE w.id = ${warningId}::uuid AND w.source::text = ANY(${[...FEEDBACK_SOURCES]}::text[])`;
}
