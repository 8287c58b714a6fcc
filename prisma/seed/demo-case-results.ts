// What investigations yield in the demo cases: suspects (some arrested), gangs (some dismantled),
// seized items of every type, and recovered funds returned to victims.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Disposition, RecoveryMethod, SeizedItemType, SuspectStatus } from "@/lib/generated/prisma/enums";
import { maskName } from "@/lib/pii";
import { unitOf, type SeedContext } from "./context";
import type { PlannedCase } from "./demo-cases";
import { idNumberFor, mobile, personName, SUSPECT_REGIONS } from "./people";
import { resolvePeriod } from "@/lib/stats/periods";
import { chinaToday } from "@/lib/time/china";
import { addMs, DAY, HOUR, minBy, yuan, type Rng } from "./random";

export type CaseResultRows = {
  gangs: Prisma.GangCreateManyInput[];
  suspects: Prisma.SuspectCreateManyInput[];
  caseSuspects: Prisma.CaseSuspectCreateManyInput[];
  gangCases: Prisma.GangCaseCreateManyInput[];
  seizedItems: Prisma.SeizedItemCreateManyInput[];
  recoveries: Prisma.FundRecoveryCreateManyInput[];
};

type Event = (c: PlannedCase, kind: string, at: Date, data: Prisma.InputJsonObject) => void;
type SuspectRow = Prisma.SuspectCreateManyInput & { id: string; arrestedAt: Date | null };

const ROLES = [
  "负责收购、出租银行卡（“两卡”）", "负责“跑分”转移赃款", "境外诈骗窝点话务员", "负责架设GOIP设备",
  "负责在短视频平台引流推广", "为诈骗团伙提供手机卡实名认证", "负责取现、“背包客”转运现金",
] as const;

const GANGS = [
  // Gangs of the history, dismantled in last year's year to date, so that this year's 打掉团伙 has
  // a 同比; first, since fewer cases qualify for them.
  { branch: "420302", name: "王某某等人电诈“引流”话务窝点", dismantle: true, old: true },
  { branch: "420303", name: "赵某某等人收购贩卖银行卡团伙", dismantle: true, old: true },
  { branch: "420391", name: "陈某某等人虚假投资平台推广团伙", dismantle: true, old: true },
  // Gangs of cases of the last 450 days.
  { branch: "420302", name: "张某某等人“跑分”洗钱团伙", dismantle: true },
  { branch: "420303", name: "李某某等人帮助信息网络犯罪活动（“两卡”）团伙", dismantle: true },
  { branch: "420381", name: "丹江口GOIP设备架设窝点团伙", dismantle: false },
  { branch: "420391", name: "刷单返利引流推广团伙", dismantle: true },
] as const satisfies readonly { branch: string; name: string; dismantle: boolean; old?: true }[];

const ITEM_TYPES: readonly SeizedItemType[] = ["SIM_CARD", "BANK_CARD", "POS", "GOIP", "PHONE", "COMPUTER", "CASH", "OTHER"];
const QUANTITY: Record<SeizedItemType, readonly [number, number]> = {
  SIM_CARD: [20, 320], BANK_CARD: [5, 90], POS: [1, 6], GOIP: [1, 4], PHONE: [2, 18], COMPUTER: [1, 5], CASH: [1, 1], OTHER: [1, 12],
};

export function buildCaseResults(ctx: SeedContext, planned: PlannedCase[], event: Event): CaseResultRows {
  const { rng, now } = ctx;
  const out: CaseResultRows = { gangs: [], suspects: [], caseSuspects: [], gangCases: [], seizedItems: [], recoveries: [] };
  const suspectsOf = new Map<string, SuspectRow[]>();
  let itemTurn = 0;

  for (const c of planned) {
    const { times } = c;
    const status = c.row.status;
    if (!times.investigatingAt) continue;
    const count = status === "INVESTIGATING" ? rng.int(0, 2) : status === "SUSPENDED" ? 1 : status === "SOLVED" ? rng.int(1, 4) : rng.int(2, 4);
    const list: SuspectRow[] = [];
    for (let k = 0; k < count; k++) {
      const s = suspect(rng, c, now, status === "SUSPENDED" || (status === "INVESTIGATING" && rng.chance(0.6)) ? "WANTED" : null);
      list.push(s);
      out.suspects.push(s);
      out.caseSuspects.push({ caseId: c.row.id, suspectId: s.id, addedAt: s.createdAt });
      event(c, "suspect_added", s.createdAt as Date, { name: maskName(s.name), status: "WANTED" });
      if (s.arrestedAt) event(c, "suspect_status", s.arrestedAt, { name: maskName(s.name), from: "WANTED", to: "ARRESTED" });
    }
    suspectsOf.set(c.row.id, list);

    const arrests = list.map((s) => s.arrestedAt).filter((d): d is Date => d !== null);
    if (arrests.length > 0) {
      const seizedAt = addMs(arrests.reduce((a, b) => (a < b ? a : b)), rng.int(0, 3) * HOUR);
      for (let k = 0, n = rng.int(1, 3); k < n && seizedAt < now; k++) {
        const type = ITEM_TYPES[itemTurn++ % ITEM_TYPES.length]!;
        const [min, max] = QUANTITY[type];
        const cashFen = rng.int(50, 3_000) * 10_000;
        out.seizedItems.push({
          id: rng.uuid(seizedAt), caseId: c.row.id, unitId: c.row.unitId, type, quantity: rng.int(min, max), seizedAt,
          storage: `${c.branch.name}涉案财物管理中心`, disposition: disposition(rng, status, type),
          note: type === "CASH" ? `现金人民币${yuan(cashFen)}元` : null, createdAt: seizedAt, updatedAt: times.closedAt ?? times.prosecutedAt ?? seizedAt,
        });
        event(c, "item_seized", seizedAt, { type, quantity: out.seizedItems.at(-1)!.quantity });
      }
    }

    addRecoveries(rng, now, c, out, event);
  }

  // The year's 同比 range (last year's year to date, as the statistics count it): a case whose
  // arrests all fall in it, most of its suspects arrested, makes a gang of the history dismantled in it.
  const { yearAgo } = resolvePeriod({ period: "year" }, chinaToday(now));
  const dismantledYearAgo = (c: PlannedCase) => {
    const members = suspectsOf.get(c.row.id) ?? [];
    const arrests = members.flatMap((m) => (m.arrestedAt ? [chinaToday(m.arrestedAt)] : []));
    return arrests.length > 0 && arrests.length * 2 >= members.length && arrests.every((day) => day >= yearAgo.from && day <= yearAgo.to);
  };
  const inGang = new Set<string>();
  for (const g of GANGS) {
    const candidates = planned.filter((c) => c.branch.code === g.branch && (suspectsOf.get(c.row.id)?.length ?? 0) > 0 && !inGang.has(c.row.id) &&
      ("old" in g ? dismantledYearAgo(c) : now.getTime() - c.times.reportedAt.getTime() <= 450 * DAY));
    if (candidates.length === 0) continue;
    const cases = rng.sample(candidates, rng.int(1, 3));
    const firstAt = cases.map((c) => c.times.filedAt!).reduce((a, b) => (a < b ? a : b), now);
    const gangId = rng.uuid(firstAt);
    const members = cases.flatMap((c) => suspectsOf.get(c.row.id)!);
    for (const m of members) m.gangId = gangId;
    const arrests = members.map((m) => m.arrestedAt).filter((d): d is Date => d !== null);
    // Dismantled (打掉) once most of its members are in custody; a straggler may still be wanted.
    const dismantledAt = g.dismantle && arrests.length > 0 && arrests.length * 2 >= members.length ? arrests.reduce((a, b) => (a > b ? a : b)) : null;
    out.gangs.push({
      id: gangId, unitId: unitOf(ctx, g.branch).id, name: g.name, dismantledAt,
      note: dismantledAt ? `团伙已打掉，抓获成员${arrests.length}人` : "团伙线索经营中，部分成员在逃",
      createdAt: firstAt, updatedAt: dismantledAt ?? firstAt,
    });
    for (const c of cases) {
      out.gangCases.push({ gangId, caseId: c.row.id });
      inGang.add(c.row.id);
    }
  }
  return out;
}

/** A suspect of case `c`; arrested (and further along with the case) unless `forced` says otherwise. */
function suspect(rng: Rng, c: PlannedCase, now: Date, forced: SuspectStatus | null): SuspectRow {
  const { times } = c;
  const start = times.investigatingAt!;
  // Identified early in the investigation, arrested before the case was solved (or by now).
  const until = times.solvedAt ?? now;
  const createdAt = minBy(addMs(start, (until.getTime() - start.getTime()) * (0.05 + 0.25 * rng.next())), addMs(now, -HOUR));
  const gender = rng.chance(0.85) ? "MALE" : "FEMALE";
  const age = rng.int(19, 46);
  const row: SuspectRow = {
    id: rng.uuid(createdAt), unitId: c.row.unitId, name: personName(rng, gender), idNumber: idNumberFor(rng, now, age, gender, SUSPECT_REGIONS),
    phone: mobile(rng), gender, status: "WANTED", arrestedAt: null, note: rng.pick(ROLES), createdAt, updatedAt: createdAt, version: 1,
  };
  if (forced === "WANTED") return row;
  const arrestedAt = addMs(createdAt, Math.max(HOUR, (until.getTime() - createdAt.getTime()) * (0.2 + 0.7 * rng.next())));
  if (arrestedAt >= now) return row;
  row.arrestedAt = arrestedAt;
  row.status = "ARRESTED";
  row.version = 2;
  const detainedAt = addMs(arrestedAt, DAY);
  if (detainedAt < now && (c.row.status !== "INVESTIGATING" || rng.chance(0.5)) && rng.chance(0.85)) {
    row.detainedAt = detainedAt;
    row.status = "DETAINED";
    row.version = 3;
  }
  if (times.prosecutedAt && row.status === "DETAINED") {
    const releasedAt = addMs(detainedAt, rng.int(10, 30) * DAY);
    if (rng.chance(0.15) && releasedAt < now) {
      row.releasedAt = releasedAt;
      row.status = "RELEASED";
      row.note = `${row.note}；取保候审`;
    } else {
      row.prosecutedAt = times.prosecutedAt;
      row.status = "PROSECUTED";
    }
    row.version = 4;
  }
  row.updatedAt = (row.releasedAt ?? row.prosecutedAt ?? row.detainedAt ?? row.arrestedAt) as Date;
  return row;
}

function disposition(rng: Rng, status: PlannedCase["row"]["status"], type: SeizedItemType): Disposition {
  if (status === "PROSECUTED") return "TRANSFERRED";
  if (status !== "CLOSED") return "HELD";
  if (type === "CASH") return "RETURNED";
  if (type === "SIM_CARD" || type === "BANK_CARD") return "DESTROYED";
  return rng.chance(0.8) ? "CONFISCATED" : "RETURNED";
}

function addRecoveries(rng: Rng, now: Date, c: PlannedCase, out: CaseResultRows, event: Event) {
  const { times, row } = c;
  const solvedLike = times.solvedAt !== undefined;
  if (c.lossFen <= 0 || !(solvedLike || (row.status === "INVESTIGATING" && rng.chance(0.25)))) return;
  const frozen = c.freezes.find((f) => f.kind === "FREEZE");
  const from = times.solvedAt ?? times.investigatingAt!;
  const until = times.closedAt ?? now;
  let leftFen = Math.round(c.lossFen * (0.2 + 0.5 * rng.next()));
  for (let k = 0, n = rng.int(1, 2); k < n && leftFen > 0; k++) {
    const method: RecoveryMethod = frozen && k === 0 ? "FROZEN_FUNDS" : times.closedAt ? rng.pick(["COURT_ORDER", "VOLUNTARY"] as const) : rng.pick(["SEIZED_CASH", "VOLUNTARY", "OTHER"] as const);
    const fen = k === n - 1 ? leftFen : Math.round(leftFen * (0.4 + 0.4 * rng.next()));
    leftFen -= fen;
    const recoveredAt = addMs(from, Math.floor((until.getTime() - from.getTime()) * (0.1 + 0.6 * rng.next())));
    const victim = rng.pick(c.victims);
    const returnedAt = times.closedAt || rng.chance(0.5) ? addMs(recoveredAt, rng.int(3, 20) * DAY) : null;
    const returned = returnedAt && returnedAt < now && (!times.closedAt || returnedAt <= times.closedAt) ? returnedAt : null;
    out.recoveries.push({
      id: rng.uuid(recoveredAt), caseId: row.id, unitId: row.unitId, amount: yuan(fen), recoveredAt, method, victimId: victim.id,
      returnedAmount: returned ? yuan(fen) : "0.00", returnedAt: returned,
      note: method === "FROZEN_FUNDS" ? "冻结资金依法返还被害人" : method === "COURT_ORDER" ? "判决追缴违法所得" : null,
      createdAt: recoveredAt, updatedAt: returned ?? recoveredAt,
    });
    event(c, "recovery_recorded", recoveredAt, { amount: yuan(fen), method, victim: maskName(victim.name) });
  }
}
