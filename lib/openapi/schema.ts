import { z } from "zod";
import type { Command } from "@/lib/commands/command";

export type PathItem = Record<string, unknown>;

/** JSON Schema of a Zod schema, for request and response bodies. */
export const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });

/** A JSON response: `200: json(schema)`. */
export const json = (schema: object, description = "ok") => ({ description, content: { "application/json": { schema } } });

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
  /**
   * For a command that serves more than one route (the case's detail and its sub-resource lists):
   * which of them this is, appended to the operationId ("case.get" + "victims" → caseGetVictims).
   */
  view?: string;
  /** Overrides the command's own summary. */
  summary?: string;
  description?: string;
  /** The path's parameters, named as in the URL and in the command's input. */
  path?: readonly string[];
  /** Headers or other parameters besides the path's and the query's. */
  parameters?: object[];
  /**
   * What the input's schema cannot say about some of its fields (a day's format, a description),
   * merged into those fields wherever they appear: path, query or body.
   */
  fields?: Record<string, object>;
  /** The request body when it is not the command's input as an object (a batch, say). */
  requestBody?: object;
  responses: Record<string | number, unknown>;
};

type ObjectSchema = { properties?: Record<string, object>; required?: string[]; anyOf?: ObjectSchema[]; oneOf?: ObjectSchema[] };

/** An object schema without the path's fields, with the spec's additions to its fields. */
function bodyPart(schema: ObjectSchema, inPath: Set<string>, fields: Record<string, object>): ObjectSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return { ...schema, [schema.anyOf ? "anyOf" : "oneOf"]: branches.map((b) => bodyPart(b, inPath, fields)) };
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).filter(([name]) => !inPath.has(name)).map(([name, s]) => [name, fields[name] ? { ...s, ...fields[name] } : s]),
  );
  return { ...schema, properties, required: (schema.required ?? []).filter((name) => !inPath.has(name)) };
}

/** A field's schema in the input, looked up in a union's branches too. */
function fieldSchema(schema: ObjectSchema, name: string): object | undefined {
  return schema.properties?.[name] ?? (schema.anyOf ?? schema.oneOf ?? []).map((b) => fieldSchema(b, name)).find(Boolean);
}

/**
 * One operation of the document, derived from the command that serves it: its operationId, its
 * summary, the permissions it needs, and its input — as path parameters, the query's parameters
 * (GET) or the JSON body (other methods), minus the path's.
 */
export function operation(command: Command, method: "get" | "post" | "put" | "patch" | "delete", spec: OperationSpec) {
  const { $schema: _dialect, ...input } = jsonSchema(command.input) as ObjectSchema & { $schema?: string };
  const fields = spec.fields ?? {};
  const inPath = new Set(spec.path ?? []);
  const rest = bodyPart(input, inPath, fields);
  const pathParameters = [...inPath].map((name) => ({ name, in: "path", required: true, schema: { ...(fieldSchema(input, name) ?? { type: "string" }), ...fields[name] } }));
  const reads = method === "get" || method === "delete";
  const queryParameters = reads
    ? Object.entries(rest.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: (rest.required ?? []).includes(name), schema }))
    : [];
  const body = reads ? undefined : spec.requestBody ?? { required: true, content: { "application/json": { schema: rest } } };
  return {
    operationId: operationId(spec.view ? `${command.name}.${spec.view}` : command.name),
    tags: spec.tags,
    summary: spec.summary ?? command.summary,
    description: [spec.description, command.permissions.length ? `Permission: ${command.permissions.join(" or ")}.` : "Any signed-in caller."].filter(Boolean).join(" "),
    parameters: [...pathParameters, ...queryParameters, ...(spec.parameters ?? [])],
    ...(body ? { requestBody: body } : {}),
    responses: spec.responses,
  };
}
