// The drawing of a map level as SVG paths, computed on the server: the client component only paints
// strings (no map library in the browser bundle). The schematic draws hexes from lib/map/layout.ts;
// uploaded boundaries are projected with d3-geo (Mercator fitted to the frame). GCJ-02 and WGS-84
// differ by a few hundred metres: with no tiles underneath, either draws the same picture.
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { BRANCH_CELLS, PRECINCT_CELLS, cellCenter, hexCorners, placeCells } from "@/lib/map/layout";
import type { BoundaryFeature, Position } from "@/lib/map/geojson";

export type MapShape = { code: string; d: string; cx: number; cy: number };
export type MapShapes = { source: "schematic" | "boundaries"; width: number; height: number; shapes: MapShape[] };

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 560;
const PAD = 16;

const pathOf = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}Z`;

/** Hexes for the units (branches on the city's map, precincts on a branch's), fitted to the frame. */
export function schematicShapes(codes: readonly string[], level: "branches" | "precincts"): MapShapes {
  const cells = placeCells(codes, level === "branches" ? BRANCH_CELLS : PRECINCT_CELLS);
  const centers = codes.map((code) => cellCenter(cells.get(code)!, 1));
  if (centers.length === 0) return { source: "schematic", width: MAP_WIDTH, height: MAP_HEIGHT, shapes: [] };
  const xs = centers.flatMap(([x]) => [x - Math.sqrt(3) / 2, x + Math.sqrt(3) / 2]);
  const ys = centers.flatMap(([, y]) => [y - 1, y + 1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((MAP_WIDTH - 2 * PAD) / (x1 - x0), (MAP_HEIGHT - 2 * PAD) / (y1 - y0), 150);
  const ox = (MAP_WIDTH - k * (x1 - x0)) / 2 - k * x0;
  const oy = (MAP_HEIGHT - k * (y1 - y0)) / 2 - k * y0;
  const shapes = codes.map((code, i) => {
    const [cx, cy] = [ox + k * centers[i]![0], oy + k * centers[i]![1]];
    // A small gap between neighbours.
    return { code, d: pathOf(hexCorners([cx, cy], k * 0.96)), cx, cy };
  });
  return { source: "schematic", width: MAP_WIDTH, height: MAP_HEIGHT, shapes };
}

/** Twice the signed area of a ring (x east, y north): positive when counter-clockwise. */
const signedArea = (ring: Position[]) => ring.reduce((s, [x, y], i) => {
  const [nx, ny] = ring[(i + 1) % ring.length]!;
  return s + (x * ny - nx * y);
}, 0);

/**
 * d3-geo reads rings on the sphere: an exterior must run clockwise (RFC 7946 files run counter-
 * clockwise, which d3 would read as the whole globe but the area). Rewinds exteriors clockwise and
 * holes counter-clockwise.
 */
function rewind(poly: Position[][]): Position[][] {
  return poly.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? [...ring].reverse() : ring;
  });
}

/** The features projected into the frame (Mercator, fitted), in the order given. */
export function boundaryShapes(features: readonly BoundaryFeature[]): MapShapes {
  const fc: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: features.map((f): Feature<Polygon | MultiPolygon> => ({
      type: "Feature",
      properties: { code: f.code },
      geometry: f.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: rewind(f.geometry.coordinates) }
        : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map(rewind) },
    })),
  };
  // No adaptive resampling: over a city, straight segments between the file's vertices are exact enough.
  const projection = geoMercator().precision(0).fitExtent([[PAD, PAD], [MAP_WIDTH - PAD, MAP_HEIGHT - PAD]], fc);
  const path = geoPath(projection).digits(1);
  const shapes = fc.features.map((f) => {
    const [cx, cy] = path.centroid(f);
    return { code: String(f.properties!.code), d: path(f) ?? "", cx, cy };
  });
  return { source: "boundaries", width: MAP_WIDTH, height: MAP_HEIGHT, shapes };
}
