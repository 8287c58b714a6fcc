import { z } from "zod";

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
