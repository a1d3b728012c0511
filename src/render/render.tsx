/**
 * Stage 4 — render: draw the view model with a theme into PDF bytes. Knows layout, nothing
 * about YAML.
 */
import { Font, renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { registerFonts, resetGlyphCaches } from "./fontstore.js";
import { breakWord } from "./linebreak.js";
import type { ViewModel } from "../model/normalize.js";
import { patchPdfkit, withAttachments, type Attachment } from "./pdfkit-patches.js";
import { ResumeDocument } from "./themes/components.js";
import { LetterDocument } from "./themes/letter.js";
import type { LetterModel } from "../model/letter.js";
import { NO_PLAN, type Plan } from "./themes/measure.js";
import { fontStack, stackFaces, themeTokens, type FontStack } from "./themes/index.js";
import type { ThemeTokens } from "./themes/tokens.js";
import { TOOL_NAME, VERSION } from "../common/version.js";

patchPdfkit();

// Hyphenation splits words, emails and URLs ("exam-ple.com"): a résumé never wants it. Only
// CJK text and long URLs get break points, which draw no hyphen.
Font.registerHyphenationCallback(breakWord);

export interface RenderResult {
  bytes: Buffer;
  pages: number;
}

/** Draw `vm` with its theme (or with `tokens`, a tightened copy of the theme's). */
export async function renderPdf(
  vm: ViewModel,
  creationDate: Date,
  tokens: ThemeTokens = themeTokens(vm),
  plan: Plan = NO_PLAN,
  attachments: Attachment[] = [],
): Promise<RenderResult> {
  const stack = fontStack(tokens, vm.scripts);
  return draw(stack, attachments, () => (
    <ResumeDocument vm={vm} tokens={tokens} fonts={stack} info={{ creator: `${TOOL_NAME} ${VERSION}`, creationDate }} plan={plan} />
  ));
}

/** Draw a cover letter in the résumé's theme. */
export async function renderLetterPdf(letter: LetterModel, creationDate: Date, tokens: ThemeTokens): Promise<RenderResult> {
  const stack = fontStack(tokens, letter.vm.scripts);
  return draw(stack, [], () => <LetterDocument letter={letter} tokens={tokens} fonts={stack} info={{ creator: `${TOOL_NAME} ${VERSION}`, creationDate }} />);
}

async function draw(stack: FontStack, attachments: Attachment[], element: () => ReactElement<DocumentProps>): Promise<RenderResult> {
  registerFonts(stackFaces(stack));
  resetGlyphCaches();
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
    bytes = await withAttachments(attachments, () => renderToBuffer(element()));
  } finally {
    console.warn = warn;
  }
  if (overflow.length) {
    throw new Error("a block that cannot be split is taller than a page and would be cut off; shorten the longest entry or split it");
  }
  return { bytes, pages: countPages(bytes) };
}

/** Page objects in the PDF (react-pdf writes no object streams, so they are plain text). */
export function countPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
