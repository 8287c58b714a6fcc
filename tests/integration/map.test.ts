// The map (issue 17): figures by county/district and precinct read from the rollups agree with the
// statistics summary; a branch-level reader sees only its area; the boundary upload refuses bad
// files with the field that is wrong (no partial writes), and a good one replaces the schematic.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mapFigures } from "@/lib/map/queries";
import { resetBoundaries, uploadBoundaries } from "@/lib/map/commands";
import { MAX_BOUNDARY_BYTES } from "@/lib/map/geojson";
import { summaryFor } from "@/lib/stats/summary";
import { GET as getMap } from "@/app/api/v1/stats/map/route";
import { makeApiKey, makeUnitTree, makeUser, type TestTree } from "@/tests/factories";
import { seedAction, seedCase, seedWarning } from "./stats-fixtures";

let tree: TestTree;
const YEAR = { from: "2025-01-01", to: "2025-12-31" };
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  tree = await makeUnitTree();
  const [b1, b2] = [tree.branches[0]!, tree.branches[1]!];
  const [p11, p12, p21] = [b1.precincts[0]!, b1.precincts[1]!, b2.precincts[0]!];
  const w = await seedWarning(p11.id, { receivedAt: at("2025-03-01T02:00:00Z"), resolvedAt: at("2025-03-01T03:00:00Z"), outcome: "DISSUADED" });
  await seedWarning(p11.id, { receivedAt: at("2025-04-01T02:00:00Z"), resolvedAt: at("2025-04-01T03:00:00Z"), outcome: "DISSUADED" });
  await seedWarning(p12.id, { receivedAt: at("2025-05-01T02:00:00Z") });
  await seedWarning(p21.id, { receivedAt: at("2025-06-01T02:00:00Z"), resolvedAt: at("2025-06-01T05:00:00Z"), outcome: "UNREACHABLE" });
  await seedWarning(tree.center.id, { receivedAt: at("2025-07-01T02:00:00Z"), resolvedAt: at("2025-07-01T02:30:00Z"), outcome: "DISSUADED" });
  await seedWarning(p21.id, { receivedAt: at("2024-06-01T02:00:00Z") }); // another year
  await seedAction(p11.id, { kind: "HOTLINE_CALL", result: "DISSUADED", occurredAt: at("2025-03-01T02:30:00Z"), amountProtected: "12345.67", warningId: w });
  await seedAction(p21.id, { kind: "COUNTER_INTERCEPT", result: "DISSUADED", occurredAt: at("2025-08-01T02:30:00Z"), amountProtected: "50000.00" });
  await seedCase(p12.id, { reportedAt: at("2025-02-01T01:00:00Z"), filedAt: at("2025-02-02T01:00:00Z") });
  await seedCase(b2.id, { reportedAt: at("2025-02-01T01:00:00Z"), filedAt: at("2025-02-03T01:00:00Z") });
  await seedCase(b2.id, { reportedAt: at("2025-02-01T01:00:00Z"), filedAt: at("2025-09-03T01:00:00Z") });
});

const figure = (s: Awaited<ReturnType<typeof summaryFor>>, key: string) => s.figures.find((f) => f.key === key)!.value;

describe("map figures", () => {
  it("agree with the statistics summary for two branches and the city", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const map = await mapFigures(actor, YEAR);
    expect(map.unit.code).toBe(tree.city.code);
    const codes = map.areas.map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining([tree.center.code, tree.branches[0]!.code, tree.branches[1]!.code]));
    for (const unit of [tree.branches[0]!, tree.branches[1]!, tree.city]) {
      const s = await summaryFor(actor, { ...YEAR, unit: unit.code });
      const v = unit === tree.city ? map.total : map.areas.find((a) => a.code === unit.code)!.values;
      expect(v.cases, unit.code).toBe(figure(s, "casesFiled"));
      expect(v.dissuasions, unit.code).toBe(figure(s, "peopleDissuaded"));
      expect(v.losses, unit.code).toBe(figure(s, "lossStopped"));
    }
    const b1 = map.areas.find((a) => a.code === tree.branches[0]!.code)!;
    const b2 = map.areas.find((a) => a.code === tree.branches[1]!.code)!;
    expect(b1.values).toEqual({ warnings: "3", dissuasions: "2", cases: "1", losses: "12345.67" });
    expect(b2.values).toEqual({ warnings: "1", dissuasions: "1", cases: "2", losses: "50000.00" });
    expect(map.total.warnings).toBe("5");
    // The 反诈中心 has no territory: in the table, not on the map.
    expect(map.areas.find((a) => a.code === tree.center.code)!.onMap).toBe(false);
    expect(b1.drill && b1.onMap).toBe(true);
    expect(map.shapes.source).toBe("schematic");
    expect(map.shapes.shapes.map((s) => s.code).sort()).toEqual([tree.branches[0]!.code, tree.branches[1]!.code].sort());
  });

  it("drills into a branch: its precincts, each its own figures", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const map = await mapFigures(actor, { ...YEAR, unit: tree.branches[0]!.code });
    expect(map.areas.map((a) => a.code).sort()).toEqual(tree.branches[0]!.precincts.map((p) => p.code).sort());
    expect(map.areas.find((a) => a.code === tree.branches[0]!.precincts[0]!.code)!.values).toEqual({ warnings: "2", dissuasions: "2", cases: "0", losses: "12345.67" });
    expect(map.areas.every((a) => !a.drill && a.onMap)).toBe(true);
    expect(map.shapes.shapes).toHaveLength(2);
  });

  it("shows a branch-level reader only their branch; another branch is not found (also over the API)", async () => {
    const { actor } = await makeUser(tree.branches[1]!, "INVESTIGATOR");
    const map = await mapFigures(actor, YEAR);
    expect(map.unit.code).toBe(tree.branches[1]!.code);
    expect(map.areas.map((a) => a.code).sort()).toEqual(tree.branches[1]!.precincts.map((p) => p.code).sort());
    await expect(mapFigures(actor, { ...YEAR, unit: tree.branches[0]!.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const key = await makeApiKey(tree.branches[1]!, ["stats:read"]);
    const res = await getMap(new Request(`http://localhost/api/v1/stats/map?from=${YEAR.from}&to=${YEAR.to}&unit=${tree.branches[0]!.code}`, { headers: { authorization: `Bearer ${key.key}` } }), {});
    expect(res.status).toBe(404);
    const own = await getMap(new Request(`http://localhost/api/v1/stats/map?from=${YEAR.from}&to=${YEAR.to}`, { headers: { authorization: `Bearer ${key.key}` } }), {});
    expect(own.status).toBe(200);
    const body = await own.json();
    expect(body.total).toEqual({ warnings: "1", dissuasions: "1", cases: "2", losses: "50000.00" });
  });
});

/** A square around a point, counter-clockwise (RFC 7946). */
const square = (lon: number, lat: number, d = 0.1) => ({ type: "Polygon", coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
const feature = (code: unknown, geometry: unknown = square(110.7, 32.6)) => ({ type: "Feature", properties: { code }, geometry });
const file = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

describe("boundary upload", () => {
  const refused = async (input: Record<string, unknown>) => {
    const { actor } = await makeUser(tree.city, "ADMIN");
    const before = await getDb().mapBoundarySet.count();
    const e = await uploadBoundaries(actor, input).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
    expect(await getDb().mapBoundarySet.count()).toBe(before);
    return (e as AppError).details.map((d) => [d.path, d.code]);
  };
  const [b1, b2] = [() => tree.branches[0]!.code, () => tree.branches[1]!.code];

  it("refuses a geometry that is not a polygon, naming the feature", async () => {
    expect(await refused({ crs: "WGS84", geojson: file(feature(b1()), feature(b2(), { type: "Point", coordinates: [110.7, 32.6] })) }))
      .toEqual([["geojson.features[1].geometry.type", "geometry_type"]]);
  });

  it("refuses an unknown unit code, and one of another city", async () => {
    const far = await makeUnitTree();
    expect(await refused({ crs: "WGS84", geojson: file(feature("99999999"), feature(far.branches[0]!.code)) }))
      .toEqual([["geojson.features[0].properties.code", "unknown_unit"], ["geojson.features[1].properties.code", "unknown_unit"]]);
  });

  it("refuses a duplicate code and a feature without one", async () => {
    expect(await refused({ crs: "GCJ02", geojson: file(feature(b1()), feature(b1()), { type: "Feature", properties: {}, geometry: square(110, 32) }) }))
      .toEqual([["geojson.features[1].properties.code", "duplicate_code"], ["geojson.features[2].properties.code", "code_missing"]]);
  });

  it("refuses a file over the size limit", async () => {
    const big = file(feature(b1(), { type: "Polygon", coordinates: [[...Array.from({ length: 60_000 }, (_, i) => [110 + i / 1e6, 32.5]), [110, 32.6], [110, 32.5]]] }));
    expect(big.length).toBeGreaterThan(MAX_BOUNDARY_BYTES);
    expect(await refused({ crs: "WGS84", geojson: big })).toEqual([["geojson", "too_large"]]);
  });

  it("refuses a file without its coordinate system, and projected coordinates", async () => {
    expect(await refused({ geojson: file(feature(b1())) })).toEqual([["crs", "required"]]);
    expect(await refused({ crs: "WGS84", geojson: file(feature(b1(), square(500_000, 3_600_000, 1000))) })).toEqual([["geojson.features[0].geometry.coordinates", "outside_china"]]);
    expect(await refused({ crs: "WGS84", geojson: "{" })).toEqual([["geojson", "invalid_json"]]);
  });

  it("stores a good file (audited) that replaces the schematic for the city's readers; reset brings the schematic back", async () => {
    const { actor: admin } = await makeUser(tree.city, "ADMIN");
    const { actor: leader } = await makeUser(tree.city, "LEADER");
    const multi = { type: "MultiPolygon", coordinates: [square(110.9, 32.4).coordinates, square(111.2, 32.4).coordinates] };
    const set = await uploadBoundaries(admin, { crs: "GCJ02", fileName: "十堰.geojson", geojson: file(feature(b1(), square(110.7, 32.6)), feature(b2(), multi)) });
    expect(set).toMatchObject({ crs: "GCJ02", featureCount: 2 });
    expect(await getDb().auditLog.count({ where: { action: "map.boundaries.upload", actorId: admin.id, entityId: set.id } })).toBe(1);

    const map = await mapFigures(leader, YEAR);
    expect(map.shapes.source).toBe("boundaries");
    expect(map.boundary).toMatchObject({ crs: "GCJ02", featureCount: 2, unitCode: tree.city.code });
    const shapes = new Map(map.shapes.shapes.map((s) => [s.code, s]));
    expect([...shapes.keys()].sort()).toEqual([b1(), b2()].sort());
    // Projected into the frame (a wound-the-wrong-way polygon would fill the whole globe).
    for (const s of shapes.values()) {
      expect(s.d).toMatch(/^M[\d.]+,[\d.]+L/);
      expect(s.cx).toBeGreaterThan(0);
      expect(s.cx).toBeLessThan(map.shapes.width);
    }
    expect(shapes.get(b1())!.cx).toBeLessThan(shapes.get(b2())!.cx);
    // The precincts have no boundaries: their level stays schematic.
    expect((await mapFigures(leader, { ...YEAR, unit: b1() })).shapes.source).toBe("schematic");
    // Another city's readers keep their schematic.
    const far = await makeUnitTree();
    expect((await mapFigures((await makeUser(far.city, "LEADER")).actor, YEAR)).shapes.source).toBe("schematic");

    expect(await resetBoundaries(admin, {})).toEqual({ reset: 1 });
    expect(await getDb().auditLog.count({ where: { action: "map.boundaries.reset", actorId: admin.id } })).toBe(1);
    expect((await mapFigures(leader, YEAR)).shapes.source).toBe("schematic");
  });

  it("is the administrator's: a leader is refused", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    await expect(uploadBoundaries(actor, { crs: "WGS84", geojson: file(feature(b1())) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
