// Builders of raw records for the statistics tests: only the fields the figures read are chosen,
// the rest are plausible defaults.
import { randomInt, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { ActionKind, ActionResult, WarningOutcome } from "@/lib/generated/prisma/enums";

const MIN = 60_000;
const later = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

/** A warning of the unit; resolved when `resolvedAt` is given. Returns its id. */
export async function seedWarning(
  unitId: string,
  w: { receivedAt: Date; resolvedAt?: Date; outcome?: WarningOutcome; acknowledgedAt?: Date | null; firstContactAt?: Date | null; riskLevel?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" },
): Promise<string> {
  const id = randomUUID();
  const resolved = w.resolvedAt !== undefined;
  await getDb().warning.create({
    data: {
      id, unitId, source: "NATIONAL", externalId: `ST-${id}`, riskLevel: w.riskLevel ?? "HIGH", fraudType: "FAKE_INVESTMENT",
      receivedAt: w.receivedAt, lastSeenAt: w.receivedAt, victimPhone: `139${String(randomInt(0, 1e8)).padStart(8, "0")}`,
      contactChannel: "PHONE", contactValue: "+85261000000", routedBy: "UNIT_CODE",
      ackDueAt: later(w.receivedAt, 10), contactDueAt: later(w.receivedAt, 30), resolveDueAt: later(w.receivedAt, 1440),
      status: resolved ? "RESOLVED" : "PENDING", outcome: resolved ? (w.outcome ?? "DISSUADED") : null,
      acknowledgedAt: w.acknowledgedAt !== undefined ? w.acknowledgedAt : resolved ? later(w.receivedAt, 3) : null,
      firstContactAt: w.firstContactAt !== undefined ? w.firstContactAt : resolved ? later(w.receivedAt, 5) : null,
      resolvedAt: w.resolvedAt ?? null,
    },
  });
  return id;
}

export async function seedAction(
  unitId: string,
  a: { kind: ActionKind; result: ActionResult; occurredAt: Date; amountProtected?: string; warningId?: string },
): Promise<string> {
  const row = await getDb().dissuasionAction.create({
    data: { unitId, kind: a.kind, result: a.result, occurredAt: a.occurredAt, amountProtected: a.amountProtected ?? "0", warningId: a.warningId ?? null },
  });
  return row.id;
}

export async function seedCase(
  unitId: string,
  c: { reportedAt: Date; submittedAt?: Date; filedAt?: Date; solvedAt?: Date; prosecutedAt?: Date },
): Promise<string> {
  const id = randomUUID();
  await getDb().fraudCase.create({
    data: {
      id, unitId, caseNumber: `ST-${id.slice(0, 24)}`, source: "WALK_IN", fraudType: "FAKE_INVESTMENT", summary: "统计测试案件",
      status: c.prosecutedAt ? "PROSECUTED" : c.solvedAt ? "SOLVED" : c.filedAt ? "FILED" : "REPORTED",
      reportedAt: c.reportedAt, submittedAt: c.submittedAt ?? null, filedAt: c.filedAt ?? null, solvedAt: c.solvedAt ?? null, prosecutedAt: c.prosecutedAt ?? null,
    },
  });
  return id;
}
