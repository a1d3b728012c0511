/** Options of the command line checked against the résumé they apply to. */
import type { Diagnostic } from "../common/errors.js";
import type { LoadedSource } from "../input/load.js";
import { BUILTIN_SECTIONS, unknownSectionMessage, type Resume } from "../input/schema.js";
import { sectionIds, type RenderOptions } from "../model/normalize.js";

/** Section ids given on the command line (--order, --hide, --title) must name real sections. */
export function sectionOptionProblems(resume: Resume, source: LoadedSource, render: RenderOptions = {}): Diagnostic[] {
  const ids = sectionIds(resume);
  const problems: Diagnostic[] = [];
  const check = (option: string, list: string[] | undefined, known: readonly string[]) => {
    for (const id of list ?? []) {
      if (!known.includes(id))
        problems.push({ file: source.file, path: option, message: unknownSectionMessage(id, known) });
    }
  };
  check("--order", render.order, ids);
  check("--hide", render.hide, ids);
  check("--title", Object.keys(render.titles ?? {}), BUILTIN_SECTIONS);
  return problems;
}
