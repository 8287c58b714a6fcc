// Jurisdiction, owned here and nowhere else: a unit's path is the unit codes from the root joined
// by "/", and an actor sees the subtree under its scope path. One name a rule:
//   scopePathSql   — which subtree a unit's people see (the 反诈中心 sees its whole city), in the
//                    SQL that reads every actor (actorUnitSql)
//   isUnder        — a path at or below another (in memory)
//   unitSubtree    — the same as a Prisma `where` on units; inJurisdiction for records with a unit
//   scopeUnitIds   — the same as unit ids, for index-friendly `unitId IN (…)` filters
//   isCityWide     — a scope that is the whole tree (sees records with no unit too)
//   isUnderSql     — isUnder in raw SQL
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";

/** True for a scope at the root of the tree: the city bureau's and its 反诈中心's people see everything. */
export const isCityWide = (actor: Pick<Actor, "scopePath">): boolean => !actor.scopePath.includes("/");

/** True when `path` is `root` or lies below it. */
export const isUnder = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);

/** True when a unit with this path is in the actor's jurisdiction. */
export function pathInScope(actor: Pick<Actor, "scopePath">, unitPath: string): boolean {
  return isUnder(unitPath, actor.scopePath);
}

/** Units at or below the given path, as a `where` on units. */
export function unitSubtree(path: string): Prisma.UnitWhereInput {
  return { OR: [{ path }, { path: { startsWith: `${path}/` } }] };
}

/** `where` fragment for records owned by a unit of the actor's jurisdiction. */
export function inJurisdiction(actor: Pick<Actor, "scopePath">): { unit: Prisma.UnitWhereInput } {
  return { unit: unitSubtree(actor.scopePath) };
}

// ───────────── the same rules in SQL, for raw statements ─────────────

/** The path of the subtree a unit's users and keys may see — the 反诈中心 works for its whole city, so its scope is its parent's subtree — for a `units` row aliased `unit` and its parent aliased `parent` (LEFT JOINed). */
export const scopePathSql = (unit: string, parent: string): Prisma.Sql =>
  Prisma.raw(`(CASE WHEN ${unit}.kind = 'CENTER' AND ${parent}.path IS NOT NULL THEN ${parent}.path ELSE ${unit}.path END)`);

/** An actor's unit fields, as actorUnitSql's columns read them. */
export type ActorUnitColumns = Pick<Actor, "unitId" | "unitCode" | "unitName" | "unitKind" | "scopePath">;

/** An actor's unit fields (ActorUnitColumns) in SQL, and the joins they need, for the row whose unit is `unitId`. */
export const actorUnitSql = (unitId: string): { columns: Prisma.Sql; joins: Prisma.Sql } => ({
  columns: Prisma.sql`unit.id::text AS "unitId", unit.code AS "unitCode", unit.name AS "unitName", unit.kind::text AS "unitKind", ${scopePathSql("unit", "parent")} AS "scopePath"`,
  joins: Prisma.raw(`JOIN units unit ON unit.id = ${unitId} LEFT JOIN units parent ON parent.id = unit."parentId"`),
});

/** isUnder in SQL. */
export const isUnderSql = (path: Prisma.Sql, root: Prisma.Sql): Prisma.Sql => Prisma.sql`(${path} = ${root} OR ${path} LIKE ${root} || '/%')`;

// ───────────── the unit table, cached ─────────────

type TableUnit = { id: string; code: string; name: string; path: string; kind: UnitKind; active: boolean; addressKeywords: string[] };
export type RoutingTable = { units: TableUnit[]; byCode: Map<string, TableUnit> };

const TTL_MS = 30_000;
let cached: { at: number; table: Promise<RoutingTable> } | undefined;

/** All units with their paths and address keywords; read once per 30 s (the tree changes rarely). */
export function routingTable(): Promise<RoutingTable> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const table = getDb().unit
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

/**
 * The units of a jurisdiction as a records filter, or null when they are every unit there is (the
 * city centre's): such a filter keeps every row and only costs the index-only reads it prevents
 * (the unit is not in the persons' indexes). Counted in the database, not from the cached table, so
 * a unit added since never makes a filter disappear.
 */
export async function recordScope(scopePath: string): Promise<string[] | null> {
  const [ids, all] = await Promise.all([scopeUnitIds(scopePath), getDb().unit.count()]);
  return ids.length === all ? null : ids;
}

/** Ids of the units at or below a path (a jurisdiction, or a filter unit and all below it). */
export async function scopeUnitIds(scopePath: string): Promise<string[]> {
  const table = await routingTable();
  return table.units.filter((u) => isUnder(u.path, scopePath)).map((u) => u.id);
}

/**
 * The units whose field tasks (revisits, app follow-ups) the caller reads, `code` naming one: an
 * officer's own unit; a dispatcher's jurisdiction, or one unit of it (another's is an audited 404).
 */
export async function fieldTaskUnitIds(actor: Actor, code: string | undefined): Promise<string[]> {
  const triage = actor.permissions.has("warnings:triage");
  if (!code || code === actor.unitCode) return triage ? scopeUnitIds(actor.scopePath) : [actor.unitId];
  const u = (await routingTable()).byCode.get(code);
  if (!u) throw notFound("unit");
  if (!triage || !(await scopeUnitIds(actor.scopePath)).includes(u.id)) throw await outOfScope(actor, "Unit", u.id, async () => true);
  return [u.id];
}
