import { z } from "zod";
import { PATHS } from "@/lib/openapi/paths";

export type PathItem = Record<string, unknown>;

/** JSON Schema of a Zod schema, for request and response bodies. */
export const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });

export const errorBody = {
  description: "error",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } } } },
              requestId: { type: "string" },
            },
          },
        },
      },
    },
  },
};

/** The OpenAPI document served at /api/v1/openapi.json, assembled from each domain's paths. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "反诈指挥中心平台 API", version: "1" },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "API key created by an administrator" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ apiKey: [] }, { session: [] }],
    paths: Object.assign({}, ...PATHS) as Record<string, PathItem>,
  };
}
