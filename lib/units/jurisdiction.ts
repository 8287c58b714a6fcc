import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Units at or below the given path. Paths are unit codes from the root joined by "/". */
export function unitSubtree(path: string): Prisma.UnitWhereInput {
  return { OR: [{ path }, { path: { startsWith: `${path}/` } }] };
}

/** `where` fragment for records owned by a unit of the actor's jurisdiction. */
export function inJurisdiction(actor: Pick<Actor, "scopePath">): { unit: Prisma.UnitWhereInput } {
  return { unit: unitSubtree(actor.scopePath) };
}

export function pathInScope(actor: Pick<Actor, "scopePath">, unitPath: string): boolean {
  return unitPath === actor.scopePath || unitPath.startsWith(`${actor.scopePath}/`);
}
