import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { unitSubtree } from "@/lib/units/jurisdiction";

export type UnitRow = {
  id: string;
  code: string;
  name: string;
  kind: "CITY" | "CENTER" | "BRANCH" | "PRECINCT";
  path: string;
  depth: number;
  parentCode: string | null;
  population: number | null;
  addressKeywords: string[];
  active: boolean;
  version: number;
  userCount: number;
};

/** The actor's unit subtree in tree order (parents before children, siblings by code). */
export async function listUnits(actor: Pick<Actor, "scopePath">): Promise<UnitRow[]> {
  const units = await getDb().unit.findMany({
    where: unitSubtree(actor.scopePath),
    orderBy: { path: "asc" },
    select: {
      id: true, code: true, name: true, kind: true, path: true, population: true, addressKeywords: true,
      active: true, version: true, parent: { select: { code: true } }, _count: { select: { users: true } },
    },
  });
  return units.map((u) => ({
    id: u.id, code: u.code, name: u.name, kind: u.kind, path: u.path,
    depth: u.path.split("/").length - 1,
    parentCode: u.parent?.code ?? null,
    population: u.population, addressKeywords: u.addressKeywords, active: u.active, version: u.version,
    userCount: u._count.users,
  }));
}
