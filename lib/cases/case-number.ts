import "server-only";
import type { Tx } from "@/lib/db";
import { chinaYear } from "@/lib/time/china";

/**
 * The next case number of a handling unit and year, e.g. 420302-2026-00017, starting at 00001.
 * A transaction-scoped advisory lock on the prefix serialises concurrent intakes of the same unit
 * and year, so two cases never draw the same number (the unique index would refuse the second).
 */
export async function nextCaseNumber(tx: Tx, unitCode: string, reportedAt: Date): Promise<string> {
  const prefix = `${unitCode}-${chinaYear(reportedAt)}-`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case-number:${prefix}`}))`;
  const last = await tx.fraudCase.findFirst({
    where: { caseNumber: { startsWith: prefix } },
    orderBy: { caseNumber: "desc" },
    select: { caseNumber: true },
  });
  const seq = last ? Number(last.caseNumber.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(5, "0")}`;
}
