import type { RoutedBy } from "@/lib/generated/prisma/enums";
import { isUnder, type RoutingTable } from "@/lib/units/jurisdiction";

type RoutingUnit = RoutingTable["units"][number];

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
  if (named?.active && isUnder(named.path, scope.path)) return { unitId: named.id, routedBy: "UNIT_CODE" };
  if (w.address) {
    let best: { unit: RoutingUnit; len: number } | undefined;
    for (const u of table.units) {
      if (u.kind !== "PRECINCT" || !u.active || !isUnder(u.path, scope.path)) continue;
      for (const k of u.addressKeywords) {
        if (k.length > (best?.len ?? 0) && w.address.includes(k)) best = { unit: u, len: k.length };
      }
    }
    if (best) return { unitId: best.unit.id, routedBy: "ADDRESS" };
  }
  const city = scope.path.split("/")[0]!;
  const center = table.units.find((u) => u.kind === "CENTER" && u.active && u.path.startsWith(`${city}/`) && isUnder(u.path, scope.path));
  if (center) return { unitId: center.id, routedBy: "FALLBACK" };
  const root = table.units.find((u) => u.path === scope.path);
  return { unitId: root?.id ?? scope.unitId, routedBy: "FALLBACK" };
}
