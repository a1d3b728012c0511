/**
 * The résumé as a plain JSON Resume 1.3 document, for other JSON Resume tools: validated and
 * normalised (dates as text), without this tool's extensions (custom sections, render options,
 * variants, badges, tags; tagged bullets become plain text).
 */
import type { Resume } from "./schema.js";

const EXTENSIONS = new Set(["customSections", "render", "variants", "badge", "tags"]);

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  // A tagged bullet, { text, tags }, is a bullet.
  if (typeof o.text === "string" && Object.keys(o).every((k) => k === "text" || k === "tags")) return o.text;
  return Object.fromEntries(Object.entries(o).filter(([k]) => !EXTENSIONS.has(k)).map(([k, v]) => [k, plain(v)]));
}

export function toJsonResume(r: Resume): Record<string, unknown> {
  return { $schema: "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json", ...(plain(r) as object) };
}
