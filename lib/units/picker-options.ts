import { pinyin } from "pinyin-pro";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { isUnder, routingTable } from "@/lib/units/jurisdiction";

/** A unit as the unit picker offers it: searchable by name, pinyin initials and code. */
export type UnitOption = { code: string; name: string; depth: number; kind: UnitKind; initials: string };

/** Unit names seen so far and their initials: a few hundred at most, asked on every page with a picker. */
const initialsOf = new Map<string, string>();

/** 东城开发区派出所 → "dckfqpcs": the first letter of each character's pinyin (letters and digits kept). */
export function pinyinInitials(name: string): string {
  let s = initialsOf.get(name);
  if (s === undefined) {
    s = pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
      .join("")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    initialsOf.set(name, s);
  }
  return s;
}

/**
 * The active units under a path (tree order) for a picker, from the cached unit table: no query on
 * the pages that offer one. Computed on the server: the pinyin dictionary stays out of the browser's bundle.
 */
export async function unitOptions(root: string, opts: { kinds?: readonly UnitKind[] } = {}): Promise<UnitOption[]> {
  const kinds = opts.kinds ?? ["CENTER", "BRANCH", "PRECINCT"];
  return (await routingTable()).units
    .filter((u) => u.active && kinds.includes(u.kind) && isUnder(u.path, root))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((u) => ({ code: u.code, name: u.name, kind: u.kind, depth: u.path.split("/").length - 1, initials: pinyinInitials(u.name) }));
}
