import type { RiskLevel, SlaStep, WarningStatus } from "@/lib/generated/prisma/enums";

/** Minutes allowed for each step of the ladder, per risk level (DESIGN.md §2.4). */
export type SlaLadder = { ackMinutes: number; contactMinutes: number; resolveMinutes: number };

export const DEFAULT_SLA: Record<RiskLevel, SlaLadder> = {
  CRITICAL: { ackMinutes: 5, contactMinutes: 10, resolveMinutes: 120 },
  HIGH: { ackMinutes: 10, contactMinutes: 30, resolveMinutes: 24 * 60 },
  MEDIUM: { ackMinutes: 30, contactMinutes: 120, resolveMinutes: 72 * 60 },
  LOW: { ackMinutes: 120, contactMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60 },
};

/** Urgency weight of a risk level; each repeat adds REPEAT_BUMP. */
export const RISK_WEIGHT: Record<RiskLevel, number> = { CRITICAL: 40, HIGH: 30, MEDIUM: 20, LOW: 10 };
export const REPEAT_BUMP = 5;

const MINUTE = 60_000;

export function dueTimes(receivedAt: Date, ladder: SlaLadder) {
  const t = receivedAt.getTime();
  return {
    ackDueAt: new Date(t + ladder.ackMinutes * MINUTE),
    contactDueAt: new Date(t + ladder.contactMinutes * MINUTE),
    resolveDueAt: new Date(t + ladder.resolveMinutes * MINUTE),
  };
}

/** The SLA clocks of a warning. */
export type SlaClock = {
  status: WarningStatus;
  ackDueAt: Date;
  contactDueAt: Date;
  resolveDueAt: Date;
  acknowledgedAt: Date | null;
  firstContactAt: Date | null;
  resolvedAt: Date | null;
};

/** The next unmet step of the ladder and when it is due; null once resolved. */
export function nextStep(w: SlaClock): { step: SlaStep; dueAt: Date } | null {
  if (w.status === "RESOLVED" || w.resolvedAt) return null;
  if (!w.acknowledgedAt) return { step: "ACK", dueAt: w.ackDueAt };
  if (!w.firstContactAt) return { step: "CONTACT", dueAt: w.contactDueAt };
  return { step: "RESOLVE", dueAt: w.resolveDueAt };
}

export type SlaTone = "ok" | "amber" | "red";

/** Amber in the last quarter of a step's allowance (at most 30 minutes), red once breached. */
export function slaTone(dueAt: Date, allowanceMinutes: number, now: Date): SlaTone {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return "red";
  return left <= Math.min(allowanceMinutes / 4, 30) * MINUTE ? "amber" : "ok";
}

/** Head start in the queue per priority point above a bare 低危, and its ceiling (see queueRank). */
export const HEAD_START_MINUTES_PER_POINT = 6;
export const MAX_HEAD_START_MINUTES = 180;

/**
 * The queue's order, as the generated column `warnings.queueRank` computes it: the next step's due
 * time moved earlier by the warning's head start (特高危 3 h, 高危 2 h, 中危 1 h, 低危 0, each repeat
 * 30 min, at most 3 h). So a fresh 特高危 stays above a 低危 until the 低危 is 3 hours late.
 */
export function queueRank(slaDueAt: Date | null, priority: number): Date | null {
  if (!slaDueAt) return null;
  const head = Math.min(Math.max(priority - RISK_WEIGHT.LOW, 0) * HEAD_START_MINUTES_PER_POINT, MAX_HEAD_START_MINUTES);
  return new Date(slaDueAt.getTime() - head * MINUTE);
}
