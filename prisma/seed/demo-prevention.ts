// Prevention and publicity demo data: outreach events, daily app-registration and 96110
// consultation counts, 反诈法 art. 38 measures, and 无诈 creation campaigns.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignKind, CampaignStatus, MeasureKind, PublicityKind, TargetGroup } from "@/lib/generated/prisma/enums";
import { OFFICER_OF_UNIT } from "./accounts";
import { branchOf, precincts, unitOf, userOf, type SeedContext, type SeedUnit } from "./context";
import type { PlannedCase } from "./demo-cases";
import { idNumberFor, personName } from "./people";
import { addMs, chinaDay, DAY, HOUR } from "./random";
import { CENTER_CODE } from "./units";
import { addWorkingDays, DEFAULT_APPEAL_DEADLINE_DAYS, deadlineFlag } from "@/lib/appeals/deadline";
import { dateToDay, dayToDate } from "@/lib/time/china";

const PUBLICITY_COUNT = 60;
const MEASURE_COUNT = 15;

export type PreventionRows = {
  publicity: Prisma.PublicityEventCreateManyInput[];
  dailyCounts: Prisma.DailyCountCreateManyInput[];
  measures: Prisma.DisciplinaryMeasureCreateManyInput[];
  campaigns: Prisma.PreventionCampaignCreateManyInput[];
  appeals: Prisma.AppealCreateManyInput[];
};

type EventTemplate = { group: TargetGroup; title: string; place: (unit: SeedUnit, kw: string) => string; audience: [number, number] };

const SCHOOLS = ["湖北汽车工业学院", "湖北医药学院", "汉江师范学院", "十堰市第一中学", "郧阳中学", "十堰职业技术学院"] as const;
const COMPANIES = ["东风商用车有限公司", "东风康明斯发动机有限公司", "十堰市人民医院", "中国移动十堰分公司", "湖北中烟十堰卷烟厂"] as const;

const TEMPLATES: Record<PublicityKind, EventTemplate[]> = {
  LECTURE: [
    { group: "RESIDENTS", title: "“平安课堂+反诈”专题讲座", place: (_u, kw) => `${kw}社区党群服务中心`, audience: [50, 300] },
    { group: "ENTERPRISE_STAFF", title: "机关单位干部职工反诈知识讲座", place: (u) => `${u.name.replace(/派出所|分局|公安局/, "")}政务中心会议室`, audience: [60, 260] },
  ],
  CAMPUS: [
    { group: "STUDENTS", title: "“青春无悔 校园无诈”平安课堂进校园", place: () => "", audience: [200, 1200] },
    { group: "STUDENTS", title: "高考反诈防骗主题班会", place: () => "", audience: [150, 800] },
  ],
  COMMUNITY: [{ group: "RESIDENTS", title: "反诈宣传进社区，守好群众“钱袋子”", place: (_u, kw) => `${kw}社区广场`, audience: [100, 600] }],
  ENTERPRISE: [{ group: "ENTERPRISE_STAFF", title: "反诈宣传进企业 职工安全大讲堂", place: () => "", audience: [80, 500] }],
  ELDERLY: [{ group: "ELDERLY", title: "“谨防诈骗 安享夕阳”老年人防诈专场", place: (_u, kw) => `${kw}老年活动中心`, audience: [40, 200] }],
  ONLINE: [
    { group: "RESIDENTS", title: "“十堰反诈”抖音直播：揭秘刷单返利骗局", place: () => "抖音“十堰反诈”直播间", audience: [2_000, 30_000] },
    { group: "OTHER", title: "微信公众号推送《警惕冒充客服退款诈骗》", place: () => "“平安十堰”微信公众号", audience: [3_000, 20_000] },
  ],
  MEDIA: [{ group: "RESIDENTS", title: "十堰广播电视台《反诈进行时》专题节目", place: () => "十堰广播电视台", audience: [10_000, 80_000] }],
  OTHER: [{ group: "RURAL", title: "赶集日反诈宣传摆摊", place: (_u, kw) => `${kw}集市`, audience: [100, 800] }],
};

const KINDS: readonly PublicityKind[] = ["LECTURE", "CAMPUS", "COMMUNITY", "ENTERPRISE", "ELDERLY", "ONLINE", "MEDIA", "OTHER"];

export function buildPrevention(ctx: SeedContext, cases: PlannedCase[]): PreventionRows {
  const rows = {
    publicity: publicityEvents(ctx),
    dailyCounts: dailyCounts(ctx),
    measures: measures(ctx, cases),
    campaigns: campaigns(ctx),
  };
  // Last: the appeals draw their ids after everything else, so the rest of the dataset is unchanged.
  return { ...rows, appeals: appeals(ctx, rows.measures) };
}

function publicityEvents(ctx: SeedContext): Prisma.PublicityEventCreateManyInput[] {
  const { rng, now } = ctx;
  const center = unitOf(ctx, CENTER_CODE);
  const all = precincts(ctx);
  const rows: Prisma.PublicityEventCreateManyInput[] = [];
  // PUBLICITY_COUNT in the last three months, and as many per day before them, back through the history.
  const total = PUBLICITY_COUNT + Math.round((PUBLICITY_COUNT / 89) * Math.max(0, ctx.historyDays - 89));
  for (let i = 0; i < total; i++) {
    // Every kind early on, then a mix weighted towards the everyday ones.
    const kind = i < KINDS.length ? KINDS[i]! : rng.weighted([["COMMUNITY", 5], ["CAMPUS", 3], ["ELDERLY", 3], ["LECTURE", 3], ["ENTERPRISE", 2], ["ONLINE", 2], ["MEDIA", 1], ["OTHER", 2]] as const);
    const t = rng.pick(TEMPLATES[kind]);
    // The center runs the city-wide media work; precincts (now and then a branch) the events on the ground.
    // Event 1 is the 中区派出所 lecture at 湖北汽车工业学院 that the source article describes.
    const unit =
      kind === "MEDIA" || (kind === "ONLINE" && rng.chance(0.7)) ? center
      : i === 1 ? unitOf(ctx, "42039101")
      : rng.chance(0.15) ? branchOf(ctx, rng.pick(all))
      : rng.pick(all);
    const area = unit.kind === "PRECINCT" ? unit : rng.pick(unit.kind === "BRANCH" ? all.filter((p) => p.parentCode === unit.code) : all);
    const kw = rng.pick(area.addressKeywords).replace(/(街道|社区|镇|乡)$/, "");
    const place = kind === "CAMPUS" ? (i === 1 ? "湖北汽车工业学院学术报告厅" : `${rng.pick(SCHOOLS)}报告厅`) : kind === "ENTERPRISE" ? rng.pick(COMPANIES) : t.place(unit, kw);
    const audience = rng.int(t.audience[0], t.audience[1]);
    const online = kind === "ONLINE" || kind === "MEDIA";
    const day = addMs(now, -(i < PUBLICITY_COUNT ? rng.int(1, 89) : rng.int(90, ctx.historyDays)) * DAY);
    const worker = unit.code === CENTER_CODE ? userOf(ctx, "dispatcher") : OFFICER_OF_UNIT[unit.code] ? userOf(ctx, OFFICER_OF_UNIT[unit.code]!) : null;
    rows.push({
      id: rng.uuid(day), unitId: unit.id, kind, targetGroup: t.group, title: t.title, occurredOn: chinaDay(day), place,
      audienceCount: audience,
      appRegistrations: Math.round(audience * (online ? 0.005 + 0.02 * rng.next() : 0.1 + 0.3 * rng.next())),
      materialsCount: online ? 0 : Math.round(audience * (0.5 + rng.next())),
      volunteers: online ? rng.int(0, 3) : rng.int(2, 15),
      note: online ? "线上宣传，受众按播放/阅读量统计" : "现场发放宣传折页，指导群众安装注册国家反诈中心APP",
      createdById: worker?.id ?? null, createdAt: addMs(day, 6 * HOUR), updatedAt: addMs(day, 6 * HOUR),
    });
  }
  return rows;
}

function dailyCounts(ctx: SeedContext): Prisma.DailyCountCreateManyInput[] {
  const { rng, now } = ctx;
  const rows: Prisma.DailyCountCreateManyInput[] = [];
  for (const unit of precincts(ctx)) {
    const base = (unit.population ?? 50_000) / 10_000; // ≈ 2–14
    // One row a day back through the history: a period of a few days (a quarter's first days, a
    // week a year ago) compares with exactly those days. Weekly rows (a seventh of the rows) left
    // a short period a year ago with nothing wherever its days missed a Monday.
    for (let k = 1; k <= ctx.historyDays; k++) {
      const day = chinaDay(addMs(now, -k * DAY));
      const quiet = [0, 6].includes(day.getUTCDay()) ? 0.7 : 1; // weekends
      const spike = rng.chance(0.05) ? 1.5 + rng.next() * 0.7 : 1; // an outreach day
      const importedAt = addMs(day, 24 * HOUR + rng.int(1, 3) * HOUR); // the next morning, China time
      rows.push({
        id: rng.uuid(importedAt), unitId: unit.id, day, metric: "APP_REGISTRATIONS", source: "IMPORT", updatedAt: importedAt,
        count: Math.max(8, Math.round(base * (2 + 4 * rng.next()) * quiet * spike)),
      });
      rows.push({
        id: rng.uuid(importedAt), unitId: unit.id, day, metric: "CONSULTATION_CALLS", source: "MANUAL", updatedAt: importedAt,
        count: rng.int(0, Math.max(2, Math.round(base / 4))),
      });
    }
  }
  return rows;
}

const MEASURES: readonly { kind: MeasureKind; days: [number, number] | null; reason: string }[] = [
  { kind: "ADMIN_DETENTION", days: [5, 15], reason: "出租本人银行卡供他人使用，情节较轻，不构成犯罪" },
  { kind: "FINE", days: null, reason: "非法买卖电话卡，处罚款" },
  { kind: "CONFISCATION", days: null, reason: "出售银行卡获取违法所得，依法没收" },
  { kind: "SUSPEND_NON_COUNTER", days: [180, 180], reason: "名下银行账户被用于接收诈骗资金，暂停非柜面业务" },
  { kind: "RECEIVE_ONLY", days: [180, 180], reason: "涉诈账户，限制为只收不付" },
  { kind: "RESTRICT_CALLS", days: [90, 180], reason: "名下电话卡被用于实施诈骗，限制通话功能" },
  { kind: "RESTRICT_NEW_CARDS", days: [365, 730], reason: "多次出租出借“两卡”，限制新开立电话卡和银行账户" },
];

function measures(ctx: SeedContext, cases: PlannedCase[]): Prisma.DisciplinaryMeasureCreateManyInput[] {
  const { rng, now } = ctx;
  const today = chinaDay(now);
  const rows: Prisma.DisciplinaryMeasureCreateManyInput[] = [];
  const withCases = cases.filter((c) => c.row.filedAt);
  let soonLeft = 4;
  for (let i = 0; i < MEASURE_COUNT; i++) {
    const m = MEASURES[i % MEASURES.length]!;
    const linked = rng.chance(0.4) && withCases.length > 0 ? rng.pick(withCases) : null;
    const unit = linked ? linked.branch : rng.chance(0.5) ? rng.pick(precincts(ctx)) : branchOf(ctx, rng.pick(precincts(ctx)));
    // The first few with an end date end within the week, so "ending soon" lists have entries.
    const soon = m.days !== null && soonLeft-- > 0;
    const length = m.days ? rng.int(m.days[0], m.days[1]) : 0;
    const startsOn = soon ? addMs(today, -(length - rng.int(1, 5)) * DAY) : addMs(today, -rng.int(3, 150) * DAY);
    const gender = rng.chance(0.7) ? "MALE" : "FEMALE";
    rows.push({
      id: rng.uuid(startsOn), unitId: unit.id, personName: personName(rng, gender), personIdNumber: idNumberFor(rng, now, rng.int(18, 55), gender),
      measure: m.kind, startsOn, endsOn: m.days ? addMs(startsOn, length * DAY) : null, reason: m.reason, caseId: linked?.row.id ?? null,
      createdAt: addMs(startsOn, 2 * HOUR), updatedAt: addMs(startsOn, 2 * HOUR),
    });
  }
  return rows;
}

// 无诈 creation campaigns, one line each: unit, kind, name, status.
const CAMPAIGNS: readonly (readonly [string, CampaignKind, string, CampaignStatus])[] = [
  ["42030201", "COMMUNITY", "白浪社区“无诈社区”创建", "CERTIFIED"],
  ["42039101", "SCHOOL", "湖北汽车工业学院“无诈校园”创建", "IN_PROGRESS"],
  ["42030202", "COMMUNITY", "五堰社区“无诈社区”创建", "CERTIFIED"],
  ["42030302", "ENTERPRISE", "东风商用车有限公司“无诈企业”创建", "IN_PROGRESS"],
  ["42030402", "VILLAGE", "茶店镇樱桃沟村“无诈村”创建", "CERTIFIED"],
  ["42032202", "VILLAGE", "上津镇“无诈村镇”创建", "PLANNED"],
  ["42038101", "ORGANIZATION", "丹江口市人民医院“无诈单位”创建", "IN_PROGRESS"],
  ["42030203", "SCHOOL", "十堰市第一中学“无诈校园”创建", "CERTIFIED"],
  ["42032301", "ORGANIZATION", "竹山县政务服务中心“无诈单位”创建", "SUSPENDED"],
  ["42032502", "VILLAGE", "军店镇“无诈村镇”创建", "IN_PROGRESS"],
  ["42030301", "COMMUNITY", "三堰社区“无诈社区”创建", "IN_PROGRESS"],
  ["42039002", "ENTERPRISE", "武当山文旅集团“无诈企业”创建", "PLANNED"],
];

function campaigns(ctx: SeedContext): Prisma.PreventionCampaignCreateManyInput[] {
  const { rng, now } = ctx;
  const today = chinaDay(now);
  return CAMPAIGNS.map(([unitCode, kind, name, status]) => {
    const startedOn = status === "PLANNED" ? null : addMs(today, -rng.int(30, 300) * DAY);
    const daysSinceStart = startedOn ? Math.round((today.getTime() - startedOn.getTime()) / DAY) : 0;
    const certifiedOn = status === "CERTIFIED" && startedOn ? addMs(startedOn, Math.min(rng.int(60, 180), daysSinceStart - 1) * DAY) : null;
    return {
      id: rng.uuid(startedOn ?? today), unitId: unitOf(ctx, unitCode).id, kind, name, status, startedOn, certifiedOn,
      note: status === "CERTIFIED" ? "连续六个月辖区内无电信网络诈骗案件发生，已通过验收" : status === "SUSPENDED" ? "辖区新发案件，创建暂缓" : "按照创建标准推进中",
      createdAt: startedOn ?? today, updatedAt: certifiedOn ?? startedOn ?? today,
    };
  });
}

/**
 * 申诉 against four measures that started at least 45 days ago: one due within 3 working days, one
 * past its deadline (under review by the demo dispatcher), one revoked (the measure ended that
 * day) and one upheld. Registered by the center's second dispatcher, so the demo dispatcher may
 * review and decide the open ones (双人审核).
 */
function appeals(ctx: SeedContext, measureRows: Prisma.DisciplinaryMeasureCreateManyInput[]): Prisma.AppealCreateManyInput[] {
  const { rng, now } = ctx;
  const today = dateToDay(chinaDay(now));
  const registrar = userOf(ctx, "dispatcher2");
  const reviewer = userOf(ctx, "dispatcher");
  // Measures in force well past the deadlines come first (the open and the revoked appeals); any other old measure may be upheld.
  const old = measureRows.filter((m) => dateToDay(m.startsOn as Date) <= addDaysOf(today, -45));
  const running = (m: Prisma.DisciplinaryMeasureCreateManyInput) => !!m.endsOn && dateToDay(m.endsOn as Date) > addDaysOf(today, 30);
  const eligible = [...old.filter(running).slice(0, 3), ...old.filter((m) => !running(m)), ...old.filter(running).slice(3)];
  /** The latest day on or before `from` whose deadline has the flag wanted. */
  const receivedFor = (from: string, ok: (deadline: string) => boolean) => {
    for (let d = from; ; d = addDaysOf(d, -1)) if (ok(addWorkingDays(d, DEFAULT_APPEAL_DEADLINE_DAYS))) return d;
  };
  type Plan = { receivedOn: string; status: "RECEIVED" | "UNDER_REVIEW" | "REVOKED" | "UPHELD"; decidedDaysAgo?: number; reason?: string };
  const plans: Plan[] = [
    { receivedOn: receivedFor(today, (dl) => deadlineFlag(dl, today) === "dueSoon"), status: "RECEIVED" },
    { receivedOn: receivedFor(addDaysOf(today, -25), (dl) => dl < today), status: "UNDER_REVIEW" },
    { receivedOn: addDaysOf(today, -20), status: "REVOKED", decidedDaysAgo: 3, reason: "经核查，涉案电话卡系他人冒用身份办理，申诉人不知情，撤销限制措施。" },
    { receivedOn: addDaysOf(today, -30), status: "UPHELD", decidedDaysAgo: 10, reason: "申诉人提供的材料不能证明其未出租、出借账户，维持原措施。" },
  ];
  const GROUNDS = [
    "本人银行卡于2026年春节期间丢失并已挂失，涉案交易并非本人操作，请求解除限制。",
    "名下电话卡为单位统一办理，本人从未使用，已向运营商申请注销，请求撤销限制通话措施。",
    "本人系被他人冒用身份证开户，已报警并取得回执，请求撤销惩戒。",
    "因经营需要频繁收款，并非出租账户，请求恢复非柜面业务。",
  ];
  return plans.flatMap((plan, i) => {
    const m = eligible[i];
    if (!m) return [];
    const receivedAt = addMs(dayToDate(plan.receivedOn), 2 * HOUR);
    const decided = plan.decidedDaysAgo !== undefined ? addMs(chinaDay(now), -plan.decidedDaysAgo * DAY + 3 * HOUR) : null;
    if (plan.status === "REVOKED" && decided) {
      // The measure ends the day the appeal revoked it.
      m.revokedOn = chinaDay(decided);
      if (m.endsOn) m.endsOn = chinaDay(decided);
      m.version = 2;
    }
    return [{
      id: rng.uuid(receivedAt), measureId: m.id!, appellantName: m.personName, appellantIdNumber: m.personIdNumber ?? null, appellantPhone: null,
      grounds: GROUNDS[i]!, evidence: i % 2 === 0 ? ["挂失证明复印件", "派出所报警回执"] : ["运营商销户证明"],
      receivedOn: dayToDate(plan.receivedOn), deadlineOn: dayToDate(addWorkingDays(plan.receivedOn, DEFAULT_APPEAL_DEADLINE_DAYS)), status: plan.status,
      registeredById: registrar.id, registeredByName: registrar.displayName,
      reviewerId: plan.status === "RECEIVED" ? null : reviewer.id, reviewerName: plan.status === "RECEIVED" ? null : reviewer.displayName,
      decisionReason: plan.reason ?? null, decidedAt: decided, version: plan.status === "RECEIVED" ? 1 : 2,
      createdAt: receivedAt, updatedAt: decided ?? receivedAt,
    }];
  });
}

const addDaysOf = (day: string, n: number) => dateToDay(addMs(dayToDate(day), n * DAY));
