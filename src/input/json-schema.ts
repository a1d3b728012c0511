/**
 * The JSON Schema editors use to check and complete `resume.yaml`, made from the zod schema
 * (schema.ts). A field whose zod form reads its value first (a date written `2021/07`, a paper
 * in capitals) has no JSON Schema of its own: the schema registers the one editors should see
 * with `withJsonSchema`.
 */
import { z } from "zod";

/** JSON Schema for fields whose zod form has a preprocessing step (set via `override`). */
const jsonSchemaOverrides = new Map<unknown, Record<string, unknown>>();

/** `schema`, shown to editors as `json`. */
export function withJsonSchema<T extends z.ZodType>(schema: T, json: Record<string, unknown>): T {
  jsonSchemaOverrides.set(schema, json);
  return schema;
}

/** `schema` as JSON Schema for editors (the registered forms replace their fields'), titled `title`. */
export function editorJsonSchema(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override(ctx) {
      const replacement = jsonSchemaOverrides.get(ctx.zodSchema);
      if (replacement) {
        for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
        Object.assign(ctx.jsonSchema, replacement);
      }
    },
  }) as Record<string, unknown>;
  return { ...json, title };
}
