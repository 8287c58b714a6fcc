// "Nothing written": row counts of everything a request may touch inside one city tree, plus the
// acting party's successful audit records (every write is audited in its own transaction, E20).
// Scoped to the tree, so test files running in parallel do not disturb it.
import { getDb } from "@/lib/db";

export async function footprint(unitIds: string[], actorId: string) {
  const db = getDb();
  const inUnits = { unitId: { in: unitIds } };
  const ofCases = { fraudCase: inUnits };
  const counts = await Promise.all([
    db.warning.count({ where: inUnits }),
    db.warningTransition.count({ where: { warning: inUnits } }),
    db.dissuasionAction.count({ where: inUnits }),
    db.fraudCase.count({ where: inUnits }),
    db.caseVictim.count({ where: ofCases }),
    db.caseEvent.count({ where: ofCases }),
    db.freezeRequest.count({ where: ofCases }),
    db.suspect.count({ where: inUnits }),
    db.seizedItem.count({ where: inUnits }),
    db.fundRecovery.count({ where: inUnits }),
    db.gang.count({ where: inUnits }),
    db.publicityEvent.count({ where: inUnits }),
    db.dailyCount.count({ where: inUnits }),
    db.hotlineCall.count({ where: inUnits }),
    db.auditLog.count({ where: { actorId, success: true } }),
  ]);
  const versions = await Promise.all([
    db.warning.aggregate({ where: inUnits, _sum: { version: true } }),
    db.fraudCase.aggregate({ where: inUnits, _sum: { version: true } }),
  ]);
  return [...counts, ...versions.map((v) => v._sum.version ?? 0)].join(",");
}
