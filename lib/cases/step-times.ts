import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { CASE_STATUSES } from "@/lib/cases/state-machine";

// How long each step of a case took ("第一时间录入、第一时间流转、第一时间审批"), read from the
// timeline: every status event carries `to` (the `created` event carries `status`).

export type StepTime = { status: CaseStatus; from: Date; to: Date | null; ms: number; current: boolean };
export type StepTimes = {
  /** Report received → entered into the system. */
  intakeMs: number;
  /** Report received → first handed to another unit, when it was. */
  firstTransferMs: number | null;
  /** Submitted for approval → decided, when decided. */
  approvalMs: number | null;
  steps: StepTime[];
};

type EventLike = { kind: string; at: Date; data: unknown };

const STATUS_KINDS = new Set(["created", "submitted", "approved", "rejected", "status_changed"]);
const isStatus = (v: unknown): v is CaseStatus => typeof v === "string" && (CASE_STATUSES as readonly string[]).includes(v);

export function stepTimes(
  c: { reportedAt: Date; createdAt: Date; submittedAt: Date | null; status: CaseStatus },
  events: readonly EventLike[],
  now: Date,
): StepTimes {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const marks: { status: CaseStatus; at: Date }[] = [];
  for (const e of sorted) {
    if (!STATUS_KINDS.has(e.kind)) continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    const status = e.kind === "created" ? data.status : data.to;
    if (isStatus(status)) marks.push({ status, at: e.at });
  }
  if (marks.length === 0 || marks[0]!.status !== "REPORTED") marks.unshift({ status: "REPORTED", at: c.reportedAt });
  const steps = marks.map((m, i): StepTime => {
    const next = marks[i + 1];
    const end = next?.at ?? null;
    return { status: m.status, from: m.at, to: end, ms: Math.max(0, (end ?? now).getTime() - m.at.getTime()), current: !next };
  });
  const transfer = sorted.find((e) => e.kind === "transferred");
  const decided = sorted.find((e) => e.kind === "approved" || e.kind === "rejected");
  const submitted = [...sorted].reverse().find((e) => e.kind === "submitted" && (!decided || e.at <= decided.at));
  return {
    intakeMs: Math.max(0, c.createdAt.getTime() - c.reportedAt.getTime()),
    firstTransferMs: transfer ? Math.max(0, transfer.at.getTime() - c.reportedAt.getTime()) : null,
    approvalMs: decided && submitted ? Math.max(0, decided.at.getTime() - submitted.at.getTime()) : null,
    steps,
  };
}
