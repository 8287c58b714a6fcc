import { pinyin } from "pinyin-pro";
import type { UnitRow } from "@/lib/units/queries";

/** A unit as the unit picker offers it: searchable by name, pinyin initials and code. */
export type UnitOption = { code: string; name: string; depth: number; kind: UnitRow["kind"]; initials: string };

/** 东城开发区派出所 → "dckfqpcs": the first letter of each character's pinyin (letters and digits kept). */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * The active units of a jurisdiction (tree order) for a picker. Computed on the server: the pinyin
 * dictionary stays out of the browser's bundle.
 */
export function unitPickerOptions(units: UnitRow[], opts: { withCity?: boolean } = {}): UnitOption[] {
  return units
    .filter((u) => u.active && (opts.withCity || u.kind !== "CITY"))
    .map(({ code, name, depth, kind }) => ({ code, name, depth, kind, initials: pinyinInitials(name) }));
}
