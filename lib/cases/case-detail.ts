import "server-only";
import type { SeizedItemType } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { maskAddress, maskBankCard, maskIdNumber, maskName, maskPhone } from "@/lib/pii";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { command } from "@/lib/commands/command";
import { caseOutOfScope, recordId } from "@/lib/cases/access";
import { isExpiringSoon } from "@/lib/cases/freeze-rules";
import { canonical } from "@/lib/cases/money";
import { userNames } from "@/lib/cases/queries";
import { stepTimes } from "@/lib/cases/step-times";
import { maskVictimName } from "@/lib/cases/open-case-from-warning";
import { caseParamsSchema } from "@/lib/cases/schemas";

/** Money the case shows side by side, exact, summed by PostgreSQL. */
export async function caseMoney(caseId: string) {
  const db = getDb();
  // Held: what banks hold now, counting each account once (a stop-payment and the freeze that
  // follows it on the same account hold the same money).
  const [held] = await db.$queryRaw<{ held: string }[]>`
    SELECT COALESCE(SUM(m), 0)::text AS held FROM (
      SELECT MAX("amountHeld") AS m FROM freeze_requests
      WHERE "caseId" = ${caseId}::uuid AND status IN ('EXECUTED', 'PARTIAL')
      GROUP BY "accountNumber"
    ) per_account`;
  const [rec, c] = await Promise.all([
    db.fundRecovery.aggregate({ where: { caseId }, _sum: { amount: true, returnedAmount: true } }),
    db.fraudCase.findUniqueOrThrow({ where: { id: caseId }, select: { lossAmount: true } }),
  ]);
  return {
    loss: canonical(c.lossAmount),
    held: canonical(held?.held ?? "0"),
    recovered: canonical(rec._sum.amount),
    returned: canonical(rec._sum.returnedAmount),
  };
}

/**
 * A case of the actor's jurisdiction with everything it holds, personal data masked (full values
 * only through the audited reveal), or 404.
 */
export const getCase = command({
  name: "case.get", permission: "cases:read",
  summary: "One case with victims, freezes, suspects, items, recoveries and timeline; personal data masked",
  input: caseParamsSchema, audit: false,
  run: ({ actor, input, now }) => caseDetail(actor, input.id, now),
});

async function caseDetail(actor: Actor, id: string, now: Date) {
  const db = getDb();
  const c = await db.fraudCase.findFirst({
    where: { id, ...inJurisdiction(actor) },
    include: {
      unit: { select: { id: true, code: true, name: true, path: true } },
      victims: { orderBy: { createdAt: "asc" } },
      warnings: { select: { id: true, source: true, riskLevel: true, receivedAt: true, externalId: true } },
      approvals: { orderBy: { requestedAt: "asc" } },
      transfers: { orderBy: { at: "asc" }, include: { fromUnit: { select: { name: true } }, toUnit: { select: { name: true } } } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      freezes: { orderBy: { requestedAt: "asc" } },
      suspects: {
        orderBy: { addedAt: "asc" },
        include: {
          suspect: {
            include: {
              gang: { select: { id: true, name: true, dismantledAt: true } },
              cases: { where: { fraudCase: inJurisdiction(actor) }, select: { fraudCase: { select: { id: true, caseNumber: true } } } },
            },
          },
        },
      },
      gangs: { include: { gang: { include: { _count: { select: { members: true, cases: true } } } } } },
      seizedItems: { orderBy: { seizedAt: "asc" } },
      recoveries: { orderBy: { recoveredAt: "asc" } },
    },
  });
  if (!c) throw await caseOutOfScope(actor, id);
  const names = await userNames([
    c.submittedById, c.approvedById, c.createdById, ...c.events.map((e) => e.actorId),
    ...c.approvals.flatMap((a) => [a.requestedById, a.decidedById]), ...c.transfers.map((t) => t.actorId),
  ]);
  const nameOf = (uid: string | null) => (uid ? (names.get(uid) ?? null) : null);
  const [money, itemTotals, perVictim] = await Promise.all([
    caseMoney(c.id),
    db.seizedItem.groupBy({ by: ["type"], where: { caseId: c.id }, _sum: { quantity: true } }),
    db.fundRecovery.groupBy({ by: ["victimId"], where: { caseId: c.id, victimId: { not: null } }, _sum: { returnedAmount: true } }),
  ]);
  // Transfers name units by code in the timeline; the reader sees their names.
  const codes = c.events.filter((e) => e.kind === "transferred").flatMap((e) => {
    const d = e.data as Record<string, unknown>;
    return [d.fromUnit, d.toUnit].filter((x): x is string => typeof x === "string");
  });
  const unitName = new Map((codes.length ? await db.unit.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : []).map((u) => [u.code, u.name]));
  const victimName = new Map(c.victims.map((v) => [v.id, maskVictimName(v.name)]));
  const returnedTo = new Map(perVictim.map((g) => [g.victimId!, canonical(g._sum.returnedAmount)]));

  return {
    id: c.id, caseNumber: c.caseNumber, status: c.status, source: c.source, fraudType: c.fraudType, summary: c.summary,
    unit: { code: c.unit.code, name: c.unit.name }, version: c.version,
    lossAt: c.lossAt, reportedAt: c.reportedAt, createdAt: c.createdAt, submittedAt: c.submittedAt, filedAt: c.filedAt,
    solvedAt: c.solvedAt, prosecutedAt: c.prosecutedAt, closedAt: c.closedAt,
    submittedById: c.submittedById, submittedBy: nameOf(c.submittedById), approvedBy: nameOf(c.approvedById), createdBy: nameOf(c.createdById),
    money,
    steps: stepTimes(c, c.events, now),
    victims: c.victims.map((v) => ({
      id: v.id, name: maskVictimName(v.name)!, phone: maskPhone(v.phone), idNumber: maskIdNumber(v.idNumber), gender: v.gender, age: v.age,
      address: maskAddress(v.address), lossAmount: canonical(v.lossAmount), returned: returnedTo.get(v.id) ?? "0.00", version: v.version,
    })),
    warnings: c.warnings,
    approvals: c.approvals.map((a) => ({
      id: a.id, requestedBy: nameOf(a.requestedById), requestedAt: a.requestedAt, decidedBy: nameOf(a.decidedById), decidedAt: a.decidedAt, decision: a.decision, note: a.note,
    })),
    transfers: c.transfers.map((t) => ({ id: t.id, from: t.fromUnit.name, to: t.toUnit.name, reason: t.reason, by: nameOf(t.actorId), at: t.at })),
    freezes: c.freezes.map((f) => ({
      id: f.id, kind: f.kind, status: f.status, bankName: f.bankName, accountName: maskName(f.accountName), accountNumber: maskBankCard(f.accountNumber)!,
      amountRequested: canonical(f.amountRequested), amountHeld: canonical(f.amountHeld), requestedAt: f.requestedAt, executedAt: f.executedAt,
      expiresAt: f.expiresAt, releasedAt: f.releasedAt, expiring: isExpiringSoon(f, now), version: f.version,
    })),
    suspects: c.suspects.map(({ suspect: s }) => ({
      id: s.id, name: maskName(s.name)!, idNumber: maskIdNumber(s.idNumber), phone: maskPhone(s.phone), gender: s.gender, status: s.status,
      arrestedAt: s.arrestedAt, detainedAt: s.detainedAt, prosecutedAt: s.prosecutedAt, releasedAt: s.releasedAt, note: s.note, version: s.version,
      gang: s.gang, otherCases: s.cases.map((x) => x.fraudCase).filter((x) => x.id !== c.id),
    })),
    gangs: c.gangs.map(({ gang: g }) => ({ id: g.id, name: g.name, dismantledAt: g.dismantledAt, version: g.version, members: g._count.members, cases: g._count.cases })),
    seizedItems: c.seizedItems.map((i) => ({ id: i.id, type: i.type, quantity: i.quantity, seizedAt: i.seizedAt, storage: i.storage, disposition: i.disposition, note: i.note, version: i.version })),
    seizedTotals: itemTotals.map((g) => ({ type: g.type as SeizedItemType, quantity: g._sum.quantity ?? 0 })),
    recoveries: c.recoveries.map((r) => ({
      id: r.id, amount: canonical(r.amount), recoveredAt: r.recoveredAt, method: r.method,
      victim: r.victimId ? { id: r.victimId, name: victimName.get(r.victimId) ?? null } : null,
      returnedAmount: canonical(r.returnedAmount), returnedAt: r.returnedAt, note: r.note, version: r.version,
    })),
    timeline: c.events
      .slice()
      .reverse()
      .map((e) => {
        const data = { ...(e.data as Record<string, unknown>) };
        if (e.kind === "transferred") {
          data.fromUnit = unitName.get(String(data.fromUnit)) ?? data.fromUnit;
          data.toUnit = unitName.get(String(data.toUnit)) ?? data.toUnit;
        }
        return { id: e.id, kind: e.kind, data, at: e.at, by: nameOf(e.actorId) };
      }),
  };
}

export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;

/** Throws the (audited) 404 unless the case exists inside the actor's jurisdiction. */
export async function assertCaseVisible(actor: Actor, rawId: string): Promise<void> {
  const id = recordId(rawId, "case");
  const found = await getDb().fraudCase.count({ where: { id, ...inJurisdiction(actor) } });
  if (!found) throw await caseOutOfScope(actor, id);
}
