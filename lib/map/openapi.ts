import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { resetBoundaries, uploadBoundaries } from "@/lib/map/commands";
import { MAP_METRIC_KEYS, statsMap } from "@/lib/map/queries";
import { statsQueryFields } from "@/lib/stats/openapi";

const fields = {
  ...statsQueryFields,
  unit: { description: "unit code (default: the caller's jurisdiction); the map shows its children" },
  g: { description: "ignored by the map" },
};
const unitRef = { code: { type: "string" }, name: { type: "string" }, kind: { type: "string" } };
const values = { type: "object", description: "exact decimals: counts, and yuan with two places for losses (止损)", properties: Object.fromEntries(MAP_METRIC_KEYS.map((k) => [k, { type: "string" }])) };
const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };

/** The map (issue 17): figures by area from the rollups, and the administrator's boundary upload. */
export const mapPaths: Record<string, PathItem> = {
  "/stats/map": {
    get: operation(statsMap, "get", {
      tags: ["stats"],
      fields,
      responses: {
        200: json({
          type: "object",
          properties: {
            unit: { type: "object", properties: unitRef },
            total: values,
            areas: { type: "array", items: { type: "object", properties: { ...unitRef, values, drill: { type: "boolean" }, onMap: { type: "boolean" } } } },
            shapes: { type: "object", description: "SVG paths in a width × height frame; source schematic or boundaries" },
            boundary: { type: ["object", "null"] },
          },
        }),
        ...errors,
      },
    }),
  },
  "/map/boundaries": {
    post: operation(uploadBoundaries, "post", {
      tags: ["stats"],
      fields: {
        crs: { description: "the file's coordinate system: WGS84 or GCJ02" },
        geojson: { description: "the GeoJSON FeatureCollection as text: Polygon/MultiPolygon features, properties.code a unit code of the caller's jurisdiction, one feature per code" },
      },
      responses: { 201: { description: "stored; it replaces the schematic map" }, 413: errorBody, ...errors },
    }),
    delete: operation(resetBoundaries, "delete", {
      tags: ["stats"],
      responses: { 200: { description: "the uploaded boundaries are withdrawn" }, ...errors },
    }),
  },
};
