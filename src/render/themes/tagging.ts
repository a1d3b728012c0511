/**
 * The tagged PDF's structure, as props on react-pdf elements: read by the render step's patch
 * (patches/@react-pdf+render+*.patch, see render/pdfkit-patches.ts).
 */

/**
 * The structure element a node opens in the tagged PDF. `key` joins the pieces of one
 * element that a page break (or a split between bullets) spreads over several blocks, and `parent`
 * the element a block belongs to when it is not inside it; `alt` is a figure's text. "Artifact"
 * marks decoration.
 */
export const tagged = (
  tag: string,
  opts: { key?: string; parent?: string; alt?: string; artifact?: string } = {},
): object => ({
  tag,
  ...(opts.key === undefined ? {} : { tagKey: opts.key }),
  ...(opts.parent === undefined ? {} : { tagParent: opts.parent }),
  ...(opts.alt === undefined ? {} : { alt: opts.alt }),
  ...(opts.artifact === undefined ? {} : { artifact: opts.artifact }),
});
