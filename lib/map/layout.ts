// The schematic map (示意图): a hex cartogram of the city's counties/districts (branches) and, inside
// each, its precincts — laid out once here, by unit code, roughly where they lie in 十堰 (郧西 in the
// north-west, 房县 in the south-east, the city proper in the middle). A cell is [column, row] of a
// pointy-top hex grid whose odd rows are shifted half a cell right. Units missing from the layout (a
// unit created after this file) are placed automatically in the next free cell, in code order.

/** Branches (分局/县局) on the city's map. */
export const BRANCH_CELLS: Readonly<Record<string, readonly [number, number]>> = {
  "420322": [0, 0], // 郧西县
  "420304": [1, 0], // 郧阳区
  "420381": [2, 0], // 丹江口市
  "420391": [-1, 1], // 东岳分局
  "420303": [0, 1], // 张湾区
  "420302": [1, 1], // 茅箭区
  "420390": [2, 1], // 武当山特区
  "420324": [0, 2], // 竹溪县
  "420323": [1, 2], // 竹山县
  "420325": [2, 2], // 房县
};

/** Precincts on their branch's map (cells relative to the branch's own grid). */
export const PRECINCT_CELLS: Readonly<Record<string, readonly [number, number]>> = {
  // 茅箭区
  "42030201": [1, 0], "42030202": [0, 0], "42030203": [0, 1], "42030204": [1, 1],
  // 张湾区
  "42030301": [1, 0], "42030302": [0, 0], "42030303": [1, 1], "42030304": [0, 1],
  // 郧阳区
  "42030401": [1, 0], "42030402": [0, 0], "42030403": [0, 1],
  // 郧西县
  "42032201": [1, 0], "42032202": [0, 0], "42032203": [0, 1],
  // 竹山县
  "42032301": [1, 0], "42032302": [0, 0], "42032303": [0, 1],
  // 竹溪县
  "42032401": [1, 0], "42032402": [0, 0], "42032403": [0, 1],
  // 房县
  "42032501": [0, 0], "42032502": [1, 0], "42032503": [0, 1],
  // 丹江口市
  "42038101": [1, 0], "42038102": [0, 0], "42038103": [1, 1], "42038104": [0, 1],
  // 武当山特区
  "42039001": [0, 0], "42039002": [1, 0],
  // 东岳分局
  "42039101": [0, 0], "42039102": [1, 0], "42039103": [0, 1],
};

export type Cell = readonly [number, number];

/**
 * Cells for the given codes: each from the layout when it holds the code and the cell is still free,
 * the rest in code order in the first free cells, row by row, in a grid as wide as the layout's.
 */
export function placeCells(codes: readonly string[], layout: Readonly<Record<string, Cell>>): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const taken = new Set<string>();
  const key = (c: Cell) => `${c[0]},${c[1]}`;
  const missing: string[] = [];
  for (const code of codes) {
    const cell = layout[code];
    if (cell && !taken.has(key(cell))) {
      out.set(code, cell);
      taken.add(key(cell));
    } else missing.push(code);
  }
  const placed = [...out.values()];
  const minCol = Math.min(0, ...placed.map((c) => c[0]));
  const width = Math.max(3, ...placed.map((c) => c[0] - minCol + 1));
  let i = 0;
  for (const code of [...missing].sort()) {
    for (;; i++) {
      const cell: Cell = [minCol + (i % width), Math.floor(i / width)];
      if (taken.has(key(cell))) continue;
      out.set(code, cell);
      taken.add(key(cell));
      break;
    }
  }
  return out;
}

const SQRT3 = Math.sqrt(3);

/** The centre of a cell for hexes of circumradius r. */
export function cellCenter([col, row]: Cell, r: number): [number, number] {
  return [SQRT3 * r * (col + (row & 1 ? 0.5 : 0)), 1.5 * r * row];
}

/** A pointy-top hexagon's corners around a centre. */
export function hexCorners([cx, cy]: [number, number], r: number): [number, number][] {
  return Array.from({ length: 6 }, (_, k) => {
    const a = (Math.PI / 180) * (60 * k - 30);
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}
