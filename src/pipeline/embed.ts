/** The résumé a PDF carries inside it (`resume extract` writes it back out). */
import type { Attachment } from "../render/pdfkit-patches.js";
import type { Resume } from "../input/schema.js";
import { definedOnly } from "../common/objects.js";
import { selectVariant, type Variant } from "../model/variants.js";
import { toJsonResume } from "../output/export.js";
import type { BuildOptions } from "./options.js";
import type { PreparedResume } from "./resume.js";

/** The name of the résumé embedded in every PDF. */
export const EMBEDDED_NAME = "resume.json";

/**
 * The résumé exactly as printed, for embedding: the validated JSON Resume of the selected variant
 * only (no other variants, no comments), with the render settings the build used.
 */
export function sourceAttachment(
  resume: Resume,
  variant: Variant | undefined,
  extras: PreparedResume["extras"],
  render: BuildOptions["render"],
  date: Date,
  language?: string,
): Attachment {
  const selected = selectVariant(resume, variant);
  const used: Record<string, unknown> = {
    ...resume.render,
    ...(variant
      ? definedOnly({ order: variant.order, hide: variant.hide, maxPages: variant.maxPages, fit: variant.fit })
      : {}),
    ...definedOnly(render ?? {}),
  };
  // One language's document (prepareResume): its language, not --locale, says how it prints.
  if (language !== undefined) delete used.locale;
  // Not the variants, and never the cover letters: a letter to one employer has no place in the résumé sent to another.
  const { variants: _variants, letters: _letters, ...rest } = selected;
  // A variant's tags chose what it prints; with no variants left they mean nothing.
  const untagged = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(untagged)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== "tags")
              .map(([k, x]) => [k, untagged(x)]),
          )
        : v;
  // In a fixed key order, so that the document rebuilt from it embeds the same bytes.
  const settings = Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
  const printed = { ...rest, ...(Object.keys(settings).length ? { render: settings } : {}) };
  const { doc } = toJsonResume((variant ? untagged(printed) : printed) as Resume, variant ? [] : extras);
  return {
    name: EMBEDDED_NAME,
    data: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`),
    type: "application/json",
    description: "The résumé this PDF was built from (JSON Resume)",
    relationship: "Source",
    date,
  };
}
