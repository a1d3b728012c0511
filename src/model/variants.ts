/**
 * Tailored versions from one file: a variant prints untagged content plus the tagged content it
 * includes, minus what it excludes, with its own section order, page limit and file name.
 */
import { noSuchName, ResumeError } from "../common/errors.js";
import type { LoadedSource } from "../input/load.js";
import type { Resume } from "../input/schema.js";

export type Variant = NonNullable<Resume["variants"]>[string] & { name: string };

/** The named variant, or an error naming the ones there are. */
export function findVariant(r: Resume, name: string, source: LoadedSource): Variant {
  const all = r.variants ?? {};
  const v = Object.hasOwn(all, name) ? all[name] : undefined;
  if (v) return { ...v, name };
  const names = Object.keys(all);
  const pos = names.length ? source.locate(["variants"], { key: true }) : undefined;
  throw new ResumeError([
    {
      file: source.file,
      line: pos?.line,
      col: pos?.col,
      path: "--variant",
      message: noSuchName("variant", name, names, "the résumé defines no variants"),
    },
  ]);
}

type Tagged = { tags?: string[] };

/** The résumé as the variant prints it. Entries keep their identity (badges are found by it). */
export function selectVariant(r: Resume, v: Variant | undefined): Resume {
  if (!v) return r;
  const keep = (item: unknown) => {
    const tags = typeof item === "object" && item !== null ? (item as Tagged).tags : undefined;
    if (!tags?.length) return true;
    if (tags.some((t) => v.exclude?.includes(t))) return false;
    return !v.include?.length || tags.some((t) => v.include!.includes(t));
  };
  const entries = <T extends Tagged & { highlights?: unknown[] }>(list: T[] | undefined): T[] | undefined =>
    list
      ?.filter(keep)
      .map((e) =>
        e.highlights
          ? Object.assign(Object.create(Object.getPrototypeOf(e)), e, { highlights: e.highlights.filter(keep) })
          : e,
      );
  // Entries with bullets are copied (their bullets differ); the rest keep their identity.
  const out: Resume = {
    ...r,
    work: entries(r.work),
    volunteer: entries(r.volunteer),
    projects: entries(r.projects),
    customSections: entries(r.customSections),
    education: entries(r.education),
    awards: r.awards?.filter(keep),
    certificates: r.certificates?.filter(keep),
    publications: r.publications?.filter(keep),
    skills: r.skills?.filter(keep),
    languages: r.languages?.filter(keep),
    interests: r.interests?.filter(keep),
    references: r.references?.filter(keep),
  };
  return out;
}
