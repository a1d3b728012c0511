/** The text a résumé prints, drawn from its data: what tells its scripts and its language. */

/** Keys whose values are never printed: paths, ids, tags and settings. */
export const NOT_PRINTED = new Set([
  "badge",
  "$schema",
  "meta",
  "render",
  "id",
  "image",
  "tags",
  "variants",
  "variant",
  "resume",
]);

/** Every string the résumé may print, one per line (to tell its scripts and language). */
export function resumeText(data: unknown): string {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) if (!NOT_PRINTED.has(k)) visit(x);
  };
  visit(data);
  return out.join("\n");
}
