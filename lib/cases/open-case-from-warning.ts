import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FraudType } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { maskName } from "@/lib/pii";
import { insertCase, type CreatedCase } from "@/lib/cases/create-case";
import { canonical } from "@/lib/cases/money";

export type WarningForCase = {
  id: string;
  unitId: string;
  fraudType: FraudType;
  victimName: string | null;
  victimPhone: string;
  victimIdNumber: string | null;
  amountAtRisk: Prisma.Decimal | string | null;
  receivedAt: Date;
};

/** Stored when the warning did not name the victim; the investigator completes it. */
export const UNNAMED_VICTIM = "姓名不详";
/** A victim's masked name; the placeholder is not a name and shows as is. */
export const maskVictimName = (name: string | null | undefined) => (name === UNNAMED_VICTIM ? name : maskName(name));
/** The account of events a case opened from a warning starts with; filing needs the investigator's own. */
export const PLACEHOLDER_SUMMARY = "预警转案：被害人已被骗，待侦查员补充案情。";

/**
 * Opens a REPORTED case (source WARNING) for a warning resolved ALREADY_DEFRAUDED — or returns the
 * case it is already linked to, so calling it twice never opens two cases. Runs in the caller's
 * transaction: the warning's resolution and the case commit together or not at all.
 *
 * A precinct's victim is taken up by its branch's investigators (the case unit is the precinct's
 * parent branch); any other unit keeps the case itself. Sets Warning.caseId without bumping the
 * warning's version: the link is not an edit the warnings' own optimistic checks should trip on.
 * The actor is whoever resolved the warning; they need no case permission for this.
 */
export async function openCaseFromWarning(
  tx: Tx,
  actor: Actor,
  warning: WarningForCase,
): Promise<CreatedCase & { created: boolean }> {
  // Lock the warning so two resolutions racing each other open one case.
  const locked = await tx.$queryRaw<{ caseId: string | null }[]>`SELECT "caseId"::text AS "caseId" FROM warnings WHERE id = ${warning.id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("warning");
  if (locked[0]!.caseId) {
    const existing = await tx.fraudCase.findUniqueOrThrow({ where: { id: locked[0]!.caseId }, select: { id: true, caseNumber: true } });
    return { ...existing, created: false };
  }
  const unit = await tx.unit.findUnique({ where: { id: warning.unitId }, select: { id: true, code: true, kind: true, parent: { select: { id: true, code: true, kind: true } } } });
  if (!unit) throw notFound("unit");
  const handling = unit.kind === "PRECINCT" && unit.parent?.kind === "BRANCH" ? unit.parent : unit;
  const loss = warning.amountAtRisk == null ? "0.00" : canonical(warning.amountAtRisk);
  const created = await insertCase(tx, actor, {
    unit: handling,
    source: "WARNING",
    fraudType: warning.fraudType,
    summary: PLACEHOLDER_SUMMARY,
    lossAt: null,
    reportedAt: new Date(),
    victims: [{ name: warning.victimName?.trim() || UNNAMED_VICTIM, phone: warning.victimPhone, idNumber: warning.victimIdNumber ?? undefined, lossAmount: loss }],
    accounts: [],
    warningId: warning.id,
  });
  await tx.warning.update({ where: { id: warning.id }, data: { caseId: created.id } });
  return { ...created, created: true };
}
