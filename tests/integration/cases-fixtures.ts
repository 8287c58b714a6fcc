// Builders for the case tests: a branch with an investigator, a chief who approves, and an outsider
// in the other branch; valid personal numbers; a case in any status.
import { randomInt } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { luhnCheckDigit, makeIdNumber } from "@/lib/pii";
import { makeUnitTree, makeUser } from "@/tests/factories";

export async function caseTeam() {
  const tree = await makeUnitTree();
  const branch = tree.branches[0]!;
  const other = tree.branches[1]!;
  return {
    tree, branch, other,
    investigator: await makeUser(branch, "INVESTIGATOR"),
    chief: await makeUser(branch, "INVESTIGATOR", { grants: ["cases:approve"] }),
    outsider: await makeUser(other, "INVESTIGATOR", { grants: ["cases:approve"] }),
  };
}
export type CaseTeam = Awaited<ReturnType<typeof caseTeam>>;

/** A 19-digit UnionPay card number with a valid Luhn digit. */
export function bankCard(): string {
  const partial = `622202${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return `${partial}${luhnCheckDigit(partial)}`;
}

export const idNumber = (seq = randomInt(0, 1000)) => makeIdNumber("420302", new Date(Date.UTC(1958, 4, 6)), seq);
export const mobile = () => `138${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;

export function caseInput(over: Record<string, unknown> = {}) {
  return {
    source: "HOTLINE_110",
    fraudType: "FAKE_INVESTMENT",
    summary: "被害人经网友介绍下载虚假投资APP，按“导师”指令多次充值后无法提现。",
    lossAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    victims: [{ name: "王秀兰", phone: mobile(), idNumber: idNumber(), gender: "FEMALE", age: 67, lossAmount: "0.10" }],
    accounts: [{ bankName: "中国工商银行", accountName: "李某", accountNumber: bankCard(), amount: "0.10" }],
    ...over,
  };
}

let serial = 0;
/** A bare case row in the given status (for exhaustive transition tests), submitted by `submittedById`. */
export async function caseInStatus(unit: { id: string; code: string }, status: CaseStatus, submittedById: string | null) {
  serial++;
  return getDb().fraudCase.create({
    data: {
      caseNumber: `${unit.code}-T${process.pid}-${serial}-${randomInt(0, 1e6)}`.slice(0, 32), unitId: unit.id, status, source: "WALK_IN",
      fraudType: "OTHER", summary: "测试案件", lossAmount: "1000.00", reportedAt: new Date(Date.now() - 86_400_000), submittedById,
      submittedAt: submittedById ? new Date(Date.now() - 3_600_000) : null,
    },
  });
}

/** The AppError a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/**
 * Row counts of everything a case write by `actorId` in `unitId` may touch; "nothing written"
 * compares two of these (scoped, so test files running in parallel do not disturb it).
 */
export async function caseFootprint(unitId: string, actorId: string) {
  const db = getDb();
  const inUnit = { fraudCase: { unitId } };
  const [cases, victims, events, freezes, suspects, items, recoveries, gangs, audits, notifications] = await Promise.all([
    db.fraudCase.count({ where: { unitId } }), db.caseVictim.count({ where: inUnit }), db.caseEvent.count({ where: inUnit }),
    db.freezeRequest.count({ where: inUnit }), db.suspect.count({ where: { unitId } }), db.seizedItem.count({ where: { unitId } }),
    db.fundRecovery.count({ where: { unitId } }), db.gang.count({ where: { unitId } }),
    db.auditLog.count({ where: { actorId, success: true } }), db.notification.count({ where: { user: { unitId } } }),
  ]);
  return { cases, victims, events, freezes, suspects, items, recoveries, gangs, audits, notifications };
}
