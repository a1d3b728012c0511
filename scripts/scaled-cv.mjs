/**
 * A long CV made from a short one, for measuring how the build's cost grows with length: every
 * section's entries (and a custom section's bullets) repeated `times` times. Each copy after the
 * first is told apart by a number after its texts ("… (2)"), so that no copy is a free repeat of
 * another: text that repeats exactly is shaped and measured once, which would flatter the cost
 * of a page.
 *   scaledResume(doc, 4) → a new JSON Resume document
 */
const KEEP = new Set(["url", "startDate", "endDate", "date", "releaseDate", "email", "phone", "badge", "id", "tags"]);

/** `value` with " (n)" after each text in it (addresses and dates aside). */
function marked(value, n, key = "") {
  if (KEEP.has(key)) return value;
  if (typeof value === "string") return value.trim() ? `${value} (${n})` : value;
  if (Array.isArray(value)) return value.map((v) => marked(v, n));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, marked(v, n, k)]));
  return value;
}

const copies = (items, times) =>
  Array.from({ length: times }, (_, i) => items.map((item) => (i === 0 ? item : marked(item, i + 1)))).flat();

export function scaledResume(doc, times) {
  const out = { ...doc };
  for (const [key, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) continue;
    out[key] =
      key === "customSections"
        ? value.map((sec) => ({
            ...sec,
            ...(Array.isArray(sec.highlights) ? { highlights: copies(sec.highlights, times) } : {}),
          }))
        : copies(value, times);
  }
  return out;
}
