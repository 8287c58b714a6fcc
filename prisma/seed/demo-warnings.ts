// Demo warnings of the last 30 days with their status history, SLA clocks, dissuasion actions
// and historical SLA breaches.
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  ActionKind,
  ActionResult,
  FraudType,
  Gender,
  RiskLevel,
  RoutedBy,
  WarningOutcome,
  WarningSource,
  WarningStatus,
} from "@/lib/generated/prisma/enums";
import { CASE_TEAMS, OFFICER_OF_UNIT } from "./accounts";
import { branchOf, precincts, unitOf, userOf, type SeedContext, type SeedUnit } from "./context";
import { addressIn, fraudContact, FRAUD_NOTES, FRAUD_TYPE_WEIGHTS, idNumberFor, mobile, personName, VICTIM_AGES } from "./people";
import { addMinutes, addMs, amountFen, chinaDay, chinaTime, createRng, DAY, HOUR, HOUR_WEIGHTS, MINUTE, yuan } from "./random";
import { CENTER_CODE } from "./units";
import { DEFAULT_SLA, REPEAT_BUMP, RISK_WEIGHT } from "@/lib/warnings/sla";
import { CHINA_OFFSET_MS } from "@/lib/time/china";

const HISTORIC_COUNT = 360;
/** Extra 冒充公检法 warnings of elderly victims in the last days (the surge alert's demo). */
const SURGE_COUNT = 24;
const SURGE_SEED = 17_003;
const OPEN_COUNT = 40;

const SOURCE_WEIGHTS: readonly (readonly [WarningSource, number])[] = [
  ["NATIONAL", 30], ["PROVINCIAL", 20], ["BANK", 10], ["CARRIER", 12], ["LOCAL_MODEL", 15], ["HOTLINE", 8], ["WALK_IN", 5],
];
const EXTERNAL_PREFIX: Record<WarningSource, string> = {
  NATIONAL: "GJFZ", PROVINCIAL: "HBST", BANK: "YHFK", CARRIER: "YYS", LOCAL_MODEL: "SYMX", HOTLINE: "96110", WALK_IN: "LFDJ",
};
const AMOUNT_RANGE: Record<RiskLevel, readonly [number, number]> = {
  CRITICAL: [30_000, 800_000], HIGH: [5_000, 200_000], MEDIUM: [1_000, 50_000], LOW: [200, 8_000],
};
// Precincts of the busy urban branches see more warnings.
const BRANCH_LOAD: Record<string, number> = { "420302": 3, "420303": 2.5, "420391": 2, "420390": 0.4 };
const VAGUE_ADDRESSES = ["湖北省十堰市（暂住地不详）", "十堰市区，具体地址待核实", "外地来堰务工，住址未登记"] as const;

/**
 * A repeat victim (一人一档): the person of an open warning of 东城's first precinct was warned twice
 * in the weeks before, and dissuaded at home once. The person links by the phone (migration
 * person_file); the e2e finds the open warning by the tail.
 */
export const REPEAT_VICTIM = { unitCode: "42030201", phone: "13986018675", name: "龚秀珍", age: 72, gender: "FEMALE" as Gender, address: "十堰市张湾区车城路街道柳林路3号" };

function repeatVictim(rows: WarningRows, unitId: string, now: Date) {
  const open = rows.warnings.find((w) => w.status !== "RESOLVED" && w.unitId === unitId);
  const visited = new Set(rows.actions.filter((a) => a.kind === "HOME_VISIT" && a.result === "DISSUADED").map((a) => a.warningId));
  const recent = rows.warnings.filter((w) => w.status === "RESOLVED" && w.outcome === "DISSUADED" && now.getTime() - new Date(w.receivedAt).getTime() < 28 * DAY);
  const earlier = [recent.find((w) => visited.has(w.id)), recent.find((w) => !visited.has(w.id))];
  if (!open || earlier.some((w) => !w)) throw new Error("demo: no warnings for the repeat victim");
  for (const w of [open, ...earlier]) {
    Object.assign(w!, {
      victimName: REPEAT_VICTIM.name, victimPhone: REPEAT_VICTIM.phone, victimIdNumber: null, victimAge: REPEAT_VICTIM.age,
      victimGender: REPEAT_VICTIM.gender, victimAddress: REPEAT_VICTIM.address,
    });
  }
}

export type WarningRows = {
  warnings: Prisma.WarningCreateManyInput[];
  transitions: Prisma.WarningTransitionCreateManyInput[];
  actions: Prisma.DissuasionActionCreateManyInput[];
  breaches: Prisma.SlaBreachCreateManyInput[];
  /** Resolved ALREADY_DEFRAUDED warnings: the cases builder opens a case for each and sets caseId. */
  defrauded: { row: Prisma.WarningCreateManyInput; unit: SeedUnit }[];
};

type Step = { at: Date; kind: ActionKind; result: ActionResult; byCenter: boolean; amount?: boolean; durationSeconds?: number };

export function buildWarnings(ctx: SeedContext): WarningRows {
  const rows: WarningRows = { warnings: [], transitions: [], actions: [], breaches: [], defrauded: [] };
  const { now } = ctx;
  // Swapped for the surge scenario's own generator at the end, so the rest of the dataset is as before.
  let rng = ctx.rng;
  /** The surge scenario's fraud type and ages (null: drawn as usual). */
  let forced: { fraudType: FraudType; ages: readonly [number, number] } | null = null;
  const center = unitOf(ctx, CENTER_CODE);
  const dispatcher = userOf(ctx, "dispatcher");
  const precinctWeights = precincts(ctx).map((u) => [u, BRANCH_LOAD[u.parentCode!] ?? 1] as const);
  const externalSeq = new Map<WarningSource, number>();

  const officerOf = (unit: SeedUnit) => (OFFICER_OF_UNIT[unit.code] ? userOf(ctx, OFFICER_OF_UNIT[unit.code]!) : null);
  /** Who signs for and works a unit's warnings in the demo (null: a precinct without a demo user). */
  const workerOf = (unit: SeedUnit) => (unit.code === CENTER_CODE ? dispatcher : officerOf(unit));

  function pickRouting(): { unit: SeedUnit; routedBy: RoutedBy } {
    if (rng.chance(0.08)) return { unit: center, routedBy: "FALLBACK" };
    return { unit: rng.weighted(precinctWeights), routedBy: rng.chance(0.75) ? "ADDRESS" : "UNIT_CODE" };
  }

  /** The fields every warning has, whatever its status. */
  function draft(unit: SeedUnit, routedBy: RoutedBy, receivedAt: Date, riskLevel: RiskLevel, repeatCount: number) {
    const source = rng.weighted(SOURCE_WEIGHTS);
    const seq = (externalSeq.get(source) ?? 0) + 1;
    externalSeq.set(source, seq);
    const ymd = chinaDay(receivedAt).toISOString().slice(0, 10).replace(/-/g, "");
    const fraudType = forced?.fraudType ?? rng.weighted(FRAUD_TYPE_WEIGHTS);
    const [minAge, maxAge] = forced?.ages ?? VICTIM_AGES[fraudType];
    const age = rng.int(minAge, maxAge);
    const gender: Gender = fraudType === "ROMANCE" ? (rng.chance(0.75) ? "FEMALE" : "MALE") : rng.chance(0.5) ? "FEMALE" : "MALE";
    const manual = source === "HOTLINE" || source === "WALK_IN";
    const hasId = age >= 16 && rng.chance(manual || source === "BANK" ? 0.8 : 0.3);
    const address =
      routedBy === "FALLBACK" ? (rng.chance(0.5) ? rng.pick(VAGUE_ADDRESSES) : null)
      : routedBy === "ADDRESS" || rng.chance(0.6) ? addressIn(rng, unit) : null;
    const contact = fraudContact(rng, fraudType);
    const noAmount = rng.chance(riskLevel === "LOW" ? 0.4 : 0.15);
    const [minAmount, maxAmount] = AMOUNT_RANGE[riskLevel];
    return {
      id: rng.uuid(receivedAt),
      source,
      externalId: `${EXTERNAL_PREFIX[source]}-${ymd}-${String(seq).padStart(6, "0")}`,
      riskLevel,
      fraudType,
      receivedAt,
      repeatCount,
      priority: RISK_WEIGHT[riskLevel] + REPEAT_BUMP * repeatCount,
      victimName: manual || rng.chance(0.85) ? personName(rng, gender) : null,
      victimPhone: mobile(rng),
      victimIdNumber: hasId ? idNumberFor(rng, now, age, gender) : null,
      victimAge: hasId || rng.chance(0.8) ? age : null,
      victimGender: rng.chance(0.9) ? gender : null,
      victimAddress: address,
      contactChannel: contact.channel,
      contactValue: contact.value,
      amountAtRisk: noAmount ? null : yuan(amountFen(rng, minAmount, maxAmount)),
      note: rng.pick(FRAUD_NOTES[fraudType]),
      unitId: unit.id,
      routedBy,
      // 96110 calls are taken at the center; walk-ins are entered where they walk in.
      createdById: source === "HOTLINE" ? dispatcher.id : source === "WALK_IN" ? (officerOf(unit) ?? dispatcher).id : null,
      ackDueAt: addMinutes(receivedAt, DEFAULT_SLA[riskLevel].ackMinutes),
      contactDueAt: addMinutes(receivedAt, DEFAULT_SLA[riskLevel].contactMinutes),
      resolveDueAt: addMinutes(receivedAt, DEFAULT_SLA[riskLevel].resolveMinutes),
      createdAt: receivedAt,
    } satisfies Partial<Prisma.WarningCreateManyInput>;
  }

  function transition(warningId: string, from: WarningStatus | null, to: WarningStatus, at: Date, actorId: string | null, outcome?: WarningOutcome) {
    rows.transitions.push({ id: rng.uuid(at), warningId, fromStatus: from, toStatus: to, at, actorId, outcome: outcome ?? null });
  }

  function lastSeen(receivedAt: Date, until: Date, repeatCount: number): Date {
    if (repeatCount === 0) return receivedAt;
    const span = Math.min(72 * HOUR, until.getTime() - receivedAt.getTime());
    return addMs(receivedAt, Math.floor(span * (0.3 + 0.6 * rng.next())));
  }

  function recentReceivedAt(maxDaysAgo: number, minAgeMs: number): Date {
    for (;;) {
      const at = chinaTime(now, rng.int(0, maxDaysAgo), rng.weighted(HOUR_WEIGHTS), rng.int(0, 59));
      const t = addMs(at, rng.int(0, 59_000));
      if (now.getTime() - t.getTime() >= minAgeMs && now.getTime() - t.getTime() <= (maxDaysAgo + 1) * DAY) return t;
    }
  }

  // ── resolved warnings of the last 30 days ──
  for (let i = 0; i < HISTORIC_COUNT; i++) resolvedWarning(() => recentReceivedAt(29, 3 * HOUR));

  /** One warning worked to the end: its steps, actions, follow-ups and any breaches. */
  function resolvedWarning(receivedAtOf: () => Date) {
    const { unit, routedBy } = pickRouting();
    const risk = rng.weighted([["CRITICAL", 4], ["HIGH", 18], ["MEDIUM", 42], ["LOW", 36]] as const);
    const receivedAt = receivedAtOf();
    const repeatCount = rng.chance(0.08) ? rng.int(1, 3) : 0;
    const w = draft(unit, routedBy, receivedAt, risk, repeatCount);
    const ladder = DEFAULT_SLA[risk];

    // Mostly on time; a few steps late, which shows up as breaches.
    let ackMin = rng.chance(0.94) ? ladder.ackMinutes * (0.1 + 0.8 * rng.next()) : ladder.ackMinutes * (1.05 + rng.next());
    let contactMin = ackMin + Math.max(0.5, (ladder.contactMinutes - ackMin) * (rng.chance(0.95) ? 0.1 + 0.8 * rng.next() : 1.1 + rng.next()));
    let resolveMin = contactMin + Math.max(10, ladder.resolveMinutes * (rng.chance(0.97) ? 0.05 + 0.6 * rng.next() : 1.02 + 0.3 * rng.next()) - contactMin);
    const available = (now.getTime() - receivedAt.getTime()) / MINUTE - 5;
    if (resolveMin > available) {
      const f = available / resolveMin;
      [ackMin, contactMin, resolveMin] = [ackMin * f, contactMin * f, resolveMin * f];
    }
    const acknowledgedAt = addMinutes(receivedAt, ackMin);
    const firstContactAt = addMinutes(receivedAt, contactMin);
    const resolvedAt = addMinutes(receivedAt, resolveMin);

    const canBeCase = unit.kind === "PRECINCT" && CASE_TEAMS[branchOf(ctx, unit).code] !== undefined;
    let outcome = rng.weighted([["DISSUADED", 74], ["UNREACHABLE", 10], ["FALSE_POSITIVE", 13], ["ALREADY_DEFRAUDED", 3]] as const);
    if (outcome === "ALREADY_DEFRAUDED" && !canBeCase) outcome = "DISSUADED";

    const worker = workerOf(unit);
    const actor = worker ?? dispatcher;
    const steps = actionSteps(outcome, unit.code === CENTER_CODE, risk);
    // Spread the steps from the first contact to just before resolution.
    const span = resolvedAt.getTime() - firstContactAt.getTime();
    steps.forEach((s, k) => (s.at = addMs(firstContactAt, k === 0 ? 0 : Math.floor((span * k) / (steps.length + 0.5)))));
    const firstPrecinctStep = steps.find((s) => !s.byCenter);
    const dispatchedAt = firstPrecinctStep && unit.code !== CENTER_CODE ? addMs(firstPrecinctStep.at, -Math.floor(span / (steps.length + 2))) : null;

    for (const s of steps) {
      const byOfficer = !s.byCenter && officerOf(unit);
      const followUp = s.kind === "HOME_VISIT" && s.result === "DISSUADED" && byOfficer && rng.chance(0.6);
      const upcoming = followUp && now.getTime() - resolvedAt.getTime() < 10 * DAY;
      rows.actions.push({
        id: rng.uuid(s.at),
        warningId: w.id,
        unitId: s.byCenter ? center.id : unit.id,
        actorId: s.kind === "ROBOT_CALL" ? null : s.byCenter ? dispatcher.id : (byOfficer ? byOfficer.id : null),
        kind: s.kind,
        result: s.result,
        occurredAt: s.at,
        durationSeconds: s.durationSeconds ?? null,
        amountProtected: s.amount && w.amountAtRisk ? w.amountAtRisk : "0.00",
        fraudType: w.fraudType,
        personFound: s.kind === "HOME_VISIT" ? s.result !== "NOT_FOUND" : null,
        appRegistered: s.result === "DISSUADED" && rng.chance(0.55),
        relativesContacted: s.kind === "RELATIVE_CONTACT",
        note: ACTION_NOTES[s.kind][s.result] ?? null,
        followUpOn: followUp ? chinaDay(upcoming ? addMs(now, rng.int(1, 5) * DAY) : addMs(s.at, rng.int(2, 7) * DAY)) : null,
        followUpDoneAt: followUp && !upcoming ? addMs(s.at, rng.int(2, 7) * DAY + rng.int(1, 8) * HOUR) : null,
        createdAt: s.at,
      });
    }

    const row: Prisma.WarningCreateManyInput = {
      ...w,
      status: "RESOLVED",
      outcome,
      lastSeenAt: lastSeen(receivedAt, resolvedAt, repeatCount),
      assigneeId: worker?.id ?? null,
      dispatchedAt,
      acknowledgedAt,
      firstContactAt,
      resolvedAt,
      slaDueAt: null,
      version: 4 + repeatCount,
      updatedAt: resolvedAt,
    };
    rows.warnings.push(row);
    transition(w.id, null, "PENDING", receivedAt, w.createdById);
    transition(w.id, "PENDING", "ACKNOWLEDGED", acknowledgedAt, actor.id);
    transition(w.id, "ACKNOWLEDGED", "IN_PROGRESS", firstContactAt, actor.id);
    transition(w.id, "IN_PROGRESS", "RESOLVED", resolvedAt, actor.id, outcome);
    for (const [step, due, met] of [["ACK", w.ackDueAt, acknowledgedAt], ["CONTACT", w.contactDueAt, firstContactAt], ["RESOLVE", w.resolveDueAt, resolvedAt]] as const) {
      if (met > due) rows.breaches.push({ id: rng.uuid(due), warningId: w.id, step, unitId: unit.id, dueAt: due, breachedAt: addMinutes(due, 1) });
    }
    if (outcome === "ALREADY_DEFRAUDED") rows.defrauded.push({ row, unit });
  }

  // ── open warnings of the last few hours, some for the officers' precincts, a few overdue ──
  // Overdue ones at each status (i % 3 picks it), two of them in the officers' precincts.
  const overdue = new Set([0, 7, 14, 22, 30]);
  for (let i = 0; i < OPEN_COUNT; i++) {
    const forced = i < 6 ? "42030201" : i < 11 ? "42039101" : null;
    const { unit, routedBy } = forced ? { unit: unitOf(ctx, forced), routedBy: "ADDRESS" as const } : pickRouting();
    const late = overdue.has(i);
    const status: WarningStatus = late
      ? (["PENDING", "ACKNOWLEDGED", "IN_PROGRESS"] as const)[i % 3]!
      : rng.weighted([["PENDING", 4], ["ACKNOWLEDGED", 3], ["IN_PROGRESS", 3]] as const);
    const risk: RiskLevel = late
      ? status === "IN_PROGRESS" ? "CRITICAL" : rng.pick(["CRITICAL", "HIGH", "MEDIUM"] as const)
      : rng.weighted([["CRITICAL", 2], ["HIGH", 5], ["MEDIUM", 8], ["LOW", 5]] as const);
    const ladder = DEFAULT_SLA[risk];
    const cap = 6 * 60; // "the last few hours"
    let ackMin = 0, contactMin = 0, ageMin: number;
    if (status === "PENDING") {
      ageMin = late ? ladder.ackMinutes * 1.5 + rng.int(5, 60) : ladder.ackMinutes * (0.1 + 0.7 * rng.next());
    } else {
      ackMin = ladder.ackMinutes * (0.2 + 0.6 * rng.next());
      if (status === "ACKNOWLEDGED") {
        ageMin = late ? ladder.contactMinutes + rng.int(10, 60) : Math.min(cap, ackMin + 1 + (ladder.contactMinutes - ackMin) * 0.8 * rng.next());
      } else {
        // LOW's 24 h contact window would not fit "the last few hours": first contact comes sooner.
        contactMin = ackMin + (Math.min(ladder.contactMinutes, 150) - ackMin) * (0.2 + 0.6 * rng.next());
        ageMin = late ? ladder.resolveMinutes + rng.int(10, 80) : Math.min(cap, contactMin + 5 + (ladder.resolveMinutes * 0.8 - contactMin) * rng.next());
      }
    }
    const receivedAt = addMinutes(now, -ageMin);
    const repeatCount = rng.chance(0.2) ? rng.int(1, 2) : 0;
    const w = draft(unit, routedBy, receivedAt, risk, repeatCount);
    const worker = workerOf(unit);
    const actor = worker ?? dispatcher;
    const acknowledgedAt = status === "PENDING" ? null : addMinutes(receivedAt, ackMin);
    const firstContactAt = status === "IN_PROGRESS" ? addMinutes(receivedAt, contactMin) : null;
    let dispatchedAt: Date | null = null;
    transition(w.id, null, "PENDING", receivedAt, w.createdById);
    if (acknowledgedAt) transition(w.id, "PENDING", "ACKNOWLEDGED", acknowledgedAt, actor.id);
    if (firstContactAt) {
      transition(w.id, "ACKNOWLEDGED", "IN_PROGRESS", firstContactAt, actor.id);
      const result = rng.chance(0.6) ? "CONNECTED" : "UNANSWERED";
      rows.actions.push({
        id: rng.uuid(firstContactAt), warningId: w.id, unitId: center.id, actorId: dispatcher.id, kind: "HOTLINE_CALL",
        result, occurredAt: firstContactAt, durationSeconds: result === "CONNECTED" ? rng.int(60, 600) : null,
        fraudType: w.fraudType, note: ACTION_NOTES.HOTLINE_CALL[result] ?? null, createdAt: firstContactAt,
      });
      // The center could not stop it by phone: pushed to the precinct for a home visit.
      if (unit.code !== CENTER_CODE) dispatchedAt = addMinutes(firstContactAt, rng.int(2, 8));
    }
    const slaDueAt = !acknowledgedAt ? w.ackDueAt : !firstContactAt ? w.contactDueAt : w.resolveDueAt;
    rows.warnings.push({
      ...w,
      status,
      lastSeenAt: lastSeen(receivedAt, now, repeatCount),
      assigneeId: acknowledgedAt ? (worker?.id ?? null) : null,
      dispatchedAt: dispatchedAt && dispatchedAt < now ? dispatchedAt : null,
      acknowledgedAt,
      firstContactAt,
      slaDueAt,
      version: 1 + (acknowledgedAt ? 1 : 0) + (firstContactAt ? 1 : 0) + repeatCount,
      updatedAt: firstContactAt ?? acknowledgedAt ?? receivedAt,
    });
  }

  // ── the history before the last 30 days, back to the start of last year: a day's intake as busy
  // as the demo month, a little more in last year (the trend the article reports), less on weekends ──
  for (let daysAgo = 30; daysAgo <= ctx.historyDays; daysAgo++) {
    const day = chinaTime(now, daysAgo, 0, 0);
    const lastYear = daysAgo > 365 ? 1.12 : 1;
    const weekend = [0, 6].includes(new Date(day.getTime() + CHINA_OFFSET_MS).getUTCDay()) ? 0.8 : 1;
    const n = Math.round((HISTORIC_COUNT / 30) * lastYear * weekend * (0.75 + 0.5 * rng.next()));
    for (let k = 0; k < n; k++) resolvedWarning(() => addMs(chinaTime(now, daysAgo, rng.weighted(HOUR_WEIGHTS), rng.int(0, 59)), rng.int(0, 59_000)));
  }

  // ── the surge scenario (issue 17): 冒充公检法 calls to elderly people this week, well above the
  // type's level of the weeks before, so the statistics flag it and the duty chief is notified ──
  rng = createRng(SURGE_SEED);
  forced = { fraudType: "IMPERSONATE_OFFICIAL", ages: [61, 82] };
  for (let i = 0; i < SURGE_COUNT; i++) resolvedWarning(() => recentReceivedAt(5, 3 * HOUR));
  forced = null;
  rng = ctx.rng;

  repeatVictim(rows, unitOf(ctx, REPEAT_VICTIM.unitCode).id, now);
  return rows;

  function actionSteps(outcome: WarningOutcome, atCenter: boolean, risk: RiskLevel): Step[] {
    const steps: Step[] = [];
    const call = (kind: ActionKind, result: ActionResult, byCenter: boolean, amount = false): Step => ({
      at: now, kind, result, byCenter, amount,
      durationSeconds: ["HOTLINE_CALL", "ROBOT_CALL", "VIDEO_CALL", "RELATIVE_CONTACT"].includes(kind) && result !== "UNANSWERED" ? rng.int(40, 900) : undefined,
    });
    if ((risk === "LOW" || risk === "MEDIUM") && rng.chance(0.3)) steps.push(call("ROBOT_CALL", rng.chance(0.5) ? "CONNECTED" : "UNANSWERED", true));
    switch (outcome) {
      case "DISSUADED":
        if (atCenter || rng.chance(0.55)) {
          steps.push(call("HOTLINE_CALL", "DISSUADED", true, true));
        } else {
          steps.push(call("HOTLINE_CALL", rng.chance(0.7) ? "CONNECTED" : "REFUSED", true));
          if (rng.chance(0.25)) steps.push(call("RELATIVE_CONTACT", "CONNECTED", false));
          steps.push(call(rng.chance(0.85) ? "HOME_VISIT" : "VIDEO_CALL", "DISSUADED", false, true));
        }
        break;
      case "UNREACHABLE":
        steps.push(call("HOTLINE_CALL", "UNANSWERED", true), call("HOTLINE_CALL", "UNANSWERED", true), call("SMS", "CONNECTED", true));
        if (!atCenter && rng.chance(0.5)) steps.push(call("HOME_VISIT", "NOT_FOUND", false));
        if (risk === "CRITICAL" || (risk === "HIGH" && rng.chance(0.5))) steps.push(call("LINE_RESTRICTION", "CONNECTED", true));
        break;
      case "FALSE_POSITIVE":
        steps.push(call("HOTLINE_CALL", "NOT_FRAUD", true));
        break;
      case "ALREADY_DEFRAUDED":
        steps.push(call("HOTLINE_CALL", "ALREADY_PAID", true));
        if (!atCenter) steps.push(call("HOME_VISIT", "ALREADY_PAID", false));
        break;
    }
    return steps;
  }
}

export const ACTION_NOTES: Record<ActionKind, Partial<Record<ActionResult, string>>> = {
  HOTLINE_CALL: {
    DISSUADED: "96110电话劝阻，当事人认识到被骗，承诺不再转账",
    CONNECTED: "电话已接通，当事人半信半疑，已推送属地派出所上门",
    REFUSED: "当事人拒绝沟通并挂断电话，已推送属地派出所",
    UNANSWERED: "电话无人接听",
    NOT_FRAUD: "经核实为正常业务往来，排除涉诈",
    ALREADY_PAID: "当事人已转账，告知立即报案并保留证据",
  },
  ROBOT_CALL: { CONNECTED: "机器人外呼已播报预警提示", UNANSWERED: "机器人外呼未接通" },
  SMS: { CONNECTED: "已发送96110预警短信" },
  VIDEO_CALL: { DISSUADED: "视频连线讲解诈骗手法，当事人已停止操作" },
  HOME_VISIT: {
    DISSUADED: "民警上门劝阻，现场讲解同类案例，协助卸载涉诈APP",
    NOT_FOUND: "上门未见到本人，已留联系卡并告知社区网格员",
    ALREADY_PAID: "上门核实已被骗，引导至派出所报案",
  },
  COUNTER_INTERCEPT: { DISSUADED: "柜员发现异常汇款报警，民警到场劝阻成功" },
  RELATIVE_CONTACT: { CONNECTED: "已联系当事人亲属协助劝阻" },
  LINE_RESTRICTION: { CONNECTED: "已对涉诈号码提交限制通话申请" },
};
