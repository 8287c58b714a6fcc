import { z } from "zod";
import type { Command } from "@/lib/commands/command";

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

/** "case.victim.update" → "caseVictimUpdate": the operationId a generated client names its method by. */
export const operationId = (commandName: string) => commandName.replace(/[._-](\w)/g, (_m, c: string) => c.toUpperCase());

type OperationSpec = {
  tags: string[];
  /** Overrides the command's own summary. */
  summary?: string;
  description?: string;
  /** The path's parameters, named as in the URL and in the command's input. */
  path?: readonly string[];
  /** Headers or other parameters besides the path's and the query's. */
  parameters?: object[];
  /** The request body when it is not the command's input as an object (a batch, say). */
  requestBody?: object;
  responses: Record<string | number, unknown>;
};

/**
 * One operation of the document, derived from the command that serves it: its operationId, its
 * summary, the permissions it needs, and its input — as path parameters, the query's parameters
 * (GET) or the JSON body (other methods), minus the path's.
 */
export function operation(command: Command, method: "get" | "post" | "put" | "patch" | "delete", spec: OperationSpec) {
  const input = jsonSchema(command.input) as { properties?: Record<string, object>; required?: string[] };
  const inPath = new Set(spec.path ?? []);
  const properties = Object.fromEntries(Object.entries(input.properties ?? {}).filter(([name]) => !inPath.has(name)));
  const required = (input.required ?? []).filter((name) => !inPath.has(name));
  const pathParameters = [...inPath].map((name) => ({ name, in: "path", required: true, schema: input.properties?.[name] ?? { type: "string" } }));
  const queryParameters = method === "get" || method === "delete"
    ? Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: required.includes(name), schema }))
    : [];
  const body = method === "get" || method === "delete" ? undefined
    : spec.requestBody ?? { required: true, content: { "application/json": { schema: { ...input, properties, required } } } };
  return {
    operationId: operationId(command.name),
    tags: spec.tags,
    summary: spec.summary ?? command.summary,
    description: [spec.description, command.permissions.length ? `Permission: ${command.permissions.join(" or ")}.` : "Any signed-in caller."].filter(Boolean).join(" "),
    parameters: [...pathParameters, ...queryParameters, ...(spec.parameters ?? [])],
    ...(body ? { requestBody: body } : {}),
    responses: spec.responses,
  };
}
