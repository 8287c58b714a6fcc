import "server-only";
// The dissuasion ladder (issue 16 item 3): the messages a warning's risk level calls for, written
// in the transaction that records the warning; each receipt moves it on (a reached person ends it,
// an unanswered call redials, then hands over to people: a 96110 call task, then a visit task);
// a person's action on the warning stops it. Every result is an automatic dissuasion action (no
// actor) in the warning's action log, and every rung's firing and result, the hand-over rungs
// included, an entry of its timeline (dissuasion_ladder_events).
import type { Sql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUnderSql, scopePathSql } from "@/lib/units/jurisdiction";
import type { FraudType, OutboundChannel, RiskLevel } from "@/lib/generated/prisma/enums";
import type { ActionKind, ActionResult, LadderEventKind, WarningStatus } from "@/lib/generated/prisma/enums";
import { notifyWarningEvent } from "@/lib/warnings/events";
import { DEFAULT_LADDER, OUTBOUND_LADDER_KEY, ladderSchema, type Ladder } from "@/lib/outbound/ladder-config";
import { DEFAULT_TEMPLATES, OUTBOUND_TEMPLATES_KEY, isPersonChannel, render, salutation, type PersonChannel, type Templates } from "@/lib/outbound/templates";
import type { ReceiptResult } from "@/lib/outbound/gateway";

export type LadderWarning = {
  id: string; riskLevel: RiskLevel; fraudType: FraudType; victimName: string | null; victimGender: string | null; victimPhone: string;
};

export type OutboundSettings = { ladder: Ladder; templates: Templates };
export type SettingRow = { key: string; value: unknown };

/** The ladder's and templates' rows of app_settings, as a JSON array: a subquery for a statement of the caller's. */
export const outboundSettingsQuery = (): Prisma.Sql => Prisma.sql`
  (SELECT coalesce(json_agg(json_build_object('key', key, 'value', value)), '[]') FROM app_settings WHERE key IN (${OUTBOUND_LADDER_KEY}, ${OUTBOUND_TEMPLATES_KEY}))`;

/** The ladder and templates in force (the defaults until an administrator saves them). */
export async function outboundSettings(sql: Sql): Promise<OutboundSettings> {
  const [{ settings }] = await sql.$queryRaw<[{ settings: SettingRow[] }]>`SELECT ${outboundSettingsQuery()} AS settings`;
  return outboundSettingsOf(settings);
}

/** The settings from their rows (see outboundSettingsQuery). */
export function outboundSettingsOf(rows: SettingRow[]): OutboundSettings {
  const ladder = ladderSchema.safeParse(rows.find((r) => r.key === OUTBOUND_LADDER_KEY)?.value);
  const saved = rows.find((r) => r.key === OUTBOUND_TEMPLATES_KEY)?.value as Partial<Templates> | undefined;
  const templates: Templates = {
    SMS: { ...DEFAULT_TEMPLATES.SMS, ...saved?.SMS }, FLASH: { ...DEFAULT_TEMPLATES.FLASH, ...saved?.FLASH }, ROBOT_CALL: { ...DEFAULT_TEMPLATES.ROBOT_CALL, ...saved?.ROBOT_CALL },
  };
  return { ladder: ladder.success ? ladder.data : DEFAULT_LADDER, templates };
}

type Row = { warningId: string; channel: OutboundChannel; recipient: string; body: string; rung: string; notBefore: Date };

/** Inserts the messages, and runs `then` (a statement of the caller's) in the same round trip. */
const insertMessages = (rows: Row[], then: Prisma.Sql) => Prisma.sql`
  WITH messages AS (
    INSERT INTO outbound_messages (id, "warningId", channel, recipient, body, rung, "notBefore", "updatedAt")
    SELECT uuid_time(), w::uuid, c::"OutboundChannel", r, b, g, n::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM unnest(${rows.map((r) => r.warningId)}::text[], ${rows.map((r) => r.channel)}::text[], ${rows.map((r) => r.recipient)}::text[],
                  ${rows.map((r) => r.body)}::text[], ${rows.map((r) => r.rung)}::text[], ${rows.map((r) => r.notBefore.toISOString())}::text[]) AS t(w, c, r, b, g, n))
  ${then}`;

/**
 * Starts the ladder of each new warning whose risk level has one, inside the caller's transaction
 * (ingestion's, the manual form's), with the settings it read under its lock: the first rung's
 * messages and the ladder's row, in one statement.
 */
export async function startLadders(sql: Sql, warnings: LadderWarning[], now: Date, { ladder, templates }: OutboundSettings): Promise<number> {
  if (!warnings.length) return 0;
  const rows: Row[] = [];
  const started: LadderWarning[] = [];
  for (const w of warnings) {
    const r = ladder[w.riskLevel];
    const vars = { name: salutation(w.victimName, w.victimGender), fraudType: w.fraudType };
    const base = { warningId: w.id, recipient: w.victimPhone };
    if (r.sms) rows.push({ ...base, channel: "SMS", body: render(templates.SMS[w.fraudType], vars), rung: "SMS", notBefore: now });
    if (r.flash) rows.push({ ...base, channel: "FLASH", body: render(templates.FLASH[w.fraudType], vars), rung: "FLASH", notBefore: now });
    if (r.robotCallAfterSeconds !== null) {
      rows.push({ ...base, channel: "ROBOT_CALL", body: render(templates.ROBOT_CALL[w.fraudType], vars), rung: "ROBOT_CALL#1", notBefore: new Date(now.getTime() + r.robotCallAfterSeconds * 1000) });
    }
    if (r.sms || r.flash || r.robotCallAfterSeconds !== null) started.push(w);
  }
  if (!started.length) return 0;
  await sql.$executeRaw`${insertMessages(rows, Prisma.sql`
    INSERT INTO dissuasion_ladders ("warningId", "riskLevel", status, "robotCalls", "startedAt", "updatedAt")
    SELECT w::uuid, r::"RiskLevel", 'RUNNING', c, ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(${started.map((w) => w.id)}::text[], ${started.map((w) => w.riskLevel)}::text[],
                  ${started.map((w) => (ladder[w.riskLevel].robotCallAfterSeconds === null ? 0 : 1))}::int[]) AS t(w, r, c)
    ON CONFLICT ("warningId") DO NOTHING`)}`;
  return rows.length;
}

/**
 * What a person did that stopped the ladder, for its timeline: a dissuasion action of some kind and
 * result (a typed call, a 96110 call event, a visit), or a transition to a status.
 */
export type LadderCause = `action:${ActionKind}:${ActionResult}` | `status:${WarningStatus}`;

/**
 * A person acted on the warning (a transition, a logged call or visit): the automatic rungs stop,
 * messages not yet sent are cancelled, and the timeline says so — the ladder stopped (it was still
 * running), or the hand-over rung in hand (the 96110 call task, or the visit task once it fired)
 * taken up by that person. Returns how many messages were cancelled.
 */
export async function stopLadder(sql: Sql, warningId: string, now: Date, cause: LadderCause): Promise<number> {
  const [before] = await sql.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM dissuasion_ladders WHERE "warningId" = ${warningId}::uuid AND status IN ('RUNNING', 'HANDED_OVER') FOR UPDATE`;
  if (!before) return 0;
  await sql.$executeRaw`
    UPDATE dissuasion_ladders SET status = 'STOPPED', "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC' WHERE "warningId" = ${warningId}::uuid`;
  if (before.status === "RUNNING") await ladderEvent(sql, warningId, "LADDER", "STOPPED", cause, now);
  else {
    const [visit] = await sql.$queryRaw<{ n: number }[]>`
      SELECT 1 AS n FROM dissuasion_ladder_events WHERE "warningId" = ${warningId}::uuid AND rung = 'HOME_VISIT' AND event = 'FIRED'`;
    await ladderEvent(sql, warningId, visit ? "HOME_VISIT" : "HUMAN_CALL", "RESULT", cause, now);
  }
  return sql.$executeRaw`
    UPDATE outbound_messages SET status = 'CANCELLED', "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
     WHERE "warningId" = ${warningId}::uuid AND status = 'PENDING' AND channel <> 'FEEDBACK'`;
}

/**
 * One rung's firing or result on the warning's timeline (dissuasion_ladder_events), announced to the
 * pages showing the warning (they re-render live). Once per rung and event: a repeat writes nothing.
 */
async function ladderEvent(sql: Sql, warningId: string, rung: string, event: LadderEventKind, result: string | null, at: Date): Promise<void> {
  const n = await sql.$executeRaw`
    INSERT INTO dissuasion_ladder_events (id, "warningId", rung, event, result, at)
    SELECT uuid_time(), ${warningId}::uuid, ${rung}, ${event}::"LadderEventKind", ${result},
           -- A result never precedes its firing (the gateway's clock against ours).
           GREATEST(${at}::timestamptz AT TIME ZONE 'UTC', (SELECT max(f.at) FROM dissuasion_ladder_events f WHERE f."warningId" = ${warningId}::uuid AND f.rung = ${rung} AND f.event = 'FIRED'))
     WHERE NOT EXISTS (SELECT 1 FROM dissuasion_ladder_events e WHERE e."warningId" = ${warningId}::uuid AND e.rung = ${rung} AND e.event = ${event}::"LadderEventKind")`;
  if (!n) return;
  const [w] = await sql.$queryRaw<{ unitId: string; status: string; version: number }[]>`
    SELECT "unitId"::text AS "unitId", status::text AS status, version FROM warnings WHERE id = ${warningId}::uuid`;
  if (w) await notifyWarningEvent(sql, { kind: "changed", id: warningId, ...w });
}

/** A person's message went out: the gateway took it (the worker), or its receipt came first. */
export async function ladderFired(sql: Sql, m: Message, at: Date): Promise<void> {
  if (m.warningId && m.rung && isPersonChannel(m.channel)) await ladderEvent(sql, m.warningId, m.rung, "FIRED", null, at);
}

const TIMELINE: Record<ReceiptResult | "FAILED", ActionResult> = {
  DELIVERED: "CONNECTED", UNDELIVERED: "UNANSWERED", ANSWERED: "CONNECTED", LISTENED_TO_END: "CONNECTED",
  HUNG_UP: "REFUSED", UNREACHABLE: "UNANSWERED", FAILED: "UNANSWERED",
  // A partner's answer never reaches a warning's timeline (lib/requests/answers.ts takes it).
  ACCEPTED: "CONNECTED", REJECTED: "REFUSED",
};
const RESULT_ZH: Record<ReceiptResult | "FAILED", string> = {
  DELIVERED: "已送达", UNDELIVERED: "未送达", ANSWERED: "已接听", LISTENED_TO_END: "已听完", HUNG_UP: "接听后挂断", UNREACHABLE: "无法接通", FAILED: "网关发送失败",
  ACCEPTED: "已受理", REJECTED: "被拒绝",
};
/** The channels of the ladder's own messages: a person's SMS, 闪信 and robot call. */
const CHANNEL_ZH: Record<PersonChannel, string> = { SMS: "预警短信", FLASH: "闪信", ROBOT_CALL: "机器人外呼" };
const KIND: Record<PersonChannel, ActionKind> = { SMS: "SMS", FLASH: "SMS", ROBOT_CALL: "ROBOT_CALL" };

type Message = { id: string; warningId: string | null; channel: OutboundChannel; rung: string | null };

/** The result of one message, on its warning's timeline and on its ladder. Runs in the caller's transaction. */
export async function recordResult(sql: Sql, m: Message, result: ReceiptResult | "FAILED", at: Date): Promise<void> {
  // Feedback to a source platform and a partner request are no dissuasion: their delivery is
  // tracked on their message (and request) only.
  if (!m.warningId || !isPersonChannel(m.channel)) return;
  const channel = m.channel;
  const rung = m.rung ?? channel;
  if (result !== "FAILED") await ladderFired(sql, { ...m, rung }, at);
  await ladderEvent(sql, m.warningId, rung, "RESULT", result, at);
  await sql.$executeRaw`
    INSERT INTO dissuasion_actions (id, "warningId", "unitId", kind, result, "occurredAt", note, "updatedAt")
    SELECT uuid_time(), w.id, w."unitId", ${KIND[channel]}::"ActionKind", ${TIMELINE[result]}::"ActionResult",
           ${at}::timestamptz AT TIME ZONE 'UTC', ${`自动劝阻：${CHANNEL_ZH[channel]}${m.rung?.includes("#") ? `（第${m.rung.split("#")[1]}次）` : ""}${RESULT_ZH[result]}`},
           now() AT TIME ZONE 'UTC'
      FROM warnings w WHERE w.id = ${m.warningId}::uuid`;
  if (m.channel !== "ROBOT_CALL") return;
  const [ladder] = await sql.$queryRaw<{ status: string; riskLevel: RiskLevel; robotCalls: number }[]>`
    SELECT status::text AS status, "riskLevel"::text AS "riskLevel", "robotCalls" FROM dissuasion_ladders
     WHERE "warningId" = ${m.warningId}::uuid FOR UPDATE`;
  if (!ladder || ladder.status !== "RUNNING") return;
  const reached = result === "ANSWERED" || result === "LISTENED_TO_END";
  if (reached) {
    await sql.$executeRaw`UPDATE dissuasion_ladders SET status = 'REACHED', "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "warningId" = ${m.warningId}::uuid`;
    return;
  }
  const { ladder: config } = await outboundSettings(sql);
  const rungs = config[ladder.riskLevel];
  // Only the latest call redials (an older call's late receipt changes nothing).
  if (m.rung !== `ROBOT_CALL#${ladder.robotCalls}`) return;
  if (ladder.robotCalls < 1 + rungs.redials) {
    const n = ladder.robotCalls + 1;
    await sql.$executeRaw`
      INSERT INTO outbound_messages (id, "warningId", channel, recipient, body, rung, "notBefore", "updatedAt")
      SELECT uuid_time(), o."warningId", 'ROBOT_CALL', o.recipient, o.body, ${`ROBOT_CALL#${n}`},
             ${new Date(at.getTime() + rungs.redialEverySeconds * 1000)}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM outbound_messages o WHERE o.id = ${m.id}::uuid`;
    await sql.$executeRaw`UPDATE dissuasion_ladders SET "robotCalls" = ${n}, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "warningId" = ${m.warningId}::uuid`;
    return;
  }
  await handOver(sql, m.warningId, rungs.humanCall, rungs.visitAfterMinutes, at);
}

/**
 * The automatic rungs are spent and nobody answered: a 96110 call task for the people who work the
 * warning (the dispatchers over its unit and the unit's officers, as an SLA breach notifies them),
 * and, unless a person acts within visitAfterMinutes, a home visit task (lib/outbound/worker.ts).
 */
async function handOver(sql: Sql, warningId: string, humanCall: boolean, visitAfterMinutes: number | null, at: Date) {
  await sql.$executeRaw`UPDATE dissuasion_ladders SET status = 'HANDED_OVER', "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "warningId" = ${warningId}::uuid`;
  if (humanCall) {
    await notifyUnit(sql, warningId, "ladder_call", {});
    // Handed over by the last call's result: just after it on the timeline.
    await ladderEvent(sql, warningId, "HUMAN_CALL", "FIRED", null, new Date(at.getTime() + 1));
  }
  if (visitAfterMinutes !== null) {
    const runAt = new Date(at.getTime() + visitAfterMinutes * 60_000);
    // The job schema exists once a worker has started (no worker: no receipts, no hand-over).
    const [q] = await sql.$queryRaw<{ ok: boolean }[]>`SELECT to_regnamespace('graphile_worker') IS NOT NULL AS ok`;
    if (q?.ok) await sql.$executeRaw`
      SELECT graphile_worker.add_job('ladder_visit', json_build_object('warningId', ${warningId}::text), run_at => ${runAt}::timestamptz, job_key => ${`ladder_visit:${warningId}`})`;
  }
}

/** How long the precinct has for the home visit the ladder hands over. */
const VISIT_SLA_MS = 24 * 3600_000;

/** The visit rung, when its time has come: only if nobody acted on the warning meanwhile. */
export async function visitRung(sql: Sql, warningId: string, now: Date): Promise<boolean> {
  const [l] = await sql.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM dissuasion_ladders WHERE "warningId" = ${warningId}::uuid FOR UPDATE`;
  if (l?.status !== "HANDED_OVER") return false;
  // A task, not a dissuasion action: the visit is counted when an officer records it (lib/field).
  await notifyUnit(sql, warningId, "ladder_visit", { dueAt: new Date(now.getTime() + VISIT_SLA_MS).toISOString() });
  await ladderEvent(sql, warningId, "HOME_VISIT", "FIRED", null, now);
  return true;
}

async function notifyUnit(sql: Sql, warningId: string, kind: "ladder_call" | "ladder_visit", data: Record<string, unknown>) {
  await sql.$executeRaw`
    INSERT INTO notifications (id, "userId", kind, "dedupeKey", "entityType", "entityId", data)
    SELECT uuid_time(), u.id, ${kind}, ${kind} || ':' || w.id, 'Warning', w.id, ${JSON.stringify(data)}::jsonb
      FROM warnings w JOIN units wu ON wu.id = w."unitId"
      JOIN users u ON u.active AND ((u.role = 'OFFICER' AND u."unitId" = wu.id)
        OR (${kind} = 'ladder_call' AND u.role = 'DISPATCHER' AND EXISTS (
              SELECT 1 FROM units du LEFT JOIN units dp ON dp.id = du."parentId"
               WHERE du.id = u."unitId" AND ${isUnderSql(Prisma.raw("wu.path"), scopePathSql("du", "dp"))})))
     WHERE w.id = ${warningId}::uuid
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING`;
}
