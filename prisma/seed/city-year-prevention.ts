// City-year prevention and publicity: daily 国家反诈中心APP registrations per precinct and 96110
// consultation calls at the center (each year's sums exact), outreach events whose audiences add
// up to the year's 受教 count, 反诈法 art. 38 measures and 无诈 creation campaigns.
import type pg from "pg";
import type { PublicityKind, TargetGroup } from "@/lib/generated/prisma/enums";
import type { SeedUnit } from "./context";
import { type CityYearCtx, perDay, uuidAt } from "./city-year-context";
import { allocate } from "./city-year-plan";
import { idNumberFor, personName } from "./people";
import { addWorkingDays, DEFAULT_APPEAL_DEADLINE_DAYS } from "@/lib/appeals/deadline";
import { addDays } from "@/lib/time/china";

const DAY = 86_400_000;
type Template = { kind: PublicityKind; group: TargetGroup; title: string; audience: [number, number]; weight: number };
const EVENTS: Template[] = [
  { kind: "COMMUNITY", group: "RESIDENTS", title: "反诈宣传进社区，守好群众“钱袋子”", audience: [60, 400], weight: 30 },
  { kind: "LECTURE", group: "RESIDENTS", title: "“平安课堂+反诈”专题讲座", audience: [40, 260], weight: 16 },
  { kind: "CAMPUS", group: "STUDENTS", title: "“青春无悔 校园无诈”平安课堂进校园", audience: [150, 900], weight: 12 },
  { kind: "ENTERPRISE", group: "ENTERPRISE_STAFF", title: "反诈宣传进企业 职工安全大讲堂", audience: [50, 400], weight: 10 },
  { kind: "ELDERLY", group: "ELDERLY", title: "“谨防诈骗 安享夕阳”老年人防诈专场", audience: [30, 160], weight: 12 },
  { kind: "OTHER", group: "RURAL", title: "赶集日反诈宣传摆摊", audience: [80, 500], weight: 10 },
  { kind: "ONLINE", group: "OTHER", title: "“十堰反诈”新媒体直播", audience: [500, 4_000], weight: 6 },
  { kind: "MEDIA", group: "RESIDENTS", title: "《反诈进行时》广播电视专题", audience: [800, 6_000], weight: 4 },
];
const APPEAL_EVERY = 30;
const APPEAL_OUTCOMES = ["UPHELD", "UPHELD", "REVOKED", "UPHELD", "WITHDRAWN", "UPHELD", "REVOKED", "UPHELD"] as const;
type AppealPlan = { measureId: string; name: string; idNumber: string; receivedOn: string; status: "RECEIVED" | (typeof APPEAL_OUTCOMES)[number]; decidedOn: string | null };

/** The appeal of the k-th measure: received within three weeks of its start, decided within its deadline, or still open near the year's end. */
function planAppeal(k: number, measureId: string, name: string, idNumber: string, startsOn: string, lastDay: string): AppealPlan | null {
  const receivedOn = addDays(startsOn, 1 + (k % 20));
  if (receivedOn > lastDay) return null;
  const decidedOn = addWorkingDays(receivedOn, 3 + (k % 11));
  if (decidedOn > lastDay) return { measureId, name, idNumber, receivedOn, status: "RECEIVED", decidedOn: null };
  return { measureId, name, idNumber, receivedOn, status: APPEAL_OUTCOMES[Math.floor(k / APPEAL_EVERY) % APPEAL_OUTCOMES.length]!, decidedOn };
}

const MEASURES = ["ADMIN_DETENTION", "FINE", "CONFISCATION", "SUSPEND_NON_COUNTER", "RECEIVE_ONLY", "RESTRICT_CALLS", "RESTRICT_NEW_CARDS"] as const;

export async function generatePrevention(ctx: CityYearCtx): Promise<void> {
  const { rng, writer, center, now } = ctx;
  const counts = writer.table("daily_counts", [["id", "uuid"], ["unitId", "uuid"], ["day", "date"], ["metric", '"DailyMetric"'], ["count", "int4"], ["source", '"CountSource"'], ["updatedAt", "timestamp"]]);
  // Registrations: each day's city total split over the precincts by residents.
  const registrations = perDay(ctx, (t) => t.appRegistrations, { noise: 0.25 });
  const population = ctx.precincts.map((p) => p.population ?? 50_000);
  const consultations = perDay(ctx, (t) => t.consultationCalls, { noise: 0.2 });
  for (let i = 0; i < ctx.days.length; i++) {
    const day = ctx.days[i]!;
    const at = new Date(`${day}T12:00:00Z`);
    const split = allocate(registrations[i]!, population.map((p) => p * (0.6 + 0.8 * rng.next())));
    for (let k = 0; k < ctx.precincts.length; k++) {
      if (split[k]) await counts.add([uuidAt(rng, at), ctx.precincts[k]!.id, day, "APP_REGISTRATIONS", split[k]!, "IMPORT", at]);
    }
    await counts.add([uuidAt(rng, at), center.id, day, "CONSULTATION_CALLS", consultations[i]!, "MANUAL", at]);
  }
  await counts.flush();
  ctx.progress("daily counts");

  const events = writer.table("publicity_events", [
    ["id", "uuid"], ["unitId", "uuid"], ["kind", '"PublicityKind"'], ["targetGroup", '"TargetGroup"'], ["title", "text"], ["occurredOn", "date"],
    ["place", "text"], ["audienceCount", "int4"], ["appRegistrations", "int4"], ["materialsCount", "int4"], ["volunteers", "int4"],
    ["createdById", "uuid"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ]);
  for (const { days, targets } of ctx.years.values()) {
    // About one event per 150 people reached; audiences drawn per kind, then scaled to the target.
    const drafts = Array.from({ length: Math.round(targets.outreachAudience / 150) }, () => {
      const t = rng.weighted(EVENTS.map((e) => [e, e.weight] as const));
      return { t, raw: rng.int(t.audience[0], t.audience[1]) };
    });
    const audiences = allocate(targets.outreachAudience, drafts.map((d) => d.raw));
    for (let k = 0; k < drafts.length; k++) {
      const { t } = drafts[k]!;
      const unit: SeedUnit = t.kind === "MEDIA" || t.kind === "ONLINE" ? center : rng.chance(0.15) ? rng.pick(ctx.branches) : rng.weighted(ctx.precinctWeights);
      const day = rng.pick(days);
      const area = unit.kind === "PRECINCT" ? unit : rng.pick(ctx.precincts);
      const at = new Date(`${day}T10:00:00Z`);
      const audience = audiences[k]!;
      await events.add([
        uuidAt(rng, at), unit.id, t.kind, t.group, t.title, day, `${rng.pick(area.addressKeywords)}${t.kind === "CAMPUS" ? "学校报告厅" : t.kind === "ENTERPRISE" ? "企业会议室" : "社区广场"}`,
        audience, Math.round(audience * (0.02 + 0.15 * rng.next())), Math.round(audience * (0.5 + rng.next())), rng.int(0, 12), null, at, at,
      ]);
    }
  }
  await events.flush();

  // 反诈法 art. 38 measures and 无诈 campaigns: a steady trickle, for the publicity pages.
  const measures = writer.table("disciplinary_measures", [
    ["id", "uuid"], ["unitId", "uuid"], ["personName", "text"], ["personIdNumber", "text"], ["measure", '"MeasureKind"'], ["startsOn", "date"],
    ["endsOn", "date"], ["reason", "text"], ["revokedOn", "date"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ]);
  const appeals: AppealPlan[] = [];
  for (let k = 0; k < Math.round(ctx.days.length * 0.8); k++) {
    const day = rng.pick(ctx.days);
    const at = new Date(`${day}T03:00:00Z`);
    const gender = rng.chance(0.75) ? "MALE" : "FEMALE";
    let ends = new Date(at.getTime() + rng.int(15, 365) * DAY).toISOString().slice(0, 10);
    // Drawn in the order the row lists them, as before appeals were added.
    const id = uuidAt(rng, at);
    const unitId = rng.weighted(ctx.branchWeights).id;
    const name = personName(rng, gender);
    const idNumber = idNumberFor(rng, now, rng.int(18, 60), gender);
    const kind = rng.pick(MEASURES);
    // About one measure in thirty is appealed (decided without drawing from the random source, so the rest of the dataset stays as it was).
    const appeal = k % APPEAL_EVERY === 7 ? planAppeal(k, id, name, idNumber, day, ctx.days[ctx.days.length - 1]!) : null;
    if (appeal) appeals.push(appeal);
    const revokedOn = appeal?.status === "REVOKED" ? appeal.decidedOn! : null;
    if (revokedOn && revokedOn < ends) ends = revokedOn;
    await measures.add([id, unitId, name, idNumber, kind, day, ends, "出租、出售本人银行卡/电话卡，依据《反电信网络诈骗法》第三十八条予以惩戒", revokedOn, at, at]);
  }
  await measures.flush();
  const campaigns = writer.table("prevention_campaigns", [
    ["id", "uuid"], ["unitId", "uuid"], ["kind", '"CampaignKind"'], ["name", "text"], ["status", '"CampaignStatus"'], ["startedOn", "date"], ["certifiedOn", "date"],
    ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ]);
  for (const p of ctx.precincts) {
    for (const kind of ["COMMUNITY", "SCHOOL", "ENTERPRISE"] as const) {
      if (!rng.chance(0.6)) continue;
      const started = rng.pick(ctx.days.slice(0, -60));
      const certified = rng.chance(0.6) ? new Date(Date.parse(`${started}T00:00:00Z`) + rng.int(60, 300) * DAY).toISOString().slice(0, 10) : null;
      const done = certified !== null && certified < ctx.days[ctx.days.length - 1]!;
      const at = new Date(`${started}T02:00:00Z`);
      const label = kind === "COMMUNITY" ? "无诈社区" : kind === "SCHOOL" ? "无诈校园" : "无诈企业";
      await campaigns.add([uuidAt(rng, at), p.id, kind, `${rng.pick(p.addressKeywords)}${label}创建`, done ? "CERTIFIED" : "IN_PROGRESS", started, done ? certified : null, at, at]);
    }
  }
  await campaigns.flush();
  // Appeals last: their ids are the only draws added, after everything else.
  const registrar = ctx.users.get("dispatcher2")!;
  const reviewer = ctx.users.get("dispatcher")!;
  const appealRows = writer.table("appeals", [
    ["id", "uuid"], ["measureId", "uuid"], ["appellantName", "text"], ["appellantIdNumber", "text"], ["grounds", "text"], ["receivedOn", "date"], ["deadlineOn", "date"],
    ["status", '"AppealStatus"'], ["registeredById", "uuid"], ["registeredByName", "text"], ["reviewerId", "uuid"], ["reviewerName", "text"],
    ["decisionReason", "text"], ["decidedAt", "timestamp"], ["version", "int4"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ], [measures]);
  for (const a of appeals) {
    const at = new Date(`${a.receivedOn}T02:00:00Z`);
    const decidedAt = a.decidedOn ? new Date(`${a.decidedOn}T07:00:00Z`) : null;
    const open = a.status === "RECEIVED";
    await appealRows.add([
      uuidAt(rng, at), a.measureId, a.name, a.idNumber, "本人银行卡/电话卡系被他人冒用办理，请求撤销惩戒措施", a.receivedOn, addWorkingDays(a.receivedOn, DEFAULT_APPEAL_DEADLINE_DAYS),
      a.status, registrar.id, registrar.displayName, open ? null : reviewer.id, open ? null : reviewer.displayName,
      open ? null : a.status === "WITHDRAWN" ? "申诉人书面撤回" : a.status === "REVOKED" ? "经核查确系被冒用，撤销措施" : "证据不足，维持原措施",
      decidedAt, open ? 1 : 2, at, decidedAt ?? at,
    ]);
  }
  await appealRows.flush();
  ctx.progress("publicity");
}

/**
 * Revisits (回访) of every warning resolved DISSUADED, at the default intervals (the next day and
 * day 7), in one INSERT … SELECT on the loaded warnings (a few thousand rows; the rollup trigger
 * runs once). Those due before `now` are done — 85 % on their day, the rest one to three days
 * late; 84 % confirmed — and the rest open. Ids and choices derive from the warning's id, so the
 * dataset stays deterministic.
 */
export async function generateRevisits(client: pg.ClientBase, now: Date): Promise<number> {
  const { rowCount } = await client.query(
    `INSERT INTO revisits (id, "warningId", "unitId", "officerId", sequence, attempt, "dueOn", status, outcome, note, "doneAt", "doneById", "createdAt", "updatedAt")
     SELECT md5(w.id::text || '/' || s.seq)::uuid, w.id, w."unitId", w."assigneeId", s.seq, 1, d.due,
            CASE WHEN d.done THEN 'DONE' ELSE 'OPEN' END::"RevisitStatus",
            CASE WHEN d.done THEN (CASE WHEN h.v < 84 THEN 'CONFIRMED' WHEN h.v < 90 THEN 'TEMP_UNREACHABLE' WHEN h.v < 94 THEN 'UNREACHABLE'
                                        WHEN h.v < 97 THEN 'INFO_MISMATCH' ELSE 'DUPLICATE' END)::"RevisitOutcome" END,
            NULL,
            CASE WHEN d.done THEN least(d.due + ((CASE WHEN h.l < 85 THEN 0 ELSE 1 + h.l % 3 END) || ' days')::interval + interval '2 hours', $1::timestamp) END,
            CASE WHEN d.done THEN w."assigneeId" END,
            w."resolvedAt", w."resolvedAt"
       FROM warnings w
       CROSS JOIN (VALUES (1, 1), (2, 7)) AS s(seq, days)
       CROSS JOIN LATERAL (SELECT abs(hashtext(w.id::text || s.seq)) % 100 AS v, abs(hashtext(s.seq || w.id::text)) % 100 AS l) h
       CROSS JOIN LATERAL (
         SELECT ((w."resolvedAt" + interval '8 hours')::date + s.days) AS due,
                ((w."resolvedAt" + interval '8 hours')::date + s.days) < ($1::timestamp + interval '8 hours')::date AS done
       ) d
      WHERE w.status = 'RESOLVED' AND w.outcome = 'DISSUADED'`,
    [now],
  );
  return rowCount ?? 0;
}
