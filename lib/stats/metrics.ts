// The metric catalogue of the statistics rollups (tables stat_daily / stat_monthly). The triggers of
// migration stats_rollups write these names; every figure, chart and ranking reads them.
// Each source table owns a prefix. A record adds to a metric on the China-local day of the
// timestamp that defines it:
//
//   w.recv.<risk>, w.fraud.<type>  warnings, by receivedAt (+1)
//   w.ack_ok                       …signed for within the SLA (acknowledgedAt ≤ ackDueAt), by receivedAt
//   w.contacted                    …with a first contact, by receivedAt
//   w.cohort.<outcome>             …resolved with that outcome, by receivedAt
//   w.f.ack / w.f.contact / w.f.resolved / w.f.dissuaded   the funnel, by receivedAt: signed for;
//                                  signed for and contacted; those and resolved; those and
//                                  dissuaded — each stage a subset of the one before
//   w.resolved                     warnings resolved, by resolvedAt (处置预警)
//   w.out.<outcome>                …by outcome, by resolvedAt
//   b.<step>                       SLA breaches, by the breached step's due time (every warning
//                                  received has each step fall due within a week, so SLA compliance
//                                  = 1 − breaches ÷ warnings received)
//   a.kind.<kind>                  dissuasion actions, by occurredAt (a.kind.HOTLINE_CALL = 96110预警电话)
//   a.protected                    amount protected (止损, yuan), by occurredAt
//   pr.protected                   amount a bank request held beyond the request it follows (止损, yuan), by answeredAt
//   a.intercept                    standalone counter interceptions (no warning) that dissuaded, by occurredAt
//   c.reported / c.filed / c.solved / c.prosecuted   cases by reportedAt / filedAt / solvedAt / prosecutedAt
//   c.fraud.<type>                 filed cases by fraud type, by filedAt
//   c.submit.n / c.submit.min      cases submitted for approval and minutes from report to submission
//   c.approve.n / c.approve.min    submitted cases filed and minutes from submission to filing, by filedAt
//   g.dismantled  s.arrested       gangs by dismantledAt, suspects by arrestedAt
//   si.<type>                      seized item quantity, by seizedAt
//   fr.amount                      funds recovered (yuan), by recoveredAt
//   p.events / p.audience / p.app  outreach events, their audience and app registrations, by occurredOn
//   d.APP_REGISTRATIONS / d.CONSULTATION_CALLS   daily counts, by day
//   r.due / r.done / r.ontime      revisits (回访) due (not cancelled), of those done, of those done by the
//                                  end of their due day — all by the day they are due (dueOn)
//   app.warned / app.installed     people warned and dissuaded (one app follow-up each), of those with the
//                                  国家反诈中心APP recorded — by the day the follow-up was created
import {
  ActionKind,
  DailyMetric,
  FraudType,
  RiskLevel,
  SeizedItemType,
  SlaStep,
  WarningOutcome,
} from "@/lib/generated/prisma/enums";

export const RISKS = Object.values(RiskLevel);
export const OUTCOMES = Object.values(WarningOutcome);
export const FRAUD_TYPES = Object.values(FraudType);
export const SEIZED_TYPES = Object.values(SeizedItemType);
export const ACTION_KINDS = Object.values(ActionKind);
export const SLA_STEPS = Object.values(SlaStep);

export type Risk = (typeof RISKS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Step = (typeof SLA_STEPS)[number];

export const metric = {
  received: (risk: Risk) => `w.recv.${risk}`,
  warningFraud: (type: string) => `w.fraud.${type}`,
  ackOnTime: "w.ack_ok",
  contacted: "w.contacted",
  cohort: (outcome: Outcome) => `w.cohort.${outcome}`,
  funnel: { acknowledged: "w.f.ack", contacted: "w.f.contact", resolved: "w.f.resolved", dissuaded: "w.f.dissuaded" },
  resolved: "w.resolved",
  resolvedAs: (outcome: Outcome) => `w.out.${outcome}`,
  breached: (step: Step) => `b.${step}`,
  action: (kind: string) => `a.kind.${kind}`,
  protected: "a.protected",
  requestProtected: "pr.protected",
  intercepted: "a.intercept",
  casesReported: "c.reported",
  casesFiled: "c.filed",
  casesSolved: "c.solved",
  casesProsecuted: "c.prosecuted",
  caseFraud: (type: string) => `c.fraud.${type}`,
  submitted: "c.submit.n",
  submitMinutes: "c.submit.min",
  approved: "c.approve.n",
  approveMinutes: "c.approve.min",
  gangs: "g.dismantled",
  suspects: "s.arrested",
  seized: (type: string) => `si.${type}`,
  recovered: "fr.amount",
  events: "p.events",
  audience: "p.audience",
  eventApps: "p.app",
  daily: (m: DailyMetric) => `d.${m}`,
  revisits: { due: "r.due", done: "r.done", onTime: "r.ontime" },
  app: { warned: "app.warned", installed: "app.installed" },
} as const;

/** Every metric name the triggers can write. */
export const ALL_METRICS: readonly string[] = [
  ...RISKS.map(metric.received),
  ...FRAUD_TYPES.map(metric.warningFraud),
  metric.ackOnTime,
  metric.contacted,
  ...OUTCOMES.map(metric.cohort),
  ...Object.values(metric.funnel),
  metric.resolved,
  ...OUTCOMES.map(metric.resolvedAs),
  ...SLA_STEPS.map(metric.breached),
  ...ACTION_KINDS.map(metric.action),
  metric.protected,
  metric.requestProtected,
  metric.intercepted,
  metric.casesReported,
  metric.casesFiled,
  metric.casesSolved,
  metric.casesProsecuted,
  ...FRAUD_TYPES.map(metric.caseFraud),
  metric.submitted,
  metric.submitMinutes,
  metric.approved,
  metric.approveMinutes,
  metric.gangs,
  metric.suspects,
  ...SEIZED_TYPES.map(metric.seized),
  metric.recovered,
  metric.events,
  metric.audience,
  metric.eventApps,
  ...Object.values(DailyMetric).map(metric.daily),
  ...Object.values(metric.revisits),
  ...Object.values(metric.app),
];

/** 止损: what dissuasion protected and what bank requests held (each amount once). */
export const LOSS_STOPPED_METRICS = [metric.protected, metric.requestProtected] as const;

/** Seized items that count as 缴获物品 (everything but cash, which is money, not items). */
export const SEIZED_ITEM_METRICS = SEIZED_TYPES.filter((t) => t !== "CASH").map(metric.seized);
