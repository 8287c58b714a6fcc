// The administrator's official boundaries: upload a GeoJSON file (validated, lib/map/geojson.ts),
// which replaces the schematic map for every reader in their jurisdiction; reset brings the
// schematic back. Both audited. The set belongs to the uploader's jurisdiction root (the city).
import "server-only";
import { z } from "zod";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError, notFound } from "@/lib/errors";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { MAP_CRS, validateBoundaries } from "@/lib/map/geojson";

export const uploadBoundariesSchema = z.object({
  /** The coordinate system the file is in, stated by the uploader (stored with it). */
  crs: z.enum(MAP_CRS),
  fileName: z.string().trim().max(200).optional(),
  /** The GeoJSON file's text. */
  geojson: z.string().min(1),
}).strict();

export const uploadBoundaries = command({
  name: "map.boundaries.upload", permission: "map:manage",
  summary: "Upload official boundaries (GeoJSON FeatureCollection, one Polygon/MultiPolygon per unit code) that replace the schematic map",
  input: uploadBoundariesSchema, audit: ["map.boundaries.upload"],
  async run({ actor, input, tx, now }) {
    const units = await tx.unit.findMany({ where: unitSubtree(actor.scopePath), select: { id: true, code: true, path: true } });
    const root = units.find((u) => u.path === actor.scopePath);
    if (!root) throw notFound("unit");
    const checked = validateBoundaries(input.geojson, new Set(units.map((u) => u.code)));
    if (!checked.features) throw new AppError("VALIDATION", "the boundary file is not accepted", checked.issues);
    await tx.mapBoundarySet.updateMany({ where: { unitId: root.id, revokedAt: null }, data: { revokedAt: now, revokedById: actor.id } });
    const set = await tx.mapBoundarySet.create({
      data: {
        unitId: root.id, crs: input.crs, fileName: input.fileName || null, bytes: Buffer.byteLength(input.geojson, "utf8"),
        featureCount: checked.features.length, features: checked.features, uploadedById: actor.id, createdAt: now,
      },
      select: { id: true, crs: true, featureCount: true, createdAt: true },
    });
    await writeAudit(tx, actor, {
      action: "map.boundaries.upload", success: true, entityType: "MapBoundarySet", entityId: set.id,
      details: { crs: set.crs, featureCount: set.featureCount, codes: checked.features.map((f) => f.code).slice(0, 100) },
    });
    return set;
  },
});

export const resetBoundaries = command({
  name: "map.boundaries.reset", permission: "map:manage",
  summary: "Withdraw the uploaded boundaries: the schematic map is shown again",
  input: z.object({}).strict(), audit: ["map.boundaries.reset"],
  async run({ actor, tx, now }) {
    const root = await tx.unit.findFirst({ where: { path: actor.scopePath }, select: { id: true } });
    if (!root) throw notFound("unit");
    const active = await tx.mapBoundarySet.findMany({ where: { unitId: root.id, revokedAt: null }, select: { id: true } });
    if (active.length === 0) return { reset: 0 };
    await tx.mapBoundarySet.updateMany({ where: { id: { in: active.map((a) => a.id) } }, data: { revokedAt: now, revokedById: actor.id } });
    await writeAudit(tx, actor, { action: "map.boundaries.reset", success: true, entityType: "MapBoundarySet", entityId: active[0]!.id, details: { sets: active.length } });
    return { reset: active.length };
  },
});
