/**
 * The résumé as a JSON Resume 1.3 document, for other JSON Resume tools: validated and
 * normalised (dates as YYYY-MM-DD text, full URLs, current key names). JSON Resume allows keys of
 * its own beyond the schema's, so this tool's extensions stay under their documented names
 * (`customSections`, `render`, `variants`, `certificates[].badge`, `tags`), and so do the keys the
 * résumé had that nothing prints. Only what JSON Resume cannot hold is left out, and said: the
 * tags of a tagged bullet (a bullet is text there).
 */
import type { Coerced } from "../input/coerce.js";
import type { Resume } from "../input/schema.js";
import { setOwn } from "../input/own.js";

export interface Exported {
  doc: Record<string, unknown>;
  /** What could not be kept, in words, for a note. */
  leftOut: string[];
}

export function toJsonResume(r: Resume, extras: Coerced["extras"] = []): Exported {
  let taggedBullets = 0;
  const plain = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) {
      return value.map((v) => {
        // A tagged bullet, { text, tags }, is a bullet.
        if (
          key === "highlights" &&
          v !== null &&
          typeof v === "object" &&
          typeof (v as { text?: unknown }).text === "string"
        ) {
          taggedBullets++;
          return (v as { text: string }).text;
        }
        return plain(v);
      });
    }
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, k)]));
  };
  const doc = {
    $schema: "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    ...(plain(r) as object),
  } as Record<string, unknown>;
  for (const { path, value } of extras) put(doc, path, value);
  const leftOut = taggedBullets
    ? [`the tags of ${taggedBullets} tagged bullet${taggedBullets === 1 ? "" : "s"} (a JSON Resume bullet is text)`]
    : [];
  return { doc, leftOut };
}

/** Set `path` in `doc` where its parent exists (a key kept aside goes back where it was). */
function put(doc: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let at: unknown = doc;
  for (const seg of path.slice(0, -1)) {
    if (at === null || typeof at !== "object") return;
    at = (at as Record<PropertyKey, unknown>)[seg];
  }
  // Own properties only: a key named __proto__ is a key, not the object's prototype.
  if (at !== null && typeof at === "object" && !Array.isArray(at))
    setOwn(at as Record<PropertyKey, unknown>, path.at(-1)!, value);
}
