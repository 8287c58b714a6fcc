// The map's figures (warnings, dissuasions, cases filed, loss stopped) by the unit's children — the
// counties/districts of the city, the precincts of a branch — for a period, read from the rollups
// like every statistics view, and the shapes to draw them: the uploaded boundaries when the unit's
// city has an active set that draws its children, the schematic hexes otherwise.
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { FIGURES, figureCents, type FigureDef } from "@/lib/stats/figures";
import { fromCents } from "@/lib/stats/decimal";
import { metric, RISKS } from "@/lib/stats/metrics";
import { readRollup, totalsOf, type Totals } from "@/lib/stats/rollup";
import { statsQuerySchema, type StatsQuery } from "@/lib/stats/schemas";
import { loadStatsContext, type UnitRef } from "@/lib/stats/summary";
import type { ResolvedPeriod } from "@/lib/stats/periods";
import type { StatsUnit } from "@/lib/stats/scope";
import { isUnder } from "@/lib/units/jurisdiction";
import type { BoundaryFeature, MapCrs } from "@/lib/map/geojson";
import { boundaryShapes, schematicShapes, type MapShapes } from "@/lib/map/shapes";

const figure = (key: string) => FIGURES.find((f) => f.key === key)!;

/** What the map colours by; the same definitions as the statistics (dissuasions = 避免受骗, losses = 止损). */
export const MAP_METRICS = [
  { key: "warnings", metrics: [...new Set(RISKS.map(metric.received))] },
  { key: "dissuasions", metrics: figure("peopleDissuaded").metrics },
  { key: "cases", metrics: figure("casesFiled").metrics },
  { key: "losses", metrics: figure("lossStopped").metrics, money: true },
] as const satisfies readonly FigureDef[];
export type MapMetric = (typeof MAP_METRICS)[number]["key"];
export const MAP_METRIC_KEYS = MAP_METRICS.map((m) => m.key) as MapMetric[];
const ALL_METRICS = [...new Set(MAP_METRICS.flatMap((m) => m.metrics))];

export type MapValues = Record<MapMetric, string>;
export type MapArea = UnitRef & {
  values: MapValues;
  /** Has units below to drill into. */
  drill: boolean;
  /** Drawn on the map (a 反诈中心 has no territory: table only; a unit without a boundary likewise). */
  onMap: boolean;
};
export type MapBoundaryInfo = { id: string; crs: MapCrs; featureCount: number; createdAt: Date; unitCode: string };
export type MapFigures = {
  period: ResolvedPeriod;
  unit: UnitRef;
  breadcrumb: UnitRef[];
  /** The unit's own totals (its whole subtree). */
  total: MapValues;
  areas: MapArea[];
  shapes: MapShapes;
  /** The active uploaded boundaries of the unit's city, if any (drawn only when they hold this level). */
  boundary: MapBoundaryInfo | null;
};

const ref = (u: StatsUnit): UnitRef => ({ code: u.code, name: u.name, kind: u.kind });
const valuesOf = (t: Totals): MapValues =>
  Object.fromEntries(MAP_METRICS.map((m) => [m.key, fromCents(figureCents(m, t), { whole: !("money" in m) })])) as MapValues;

/** The map of a period and unit as the actor may see it (aggregates only, no personal data). */
export async function mapFigures(actor: Pick<Actor, "scopePath">, query: StatsQuery): Promise<MapFigures> {
  const { scope, period } = await loadStatsContext(actor, query);
  const rows = await readRollup({ unitPath: scope.unit.path, metrics: ALL_METRICS, ranges: [{ key: "current", range: period.current }], byUnit: true });
  const pathOf = new Map(scope.subtree.map((u) => [u.id, u.path]));
  const under = (root: string) => totalsOf(rows, (r) => isUnder(pathOf.get(r.unitId!) ?? "", root));
  // A leaf (a precinct, the 反诈中心) is its own only area.
  const units = scope.children.length ? scope.children : [scope.unit];
  const hasChildren = new Set(scope.subtree.filter((u) => u.path !== scope.unit.path).map((u) => u.path.slice(0, u.path.lastIndexOf("/"))));
  const territorial = units.filter((u) => u.kind !== "CENTER");

  const { shapes, boundary } = await mapShapesOf(scope.unit.path, territorial);
  const drawn = new Set(shapes.shapes.map((s) => s.code));
  return {
    period,
    unit: ref(scope.unit),
    breadcrumb: scope.breadcrumb.map(ref),
    total: valuesOf(under(scope.unit.path)),
    areas: units.map((u) => ({ ...ref(u), values: valuesOf(under(u.path)), drill: hasChildren.has(u.path) && u.path !== scope.unit.path, onMap: drawn.has(u.code) })),
    shapes,
    boundary,
  };
}

/**
 * The shapes of a map level: the areas `units` (the children of the unit at `unitPath`, without a
 * 反诈中心) drawn from the uploaded boundaries of the unit's city when its active set holds them,
 * else as the schematic hexes. The statistics' map and the big screen both draw with it.
 */
export async function mapShapesOf(unitPath: string, units: readonly Pick<StatsUnit, "code" | "kind">[]): Promise<{ shapes: MapShapes; boundary: MapBoundaryInfo | null }> {
  const boundary = await activeBoundaryFor(unitPath);
  let shapes: MapShapes | null = null;
  if (boundary) {
    const key = `${boundary.id}:${units.map((u) => u.code).join(",")}`;
    shapes = projected.get(key) ?? null;
    if (!shapes) {
      const wanted = new Set(units.map((u) => u.code));
      const features = (await boundaryFeatures(boundary.id)).filter((f) => wanted.has(f.code));
      if (features.length) {
        shapes = boundaryShapes(features);
        if (projected.size > 200) projected.clear();
        projected.set(key, shapes);
      }
    }
  }
  shapes ??= schematicShapes(units.map((u) => u.code), units.some((u) => u.kind === "BRANCH") ? "branches" : "precincts");
  return { shapes, boundary };
}

/** GET /api/v1/stats/map: the same figures and shapes for a period and unit. */
export const statsMap = command({
  name: "stats.map", permission: "stats:read",
  summary: "Warnings, dissuasions, cases filed and loss stopped by county/district or precinct, with the map's shapes (aggregates only)",
  input: statsQuerySchema, audit: false,
  run: ({ actor, input }) => mapFigures(actor, input),
});

/** The newest active boundary set whose root is the unit or above it (the nearest root wins). */
export async function activeBoundaryFor(unitPath: string): Promise<MapBoundaryInfo | null> {
  const sets = await getDb().mapBoundarySet.findMany({
    where: { revokedAt: null },
    select: { id: true, crs: true, featureCount: true, createdAt: true, unit: { select: { code: true, path: true } } },
    orderBy: { createdAt: "desc" },
  });
  const mine = sets.filter((s) => isUnder(unitPath, s.unit.path)).sort((a, b) => b.unit.path.length - a.unit.path.length || +b.createdAt - +a.createdAt);
  const s = mine[0];
  return s ? { id: s.id, crs: s.crs, featureCount: s.featureCount, createdAt: s.createdAt, unitCode: s.unit.code } : null;
}

// A set never changes once stored (a new upload is a new row): its features are cached by id, and
// each level's projection by set and units (projecting 300 detailed polygons takes most of a second).
const cache = new Map<string, BoundaryFeature[]>();
const projected = new Map<string, MapShapes>();
async function boundaryFeatures(id: string): Promise<BoundaryFeature[]> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await getDb().mapBoundarySet.findUniqueOrThrow({ where: { id }, select: { features: true } });
  const features = row.features as unknown as BoundaryFeature[];
  if (cache.size > 20) cache.clear();
  cache.set(id, features);
  return features;
}

/** The administrator's view: the active set of their own jurisdiction's root, if any. */
export async function boundaryStatus(actor: Pick<Actor, "scopePath">): Promise<MapBoundaryInfo | null> {
  return activeBoundaryFor(actor.scopePath);
}
