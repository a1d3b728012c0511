/**
 * A résumé laid out (tightened with --fit, advised about a near-empty last page), held to its
 * page limit, drawn once, and read back: render → check.
 */
import { performance } from "node:perf_hooks";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { readPdfPages, readPdfPagesAndStructure, type PageLines } from "../pdf/reader.js";
import { FLOORS } from "../render/fit.js";
import type { Attachment } from "../render/pdfkit-patches.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import { checkLayoutRules } from "../check/layout-rules.js";
import { checkStructure } from "../check/structure.js";
import { compareParses } from "../check/parse-check.js";
import { BUILTIN_SECTIONS } from "../common/ids.js";
import { parseResume } from "../check/parser.js";
import { plainArrangement } from "../render/themes/index.js";
import { checkReadback } from "../check/verify.js";
import type { BuildOptions, BuildResult } from "./options.js";
import { fitLayout, LAST_PAGE_MIN, lastPageAdvice, sectionOnPage, type Lay } from "./paginate.js";
import type { PreparedResume } from "./resume.js";

/** Refuse the whole document, at the setting that asked for what it cannot be (see refusal). */
export type RefuseDocument = (message: string, option?: "maxPages" | "fit") => never;

/**
 * A problem with the whole document is reported at the setting that asked for it: the command
 * line's option, the variant's or render's key in the file.
 */
export function refusal(prepared: PreparedResume, opts: BuildOptions): RefuseDocument {
  const { source, resume, variant, warnings } = prepared;
  return (message, option) => {
    if (option && opts[option] !== undefined)
      throw ResumeError.of(source.file, message, option === "fit" ? "--fit" : "--max-pages");
    const where = !option
      ? undefined
      : variant?.[option] !== undefined
        ? ["variants", variant.name, option]
        : resume.render?.[option] !== undefined
          ? ["render", option]
          : undefined;
    throw new ResumeError([where ? source.at(where, message) : { file: source.file, path: "", message }], warnings);
  };
}

export const pagesText = (n: number) => `${n} page${n === 1 ? "" : "s"}`;

export interface Drawn {
  bytes: Uint8Array;
  pages: number;
  fills: number[];
  /** The tokens it was drawn with (--fit may have changed them). */
  tokens: ThemeTokens;
  fitted?: string[];
  work: NonNullable<BuildResult["work"]>;
  /** When layout ended and drawing began, and when drawing ended (performance.now()). */
  planned: number;
  drawn: number;
}

export async function drawResume(
  prepared: PreparedResume,
  opts: BuildOptions,
  creationDate: Date,
  attachments: Attachment[],
  refuseDocument: RefuseDocument,
): Promise<Drawn> {
  const { source, resume, vm, tokens: base, variant, warnings } = prepared;
  const render = await import("../render/render.js");
  const drawsBefore = render.drawCount();
  const work = { passes: 0, measured: 0, reused: 0 };
  /** Lay the résumé out with `tokens`: measured, planned into pages, not drawn. */
  const lay: Lay = async (tokens, splitAll = false) => {
    try {
      return await render.layoutResume(vm, tokens, { splitAll, stats: work });
    } catch (err) {
      return refuseDocument(`the PDF could not be laid out: ${(err as Error).message}`);
    }
  };

  const fitTo = opts.fit ?? variant?.fit ?? resume.render?.fit;
  let tokens = base;
  let laid = await lay(base);
  let fitted: string[] | undefined;
  if (fitTo !== undefined && laid.pages > fitTo) {
    const fit = await fitLayout(lay, base, fitTo);
    if (!fit) {
      refuseDocument(
        `the résumé needs ${pagesText(laid.pages)} even at the tightest legible layout (body ${FLOORS.body} pt, leading ${FLOORS.leading}, margins 12 mm), more than ${fitTo}; shorten it`,
        "fit",
      );
    }
    ({ laid, tokens, changes: fitted } = fit!);
  } else if (laid.pages > 1 && laid.fills.at(-1)! < LAST_PAGE_MIN && fitTo === undefined) {
    // A last page with a few lines on it: say which --fit would remove it, and what it would
    // change, as far as the measurements at hand tell.
    const fewer = laid.pages - 1;
    const advice = await lastPageAdvice(laid, render.replan);
    const share = Math.max(1, Math.round(laid.fills.at(-1)! * 100));
    warnings.push({
      file: source.file,
      path: "",
      severity: "warning",
      message: `the last page holds ${share} % of a page; ${
        advice
          ? `--fit ${fewer} would bring the résumé onto ${pagesText(fewer)} (${advice.join(", ")})`
          : `shorten the résumé to save the page, or let --fit ${fewer} set the type tighter`
      }`,
    });
  }

  const maxPages = opts.maxPages ?? variant?.maxPages ?? resume.render?.maxPages;
  if (maxPages !== undefined && laid.pages > maxPages) {
    const section = sectionOnPage(laid, maxPages + 1)?.title;
    refuseDocument(
      `the résumé needs ${pagesText(laid.pages)}; the limit is ${maxPages}${section ? `. "${section}" runs onto page ${maxPages + 1}` : ""}. Shorten it, or let --fit ${maxPages} tighten the layout`,
      "maxPages",
    );
  }

  const planned = performance.now();
  const rendered = await render.drawResume(laid, creationDate, attachments);
  const drawn = performance.now();
  // The résumé's own drawings (the parse check draws a one-column page to compare with).
  const draws = render.drawCount() - drawsBefore;
  if (opts.verify ?? true) {
    verifyResume(prepared, tokens, rendered.bytes, refuseDocument);
    await verifyParse(prepared, tokens, rendered.bytes, render, creationDate);
  }
  return {
    bytes: rendered.bytes,
    pages: rendered.pages,
    fills: laid.fills,
    tokens,
    fitted,
    planned,
    drawn,
    work: {
      ...work,
      splits: laid.plan.splits.size,
      draws,
      phases: { check: 0, layout: 0, draw: 0, verify: 0, write: 0 },
    },
  };
}

/** Read the PDF back as a parser would: every value there, in order, and the layout rules kept. */
function verifyResume(
  prepared: PreparedResume,
  tokens: ThemeTokens,
  bytes: Uint8Array,
  refuseDocument: RefuseDocument,
): void {
  const { source, vm, warnings } = prepared;
  const { pages: layout, structure } = readPdfPagesAndStructure(bytes, vm.direction);
  const lines: PageLines[] = layout.map((p) => p.lines.map((l) => l.text));
  const failure = checkReadback(vm, tokens, lines);
  if (failure) {
    const where = failure.expected.section ? ` in "${failure.expected.section}"` : " in the header";
    refuseDocument(
      `the text "${failure.expected.text}"${where} ${failure.foundElsewhere ? "reads back out of order" : "cannot be read back"} from the PDF, so an applicant-tracking system would miss it (use --no-verify to write the PDF anyway)`,
    );
  }
  const parsed = [
    ...checkLayoutRules(vm, tokens, layout),
    ...checkStructure(vm, tokens, layout, structure).map((p) => ({ page: p.page ?? 0, message: p.message })),
  ];
  if (parsed.length) {
    throw new ResumeError(
      parsed.map((p): Diagnostic => ({
        file: source.file,
        path: "",
        message: `${p.page ? `page ${p.page}: ` : ""}${p.message} (use --no-verify to write the PDF anyway)`,
      })),
      warnings,
    );
  }
}

/**
 * A page in columns, with a dates column or a split header, is read by a parser as the same résumé
 * in the theme's plain arrangement is (one column, dates after the title, the header's lines one
 * under the other: `plainArrangement`): that page is laid out and drawn too, both are parsed, and
 * each field read worse is a warning.
 */
async function verifyParse(
  prepared: PreparedResume,
  tokens: ThemeTokens,
  bytes: Uint8Array,
  render: typeof import("../render/render.js"),
  creationDate: Date,
): Promise<void> {
  const plain = plainArrangement(tokens);
  if (!plain) return;
  const { source, vm, warnings } = prepared;
  const reference = await render.drawResume(await render.layoutResume(vm, plain), creationDate, []);
  const problems = compareParses(
    vm,
    tokens,
    parseResume(readPdfPages(bytes)),
    parseResume(readPdfPages(reference.bytes)),
  );
  // Each is a located warning, not a refusal: every word is on the page and read (the read-back
  // check holds that); what a parser makes of the columns is said, field by field.
  for (const p of problems)
    warnings.push({
      file: source.file,
      path: p.warning && BUILTIN_SECTIONS.includes(p.warning.section as never) ? p.warning.section : "",
      severity: "warning",
      message: `${p.message}, so an applicant-tracking system would read this theme's arrangement worse than one plain column`,
    });
}
