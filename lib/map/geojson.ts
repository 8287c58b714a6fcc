// Validation of an uploaded boundary file (GeoJSON, RFC 7946): a FeatureCollection of Polygon or
// MultiPolygon features, each naming a unit of the uploader's jurisdiction in `properties.code`,
// one feature per code, longitude/latitude positions (WGS-84 or GCJ-02, as the upload states) that
// lie in China, within a size limit. Every problem is a field issue whose path names the feature
// (geojson.features[3].properties.code), so the page can say which feature and property is wrong.
import type { FieldIssue } from "@/lib/errors";

/** The largest file accepted (bytes of UTF-8): a server action's body stays under 1 MB. */
export const MAX_BOUNDARY_BYTES = 800_000;
export const MAX_FEATURES = 2000;
export const MAP_CRS = ["WGS84", "GCJ02"] as const;
export type MapCrs = (typeof MAP_CRS)[number];

export type Position = [number, number];
export type Geometry = { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };
export type BoundaryFeature = { code: string; geometry: Geometry };

/** Issues stop being collected after this many: a wholly wrong file answers a readable list. */
const MAX_ISSUES = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** China's extent in longitude/latitude, with a margin: projected metres or swapped axes fall outside. */
const inChina = ([lon, lat]: Position) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;

function ringIssue(ring: unknown): "bad_coordinates" | "outside_china" | null {
  if (!Array.isArray(ring) || ring.length < 4) return "bad_coordinates";
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === "number" && Number.isFinite(n))) return "bad_coordinates";
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return "bad_coordinates";
  if (!(ring as Position[]).every(inChina)) return "outside_china";
  return null;
}

function polygonIssue(poly: unknown): "bad_coordinates" | "outside_china" | null {
  if (!Array.isArray(poly) || poly.length === 0) return "bad_coordinates";
  for (const ring of poly) {
    const issue = ringIssue(ring);
    if (issue) return issue;
  }
  return null;
}

/**
 * Parses and checks the file's text. `knownCodes` are the unit codes the uploader may draw (their
 * jurisdiction). Answers the features (code and geometry, 2-D positions) or the issues.
 */
export function validateBoundaries(text: string, knownCodes: ReadonlySet<string>): { features: BoundaryFeature[]; issues: [] } | { features: null; issues: FieldIssue[] } {
  const fail = (path: string, code: string, message: string) => ({ features: null, issues: [{ path, code, message }] });
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_BOUNDARY_BYTES) return fail("geojson", "too_large", `${bytes} bytes, at most ${MAX_BOUNDARY_BYTES}`);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return fail("geojson", "invalid_json", "not valid JSON");
  }
  if (!isObject(root) || root.type !== "FeatureCollection") return fail("geojson.type", "not_feature_collection", "must be a FeatureCollection");
  const list = root.features;
  if (!Array.isArray(list) || list.length === 0) return fail("geojson.features", "no_features", "no features");
  if (list.length > MAX_FEATURES) return fail("geojson.features", "too_many_features", `at most ${MAX_FEATURES} features`);

  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, code, message });
  };
  const seen = new Map<string, number>();
  const features: BoundaryFeature[] = [];
  list.forEach((f: unknown, i) => {
    const at = `geojson.features[${i}]`;
    if (!isObject(f) || f.type !== "Feature") return add(`${at}.type`, "not_feature", "must be a Feature");
    const props = f.properties;
    const code = isObject(props) ? props.code : undefined;
    if (typeof code !== "string" || !code.trim()) return add(`${at}.properties.code`, "code_missing", "properties.code is required");
    if (!knownCodes.has(code)) return add(`${at}.properties.code`, "unknown_unit", `no unit ${code.slice(0, 20)} in your jurisdiction`);
    const before = seen.get(code);
    if (before !== undefined) return add(`${at}.properties.code`, "duplicate_code", `${code} already at feature ${before}`);
    seen.set(code, i);
    const g = f.geometry;
    if (!isObject(g) || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
      return add(`${at}.geometry.type`, "geometry_type", `${isObject(g) ? String(g.type).slice(0, 30) : "null"} is not Polygon or MultiPolygon`);
    }
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    if (!Array.isArray(polys) || polys.length === 0) return add(`${at}.geometry.coordinates`, "bad_coordinates", "no polygons");
    for (const poly of polys) {
      const issue = polygonIssue(poly);
      if (issue) return add(`${at}.geometry.coordinates`, issue, issue === "outside_china" ? "positions must be longitude, latitude in China" : "rings of at least 4 closed [lon, lat] positions");
    }
    const flat = (poly: Position[][]) => poly.map((ring) => ring.map(([lon, lat]) => [lon, lat] as Position));
    const geometry: Geometry = g.type === "Polygon"
      ? { type: "Polygon", coordinates: flat(g.coordinates as Position[][]) }
      : { type: "MultiPolygon", coordinates: (g.coordinates as Position[][][]).map(flat) };
    features.push({ code, geometry });
  });
  return issues.length ? { features: null, issues } : { features, issues: [] };
}
