// Rolling per-unit figures up the unit tree: leadership reads each child of the chosen unit with
// everything beneath it, plus what the chosen unit recorded itself ("本级"). Pure.
import { isUnder } from "@/lib/units/jurisdiction";

export type UnitNode = { id: string; code: string; name: string; path: string; parentId: string | null };

export type RollupRow<K extends string> = {
  unitId: string;
  code: string;
  name: string;
  /** True for the chosen unit's own records, not those of its children. */
  own: boolean;
  values: Record<K, number>;
};

/**
 * Sums `valuesByUnit` (unit id → figures) over each child subtree of `root`. Units outside the
 * root's subtree are ignored. Rows come in code order, the root's own row first when it has any.
 */
export function rollUp<K extends string>(
  root: UnitNode,
  units: UnitNode[],
  keys: readonly K[],
  valuesByUnit: Map<string, Partial<Record<K, number>>>,
): { rows: RollupRow<K>[]; total: Record<K, number> } {
  const zero = () => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const children = units.filter((u) => u.parentId === root.id).sort((a, b) => a.code.localeCompare(b.code));
  const own: RollupRow<K> = { unitId: root.id, code: root.code, name: root.name, own: true, values: zero() };
  const rows = children.map((c): RollupRow<K> => ({ unitId: c.id, code: c.code, name: c.name, own: false, values: zero() }));
  const byPath = children.map((c, i) => ({ path: c.path, row: rows[i]! }));
  const total = zero();
  for (const u of units) {
    const v = valuesByUnit.get(u.id);
    if (!v) continue;
    let target: RollupRow<K> | undefined;
    if (u.id === root.id) target = own;
    else target = byPath.find((b) => isUnder(u.path, b.path))?.row;
    if (!target) continue;
    for (const k of keys) {
      const n = v[k] ?? 0;
      target.values[k] += n;
      total[k] += n;
    }
  }
  const ownHasData = keys.some((k) => own.values[k] !== 0);
  return { rows: ownHasData ? [own, ...rows] : rows, total };
}
