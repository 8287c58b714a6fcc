// Which unit a statistics request is about, and its place in the actor's part of the tree.
// A unit outside the actor's jurisdiction does not exist for them (404).
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import { isUnder, unitSubtree } from "@/lib/units/jurisdiction";

export type StatsUnit = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  path: string;
  population: number | null;
  active: boolean;
};

export type StatsScope = {
  unit: StatsUnit;
  /** From the top of the actor's jurisdiction down to the unit. */
  breadcrumb: StatsUnit[];
  /** The unit's direct children (drill-down targets). */
  children: StatsUnit[];
  /** Every unit of the unit's subtree, the unit included. */
  subtree: StatsUnit[];
};

/** Resolves `code` (default: the top of the actor's jurisdiction) within the jurisdiction. */
export async function resolveStatsScope(actor: Pick<Actor, "scopePath">, code?: string): Promise<StatsScope> {
  const units: StatsUnit[] = await getDb().unit.findMany({
    where: unitSubtree(actor.scopePath),
    select: { id: true, code: true, name: true, kind: true, path: true, population: true, active: true },
    orderBy: [{ path: "asc" }],
  });
  const unit = code ? units.find((u) => u.code === code) : units.find((u) => u.path === actor.scopePath);
  if (!unit) throw notFound("unit");
  const breadcrumb = units
    .filter((u) => isUnder(unit.path, u.path))
    .sort((a, b) => a.path.length - b.path.length);
  const depth = unit.path.split("/").length;
  const subtree = units.filter((u) => isUnder(u.path, unit.path));
  const children = subtree.filter((u) => u.path.split("/").length === depth + 1).sort(byKindThenCode);
  return { unit, breadcrumb, children, subtree };
}

const KIND_ORDER: Record<UnitKind, number> = { CITY: 0, CENTER: 1, BRANCH: 2, PRECINCT: 3 };
export const byKindThenCode = (a: StatsUnit, b: StatsUnit) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code);
