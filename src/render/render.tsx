/**
 * Stage 4 — render: lay the view model out with a theme and draw it into PDF bytes. Knows
 * layout, nothing about YAML. A résumé is laid out first (flow/layout.ts: measured atoms, planned
 * pages) and drawn once (flow/compose.ts); a cover letter, one page, is drawn by react-pdf whole.
 */
import { Font, renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { registerFonts } from "./fontstore.js";
import { breakWord } from "./linebreak.js";
import { patchPdfkit, type Attachment } from "./pdfkit-patches.js";
import { documentProps } from "./themes/metadata.js";
import { LetterDocument } from "./themes/letter.js";
import type { LetterModel } from "../model/letter.js";
import { fontStack, stackFaces, type FontStack } from "./themes/index.js";
import type { ThemeTokens } from "./themes/tokens.js";
import { TOOL_NAME, VERSION } from "../common/version.js";
import { composePages, drawPdf } from "./flow/compose.js";
import { layOutOnPage } from "./flow/measure.js";
import type { ResumeLayout } from "./flow/layout.js";

export { layoutResume, replan, type ResumeLayout } from "./flow/layout.js";
export { clearMeasurements } from "./flow/measure.js";

patchPdfkit();

// Hyphenation splits words, emails and URLs ("exam-ple.com"): a résumé never wants it. Only
// CJK text and long URLs get break points, which draw no hyphen.
Font.registerHyphenationCallback(breakWord);

export interface RenderResult {
  bytes: Buffer;
  pages: number;
}

let draws = 0;
/** How many documents this process has drawn (the tests count a build's drawings). */
export const drawCount = (): number => draws;

/** Draw a laid-out résumé: one pass, nothing laid out again but its page footers. */
export async function drawResume(
  layout: ResumeLayout,
  creationDate: Date,
  attachments: Attachment[] = [],
): Promise<RenderResult> {
  draws++;
  const { flows, plan, vm } = layout;
  const total = plan.pages.length;
  const footerPages = plan.pages.map((_, p) => p).filter((p) => p > 0);
  const laidFooters = footerPages.length
    ? await layOutOnPage(
        footerPages.map((p) => flows.footer(p + 1, total)),
        { width: flows.page.width, height: flows.page.height },
        flows.geometry.full.inherit,
      )
    : [];
  const footers = plan.pages.map((_, p) => (p > 0 ? laidFooters[p - 1] : undefined));
  const pages = composePages(plan, flows, footers);
  const bytes = await drawPdf(
    pages,
    documentProps(vm.metadata, { creator: `${TOOL_NAME} ${VERSION}`, creationDate }),
    attachments,
  );
  return { bytes, pages: total };
}

/** Draw a cover letter in the résumé's theme. */
export async function renderLetterPdf(
  letter: LetterModel,
  creationDate: Date,
  tokens: ThemeTokens,
): Promise<RenderResult> {
  const stack = fontStack(tokens, letter.vm.scripts);
  return draw(stack, () => (
    <LetterDocument
      letter={letter}
      tokens={tokens}
      fonts={stack}
      info={{ creator: `${TOOL_NAME} ${VERSION}`, creationDate }}
    />
  ));
}

async function draw(stack: FontStack, element: () => ReactElement<DocumentProps>): Promise<RenderResult> {
  registerFonts(stackFaces(stack));
  draws++;
  const overflow: string[] = [];
  const warn = console.warn;
  // react-pdf only warns when an unbreakable block is taller than a page, then draws it off the
  // page's edge. That would be a silently wrong page, so it fails the build instead.
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(" ");
    if (/can't wrap between pages/.test(message)) overflow.push(message);
    else warn(...args);
  };
  let bytes: Buffer;
  try {
    bytes = await renderToBuffer(element());
  } finally {
    console.warn = warn;
  }
  if (overflow.length) {
    throw new Error(
      "a block that cannot be split is taller than a page and would be cut off; shorten the longest entry or split it",
    );
  }
  return { bytes, pages: countPages(bytes) };
}

/** Page objects in the PDF (react-pdf writes no object streams, so they are plain text). */
export function countPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
