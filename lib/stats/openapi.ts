import { errorBody, json, operation, type PathItem } from "@/lib/openapi/schema";
import { exportStats, statsSummary } from "@/lib/stats/summary";
import { FIGURE_KEYS } from "@/lib/stats/figures";
import { exportVictimProfile, victimProfile } from "@/lib/profiles/queries";

const day = { type: "string", format: "date", description: "China-local calendar day (Asia/Shanghai), inclusive" };
/** What the statistics' query schema cannot say about its fields (the map and profiles read the same query). */
export const statsQueryFields = {
  period: { description: "a preset period (default: this year); omit with from/to" },
  from: day,
  to: day,
  unit: { description: "unit code (default: the caller's jurisdiction); its whole subtree counts" },
  g: { description: "trend granularity" },
};
const fields = statsQueryFields;
const range = { type: "object", properties: { from: day, to: day } };
const unitRef = { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, kind: { type: "string" } } };
const figure = {
  type: "object",
  properties: {
    key: { type: "string", enum: FIGURE_KEYS },
    kind: { type: "string", enum: ["count", "money"] },
    value: { type: "string", description: "exact decimal: whole number for counts, yuan with two places for money" },
    previous: { type: "string" },
    yearAgo: { type: "string" },
    yoy: { type: ["number", "null"], description: "同比 % change against the same period a year earlier (null when that was zero)" },
    mom: { type: ["number", "null"], description: "环比 % change against the previous period" },
    trend: { type: "array", items: { type: "number" } },
  },
};
const errors = { 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };

/** The statistics endpoints (DESIGN.md §3, §5): aggregates only, read from the rollups. */
export const statsPaths: Record<string, PathItem> = {
  "/stats/summary": {
    get: operation(statsSummary, "get", {
      tags: ["stats"],
      summary: "Every figure of DESIGN.md §3 for a period and unit, with 同比 and 环比",
      fields,
      responses: {
        200: json({
          type: "object",
          properties: {
            period: { type: "object", properties: { kind: { type: "string" }, current: range, previous: range, yearAgo: range, granularity: { type: "string" }, partial: { type: ["string", "null"], description: "the trend bucket holding today, still running" } } },
            unit: unitRef,
            breadcrumb: { type: "array", items: unitRef },
            children: { type: "array", items: unitRef },
            figures: { type: "array", items: figure },
          },
        }),
        ...errors,
      },
    }),
  },
  "/stats/export": {
    get: operation(exportStats, "get", {
      tags: ["stats"],
      summary: "The statistics tables of a period and unit as an .xlsx workbook (audited)",
      fields,
      responses: {
        200: { description: "the workbook", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } },
        ...errors,
      },
    }),
  },
  // Victim profiles (issue 17 item 3): from the profile rollup, aggregates only.
  "/stats/profiles": {
    get: operation(victimProfile, "get", {
      tags: ["stats"],
      summary: "Victim profiles: age group × fraud type, gender, weekday × hour (China time), channel of first contact, amount band",
      fields,
      responses: {
        200: json({
          type: "object",
          properties: {
            unit: unitRef, breadcrumb: { type: "array", items: unitRef }, range, total: { type: "integer" },
            ageByFraud: { type: "array", items: { type: "object", properties: { age: { type: "string" }, total: { type: "integer" }, byType: { type: "object", additionalProperties: { type: "integer" } } } } },
            gender: { type: "array", items: { type: "object", properties: { gender: { type: "string" }, count: { type: "integer" } } } },
            heat: { type: "array", items: { type: "object", properties: { weekday: { type: "integer", description: "ISO weekday, Monday = 1" }, hour: { type: "integer" }, count: { type: "integer" } } } },
            channel: { type: "array", items: { type: "object", properties: { channel: { type: "string" }, count: { type: "integer" } } } },
            amount: { type: "array", items: { type: "object", properties: { band: { type: "string" }, count: { type: "integer" } } } },
          },
        }),
        ...errors,
      },
    }),
  },
  "/stats/profiles/export": {
    get: operation(exportVictimProfile, "get", {
      tags: ["stats"],
      summary: "Victim profiles of a period and unit as CSV (audited)",
      fields,
      responses: { 200: { description: "the CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...errors },
    }),
  },
};
