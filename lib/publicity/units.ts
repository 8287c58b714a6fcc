// Units as the publicity domain needs them: the actor's subtree (for pickers and roll-ups) and
// resolving a unit code the user chose, strictly inside the actor's jurisdiction.
import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { unitSubtree } from "@/lib/units/jurisdiction";

export type ScopeUnit = { id: string; code: string; name: string; path: string; parentId: string | null; kind: string; active: boolean; depth: number };

/** Every unit the actor may see, parents before children. */
export async function scopeUnits(actor: Pick<Actor, "scopePath">): Promise<ScopeUnit[]> {
  const rows = await getDb().unit.findMany({
    where: unitSubtree(actor.scopePath),
    orderBy: { path: "asc" },
    select: { id: true, code: true, name: true, path: true, parentId: true, kind: true, active: true },
  });
  const rootDepth = actor.scopePath.split("/").length;
  return rows.map((u) => ({ ...u, depth: u.path.split("/").length - rootDepth }));
}

export const unknownUnit = (field: string, code: string) =>
  new AppError("VALIDATION", `no unit ${code} in your jurisdiction`, [{ path: field, code: "unknown_unit", message: "no such unit in your jurisdiction" }]);

/**
 * The unit a record is filed under: the chosen code if it names an active unit inside the actor's
 * jurisdiction, the actor's own unit when none is chosen. Anything else is a field error that does
 * not tell whether the code exists elsewhere.
 */
export async function resolveUnit(tx: Tx, actor: Actor, code: string | undefined, field = "unitCode") {
  const unit = await tx.unit.findFirst({
    where: { ...(code ? { code } : { id: actor.unitId }), active: true, ...unitSubtree(actor.scopePath) },
    select: { id: true, code: true, name: true, path: true },
  });
  if (!unit) throw unknownUnit(field, code ?? actor.unitCode);
  return unit;
}

/** The path of a unit chosen as a filter, or null when it is not in the actor's jurisdiction. */
export async function filterUnitPath(actor: Pick<Actor, "scopePath">, code: string | undefined): Promise<string | null | undefined> {
  if (!code) return undefined;
  const unit = await getDb().unit.findFirst({ where: { code, ...unitSubtree(actor.scopePath) }, select: { path: true } });
  return unit?.path ?? null;
}
