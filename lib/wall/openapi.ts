import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { openWallStream, wallFigures } from "@/lib/wall/commands";
import { AGE_GROUPS } from "@/lib/profiles/dimensions";
import { WALL_FIGURES } from "@/lib/wall/board";

const unitValue = { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, value: { type: "number" } } };

/** The big screen (大屏): aggregates and a masked feed, no personal data. */
export const wallPaths: Record<string, PathItem> = {
  "/wall": {
    get: operation(wallFigures, "get", {
      tags: ["wall"],
      summary: "The big screen's figures of the caller's jurisdiction (aggregates only; the feed masked to fraud type, risk, unit and age group)",
      responses: {
        200: json({
          type: "object",
          properties: {
            unit: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
            today: { type: "string", format: "date" },
            generatedAt: { type: "string", format: "date-time" },
            figures: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  key: { enum: WALL_FIGURES }, kind: { enum: ["count", "money"] }, value: { type: "string" },
                  yearAgo: { type: ["string", "null"] }, yoy: { type: ["number", "null"], description: "同比 % against the same day a year ago" },
                },
              },
            },
            breaches: { type: "array", items: unitValue, description: "SLA breaches of the last 7 days by child unit" },
            warningsByUnit: { type: "array", items: unitValue, description: "today's warnings by child unit (a precinct: itself), drawn on the map" },
            mapShapes: {
              type: "object",
              description: "the map of those units as SVG paths: the uploaded boundaries of the city, else the schematic",
              properties: {
                source: { enum: ["schematic", "boundaries"] }, width: { type: "number" }, height: { type: "number" },
                shapes: { type: "array", items: { type: "object", properties: { code: { type: "string" }, d: { type: "string" }, cx: { type: "number" }, cy: { type: "number" } } } },
              },
            },
            surges: {
              type: "array",
              description: "fraud types surging now: warnings of the last 7 days and the usual level (mean of the same windows of the 8 weeks before)",
              items: { type: "object", properties: { fraudType: { type: "string" }, count: { type: "integer" }, usual: { type: "integer" } } },
            },
            trend: { type: "object", description: "the last 7 days' warnings of the week's top fraud types" },
            rankings: { type: "array", items: { type: "object" } },
            feed: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  fraudType: { type: "string" }, risk: { type: "string" }, unit: { type: "string" },
                  ageGroup: { enum: AGE_GROUPS }, receivedAt: { type: "string", format: "date-time" },
                },
              },
            },
          },
        }),
        401: errorBody,
        403: errorBody,
      },
    }),
  },
  "/wall/stream": {
    get: operation(openWallStream, "get", {
      tags: ["wall"],
      summary: "Server-Sent Events: that warnings changed in the caller's jurisdiction (kinds only; the wall refetches)",
      responses: { 200: { description: "text/event-stream" }, 401: errorBody, 403: errorBody },
    }),
  },
};
