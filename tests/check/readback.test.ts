/**
 * The built-in PDF reader (src/pdf/reader.ts) that the read-back check and the page limit use:
 * it must read exactly the lines pdf.js reads, on every theme and kind of content, and handle
 * the PDF syntax it meets.
 */
import { deflateSync } from "node:zlib";
import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { readPdfLines } from "../../src/pdf/reader.js";
import { ROOT, tempDir } from "../helpers.js";
import { readPdfLines as readWithPdfjs } from "../support/pdfjs-lines.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

describe("the built-in reader reads what pdf.js reads", () => {
  const dir = tempDir();
  const fixtures = [
    "resume.yaml",
    "tests/fixtures/full.yaml",
    "tests/fixtures/long.yaml",
    "tests/fixtures/knobs.yaml",
    "tests/fixtures/unicode.yaml",
    "tests/fixtures/cjk.yaml",
    "tests/fixtures/wrap.yaml",
    "../shared/conformance/jsonresume/sample.resume.json",
  ];
  for (const theme of ["classic", "modern", "compact", "sidebar"] as const) {
    it(`${theme}: every page, line for line`, async () => {
      for (const fixture of fixtures) {
        const output = path.join(dir, `${theme}-${path.basename(fixture)}.pdf`);
        await build(path.join(ROOT, fixture), { output, env: EPOCH, verify: false, render: { theme } });
        const bytes = readFileSync(output);
        const ours = readPdfLines(bytes);
        expect(ours.flat().length, fixture).toBeGreaterThan(5);
        expect(ours, fixture).toEqual(await readWithPdfjs(bytes));
      }
    });
  }
});

/** A minimal PDF around the given page content streams and fonts. */
function pdf(pages: string[][], fonts: Record<string, string>, extra: string[] = []): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 1; // object 1 is the catalog
  const fontRefs = Object.entries(fonts)
    .map(([name, body]) => `/${name} ${add(body)} 0 R`)
    .join(" ");
  extra.forEach((body) => add(body));
  const kids = pages.map((streams) => {
    const contents = streams.map((s) => {
      const data = deflateSync(Buffer.from(s, "latin1"));
      return `${add(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n${data.toString("latin1")}\nendstream`)} 0 R`;
    });
    return add(`<< /Type /Page /Resources << /Font << ${fontRefs} >> >> /Contents [${contents.join(" ")}] >>`);
  });
  // Pages nested one level deeper than needed, as some writers do.
  const inner = add(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const root = add(`<< /Type /Pages /Kids [${inner} 0 R] /Count ${kids.length} >>`);
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  out += `1 0 obj\n<< /Type /Catalog /Pages ${root} 0 R >>\nendobj\n`;
  objects.forEach((body, i) => (out += `${i + 2} 0 obj\n${body}\nendobj\n`));
  out += `trailer\n<< /Root 1 0 R /Size ${objects.length + 2} >>\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const simpleFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /Widths [278] >>";

describe("PDF syntax", () => {
  it("reads literal strings with escapes, Td, TD, T*, ' and TL moves, pages in order", () => {
    const lines = readPdfLines(
      pdf(
        [
          [
            "BT /F1 10 Tf 1 0 0 1 50 700 Tm (Caf\\351 \\(old\\) a\\\\b) Tj 0 -14 Td (second) Tj 14 TL T* (third) Tj (fourth) ' 0 -20 TD (fifth) Tj ET",
          ],
          ["BT /F1 10 Tf 50 700 Td (page two) Tj ET"],
        ],
        { F1: simpleFont },
      ),
    );
    expect(lines).toEqual([["Café (old) a\\b", "second", "third", "fourth", "fifth"], ["page two"]]);
  });

  it("maps Type0 codes through ToUnicode bfchar and both bfrange forms; codes without a mapping read as nothing", () => {
    const cmap = [
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
      "2 beginbfchar <0001> <0052> <0002> <00e9> endbfchar",
      "2 beginbfrange <0003> <0005> <0073> <0006> <0007> [<0066> <FB01>] endbfrange",
      "endcmap CMapName currentdict /CMap defineresource pop end end",
    ].join("\n");
    const type0 =
      "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 3 0 R /DescendantFonts [4 0 R] >>";
    const cid = "<< /Type /Font /Subtype /CIDFontType2 /DW 500 /W [1 [600 400] 3 5 450] >>";
    const lines = readPdfLines(
      pdf([["BT /T0 12 Tf 1 0 0 1 72 700 Tm [<00010002> -200 <000300040005> 0 <0006000700ff>] TJ ET"]], { T0: type0 }, [
        `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
        cid,
      ]),
    );
    // Objects: 2 = the font, 3 = its CMap, 4 = the CIDFont (added in that order).
    expect(lines).toEqual([["Réstufﬁ"]]);
  });

  it("places text through cm, q/Q and a flipped page matrix as react-pdf draws it", () => {
    const lines = readPdfLines(
      pdf(
        [
          [
            [
              "q 1 0 0 -1 0 800 cm",
              "q 1 0 0 1 0 100 cm BT 1 0 0 -1 0 800 Tm /F1 10 Tf (start) Tj ET Q",
              "q 1 0 0 1 300 100 cm BT 1 0 0 -1 0 800 Tm /F1 10 Tf (end) Tj ET Q",
              "q 1 0 0 1 0 120 cm BT 1 0 0 -1 0 800 Tm /F1 10 Tf (below) Tj ET Q",
              "Q",
            ].join("\n"),
          ],
        ],
        { F1: simpleFont },
      ),
    );
    // Same baseline → one line in drawing order, with a space for the gap; a lower baseline → a new line.
    expect(lines).toEqual([["start end", "below"]]);
  });

  it("joins several content streams of one page and skips inline images and marked content", () => {
    const lines = readPdfLines(
      pdf(
        [
          [
            "BT /F1 10 Tf 50 700 Td (one) Tj ET",
            "/Span << /ActualText (x) >> BDC BI /W 1 /H 1 /BPC 8 /CS /G ID \x00\xff EI EMC BT /F1 10 Tf 50 680 Td (two) Tj ET",
          ],
        ],
        {
          F1: simpleFont,
        },
      ),
    );
    expect(lines).toEqual([["one", "two"]]);
  });

  it("refuses bytes that are not a PDF", () => {
    expect(() => readPdfLines(Buffer.from("hello"))).toThrow(/not a PDF/);
  });
});
