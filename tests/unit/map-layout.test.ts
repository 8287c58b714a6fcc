// The schematic map's layout: every branch and precinct of the demo tree has its own cell; units
// missing from the layout get free cells; hexes and boundaries land inside the frame.
import { describe, expect, it } from "vitest";
import { UNIT_TREE } from "@/prisma/seed/units";
import { BRANCH_CELLS, PRECINCT_CELLS, placeCells } from "@/lib/map/layout";
import { MAP_HEIGHT, MAP_WIDTH, boundaryShapes, schematicShapes } from "@/lib/map/shapes";
import { validateBoundaries } from "@/lib/map/geojson";

const cellKey = (c: readonly [number, number]) => c.join(",");

describe("schematic layout", () => {
  it("places every branch and precinct of the unit tree, no two in one cell", () => {
    const branches = UNIT_TREE.filter((u) => u.kind === "BRANCH");
    expect(branches.map((b) => b.code).filter((c) => !BRANCH_CELLS[c])).toEqual([]);
    expect(new Set(branches.map((b) => cellKey(BRANCH_CELLS[b.code]!))).size).toBe(branches.length);
    for (const b of branches) {
      const precincts = UNIT_TREE.filter((u) => u.parentCode === b.code);
      expect(precincts.map((p) => p.code).filter((c) => !PRECINCT_CELLS[c]), b.code).toEqual([]);
      expect(new Set(precincts.map((p) => cellKey(PRECINCT_CELLS[p.code]!))).size, b.code).toBe(precincts.length);
    }
  });

  it("gives units missing from the layout the free cells, in code order", () => {
    const cells = placeCells(["420302", "X2", "X1", "420303"], BRANCH_CELLS);
    expect(cells.get("420302")).toEqual([1, 1]);
    const all = [...cells.values()].map(cellKey);
    expect(new Set(all).size).toBe(4);
    expect(cells.get("X1")).toEqual([0, 0]);
    expect(cells.get("X2")).toEqual([1, 0]);
  });

  it("draws hexes inside the frame", () => {
    const s = schematicShapes(UNIT_TREE.filter((u) => u.kind === "BRANCH").map((u) => u.code), "branches");
    expect(s.shapes).toHaveLength(10);
    for (const h of s.shapes) {
      expect(h.cx).toBeGreaterThan(0);
      expect(h.cx).toBeLessThan(MAP_WIDTH);
      expect(h.cy).toBeGreaterThan(0);
      expect(h.cy).toBeLessThan(MAP_HEIGHT);
    }
  });
});

describe("boundaries", () => {
  it("projects counter-clockwise (RFC 7946) and clockwise rings alike, west to the left", () => {
    const ccw = [[110, 32], [110.5, 32], [110.5, 32.5], [110, 32.5], [110, 32]] as [number, number][];
    const cw = [[111, 32], [111, 32.5], [111.5, 32.5], [111.5, 32], [111, 32]] as [number, number][];
    const s = boundaryShapes([{ code: "A", geometry: { type: "Polygon", coordinates: [ccw] } }, { code: "B", geometry: { type: "Polygon", coordinates: [cw] } }]);
    const [a, b] = s.shapes;
    expect(a!.cx).toBeLessThan(b!.cx);
    expect(Math.abs(a!.cy - b!.cy)).toBeLessThan(1);
    expect(b!.cx - a!.cx).toBeGreaterThan(MAP_WIDTH / 3);
  });

  it("keeps the first problem of each feature and stops at twenty", () => {
    const features = Array.from({ length: 30 }, () => ({ type: "Feature", properties: { code: "nope" }, geometry: null }));
    const r = validateBoundaries(JSON.stringify({ type: "FeatureCollection", features }), new Set(["A"]));
    expect(r.issues).toHaveLength(20);
    expect(r.issues[0]).toMatchObject({ path: "geojson.features[0].properties.code", code: "unknown_unit" });
  });
});
