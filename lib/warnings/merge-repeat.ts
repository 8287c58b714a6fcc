// What an open warning becomes when repeats are absorbed into it (issue 12.2): each sighting is
// kept whole in warning_sightings; the warning takes the highest risk and the largest amount any
// of them carried, and fills the fields it lacked — it never overwrites what it had.
import type { Gender, RiskLevel } from "@/lib/generated/prisma/enums";
import { dueTimes, nextStep, REPEAT_BUMP, RISK_WEIGHT, type SlaClock, type SlaLadder } from "@/lib/warnings/sla";

/** The open warning as it stands (read under the ingestion lock, row locked). */
export type MergeTarget = {
  id: string;
  riskLevel: RiskLevel;
  priority: number;
  repeatCount: number;
  lastSeenAt: Date;
  amountAtRisk: string | null;
  victimName: string | null;
  victimIdNumber: string | null;
  victimAge: number | null;
  victimGender: Gender | null;
  victimAddress: string | null;
  note: string | null;
} & SlaClock;

/** What one repeat carried that the warning may take. */
export type SightingFacts = {
  at: number;
  riskLevel: RiskLevel;
  amountAtRisk?: string;
  victim: { name?: string; idNumber?: string; age?: number; gender?: Gender; address?: string };
  note?: string;
};

export type Merged = Omit<MergeTarget, "status" | "acknowledgedAt" | "firstContactAt" | "resolvedAt"> & { slaDueAt: Date | null };

const cents = (money: string) => {
  const [yuan, frac = ""] = money.split(".");
  return BigInt(yuan!) * 100n + BigInt(frac.padEnd(2, "0"));
};
const earlier = (a: Date, b: Date) => (a <= b ? a : b);

/**
 * The warning after absorbing `sightings` (oldest first). A higher risk re-weights its priority and
 * pulls the unmet steps of its SLA ladder in: each is due no later than the higher risk's ladder
 * allows from the sighting that raised it.
 */
export function mergeSightings(w: MergeTarget, sightings: readonly SightingFacts[], ladder: Record<RiskLevel, SlaLadder>): Merged {
  const m: Merged = {
    id: w.id, riskLevel: w.riskLevel, priority: w.priority, repeatCount: w.repeatCount + sightings.length, lastSeenAt: w.lastSeenAt,
    amountAtRisk: w.amountAtRisk, victimName: w.victimName, victimIdNumber: w.victimIdNumber, victimAge: w.victimAge,
    victimGender: w.victimGender, victimAddress: w.victimAddress, note: w.note,
    ackDueAt: w.ackDueAt, contactDueAt: w.contactDueAt, resolveDueAt: w.resolveDueAt, slaDueAt: null,
  };
  let raisedAt: number | null = null;
  for (const s of sightings) {
    if (RISK_WEIGHT[s.riskLevel] > RISK_WEIGHT[m.riskLevel]) {
      m.riskLevel = s.riskLevel;
      raisedAt = s.at;
    }
    if (s.amountAtRisk && (m.amountAtRisk === null || cents(s.amountAtRisk) > cents(m.amountAtRisk))) m.amountAtRisk = s.amountAtRisk;
    m.victimName ??= s.victim.name ?? null;
    m.victimIdNumber ??= s.victim.idNumber ?? null;
    m.victimAge ??= s.victim.age ?? null;
    if ((m.victimGender === null || m.victimGender === "UNKNOWN") && s.victim.gender && s.victim.gender !== "UNKNOWN") m.victimGender = s.victim.gender;
    else m.victimGender ??= s.victim.gender ?? null;
    m.victimAddress ??= s.victim.address ?? null;
    m.note ??= s.note ?? null;
    if (s.at > m.lastSeenAt.getTime()) m.lastSeenAt = new Date(s.at);
  }
  m.priority = w.priority + REPEAT_BUMP * sightings.length + RISK_WEIGHT[m.riskLevel] - RISK_WEIGHT[w.riskLevel];
  if (raisedAt !== null) {
    const due = dueTimes(new Date(raisedAt), ladder[m.riskLevel]);
    if (!w.acknowledgedAt) m.ackDueAt = earlier(m.ackDueAt, due.ackDueAt);
    if (!w.firstContactAt) m.contactDueAt = earlier(m.contactDueAt, due.contactDueAt);
    if (!w.resolvedAt) m.resolveDueAt = earlier(m.resolveDueAt, due.resolveDueAt);
  }
  m.slaDueAt = nextStep({ ...w, ackDueAt: m.ackDueAt, contactDueAt: m.contactDueAt, resolveDueAt: m.resolveDueAt })?.dueAt ?? null;
  return m;
}
