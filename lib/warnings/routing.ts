import type { Db } from "@/lib/db";
import type { RoutedBy, UnitKind } from "@/lib/generated/prisma/enums";

type RoutingUnit = { id: string; code: string; name: string; path: string; kind: UnitKind; active: boolean; addressKeywords: string[] };
export type RoutingTable = { units: RoutingUnit[]; byCode: Map<string, RoutingUnit> };

const TTL_MS = 30_000;
let cached: { at: number; table: Promise<RoutingTable> } | undefined;

/** All units with their paths and address keywords; read once per 30 s (the tree changes rarely). */
export function routingTable(db: Db): Promise<RoutingTable> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const table = db.unit
      .findMany({ select: { id: true, code: true, name: true, path: true, kind: true, active: true, addressKeywords: true } })
      .then((units) => ({ units, byCode: new Map(units.map((u) => [u.code, u])) }));
    cached = { at: Date.now(), table };
    table.catch(() => (cached = undefined));
  }
  return cached.table;
}

export function forgetRoutingTable() {
  cached = undefined;
}

export const inScope = (path: string, scope: string) => path === scope || path.startsWith(`${scope}/`);

/**
 * Where a warning goes (DESIGN.md §2.3): the unit code it names when that unit is in the sender's
 * scope; else the precinct whose place names occur in the victim's address (the longest match);
 * else the 反诈中心 of the city; else the sender's own scope root.
 */
export function routeWarning(
  table: RoutingTable,
  scope: { path: string; unitId: string },
  w: { unitCode?: string; address?: string },
): { unitId: string; routedBy: RoutedBy } {
  const named = w.unitCode ? table.byCode.get(w.unitCode) : undefined;
  if (named?.active && inScope(named.path, scope.path)) return { unitId: named.id, routedBy: "UNIT_CODE" };
  if (w.address) {
    let best: { unit: RoutingUnit; len: number } | undefined;
    for (const u of table.units) {
      if (u.kind !== "PRECINCT" || !u.active || !inScope(u.path, scope.path)) continue;
      for (const k of u.addressKeywords) {
        if (k.length > (best?.len ?? 0) && w.address.includes(k)) best = { unit: u, len: k.length };
      }
    }
    if (best) return { unitId: best.unit.id, routedBy: "ADDRESS" };
  }
  const city = scope.path.split("/")[0]!;
  const center = table.units.find((u) => u.kind === "CENTER" && u.active && u.path.startsWith(`${city}/`) && inScope(u.path, scope.path));
  if (center) return { unitId: center.id, routedBy: "FALLBACK" };
  const root = table.units.find((u) => u.path === scope.path);
  return { unitId: root?.id ?? scope.unitId, routedBy: "FALLBACK" };
}

/** Ids of the units in a jurisdiction (its subtree), for index-friendly `unitId IN (…)` filters. */
export async function scopeUnitIds(db: Db, scopePath: string): Promise<string[]> {
  const table = await routingTable(db);
  return table.units.filter((u) => inScope(u.path, scopePath)).map((u) => u.id);
}
