/**
 * The résumé as a plain JSON Resume 1.3 document, for other JSON Resume tools: validated and
 * normalised (dates as text), without this tool's extensions.
 */
import type { Resume } from "./schema.js";

export function toJsonResume(r: Resume): Record<string, unknown> {
  const { customSections: _custom, render: _render, variants: _variants, ...rest } = r as Resume & { variants?: unknown };
  const doc: Record<string, unknown> = { $schema: "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json", ...rest };
  if (r.certificates) doc.certificates = r.certificates.map(({ badge: _badge, ...c }) => c);
  return doc;
}
