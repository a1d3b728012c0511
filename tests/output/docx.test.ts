/**
 * Word files: every printed value read back in order (mammoth, an independent reader), the name
 * and section titles in Word's heading styles, bullets as list items, links as hyperlinks, dates
 * at a right tab stop, the badge with its alt text, core properties, page size; one column, no
 * text boxes, tables, headers or footers; the same bytes on every build; and no Word code in a
 * PDF build.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { prepareResume, build } from "../../src/pipeline/build.js";
import { readingOrder } from "../../src/render/themes/reading.js";
import { THEMES } from "../../src/common/ids.js";
import { ROOT, run, tempDir, writeFixture, firstMissingInOrder } from "../helpers.js";

const dir = tempDir();
const FIXTURES = ["resume.yaml", "tests/fixtures/full.yaml", "tests/fixtures/unicode.yaml", "tests/fixtures/cjk.yaml"];
const env = { SOURCE_DATE_EPOCH: "1700000000" };

/** The parts of a .docx, as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

async function docx(file: string, theme: string, extra: Record<string, unknown> = {}): Promise<Uint8Array> {
  const out = path.join(dir, `${path.basename(file, ".yaml")}-${theme}-${Object.values(extra).join("-") || "x"}.pdf`);
  const r = await build(path.join(ROOT, file), {
    output: out,
    formats: ["docx"],
    render: { theme: theme as never },
    env,
    ...extra,
  });
  expect(r.outputs).toEqual([out.replace(/\.pdf$/, ".docx")]);
  return readFileSync(r.outputs[0]!);
}

/** Every value the résumé prints, in the one-column order of the Word file. */
async function expectedValues(file: string, theme: string, variant?: string): Promise<string[]> {
  const c = await prepareResume(path.join(ROOT, file), { render: { theme: theme as never }, variant });
  return readingOrder(c.vm, c.tokens, { oneColumn: true }).map((e) => e.text);
}

const inOrder = firstMissingInOrder;

describe("-f docx", () => {
  for (const theme of THEMES) {
    for (const file of FIXTURES) {
      it(`${theme}: ${file} reads back whole and in order, with headings, lists and links`, async () => {
        const bytes = await docx(file, theme);
        const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        expect(inOrder(text, await expectedValues(file, theme))).toBeUndefined();

        const c = await prepareResume(path.join(ROOT, file), { render: { theme: theme as never } });
        const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
        // The name is Heading 1, each section title Heading 2, each entry's first line Heading 3.
        expect(html.match(/<h1>(.*?)<\/h1>/)?.[1]).toBe(c.vm.name.replace(/&/g, "&amp;"));
        expect((html.match(/<h2>/g) ?? []).length).toBe(c.vm.sections.length);
        const entries = c.vm.sections.flatMap((s) => (s.kind === "entries" ? s.entries.filter((e) => e.title) : []));
        expect((html.match(/<h3>/g) ?? []).length).toBe(entries.length);
        // Every bullet is an item of a Word list (numbering), not a typed bullet character.
        const bullets = c.vm.sections.flatMap((s) =>
          s.kind === "text" ? s.bullets : s.kind === "entries" ? s.entries.flatMap((e) => e.bullets) : [],
        );
        expect((html.match(/<li>/g) ?? []).length).toBe(bullets.length);
        const doc = parts(bytes)["word/document.xml"]!;
        expect((doc.match(/<w:numPr>/g) ?? []).length).toBe(bullets.length);
        expect(doc).not.toMatch(/<w:t[^>]*>\u2022/);
        // Every contact with an address is a hyperlink.
        for (const contact of c.vm.contacts.filter((x) => x.href))
          expect(html).toContain(`href="${contact.href!.replace(/&/g, "&amp;")}"`);
        // One column: no text boxes, tables, headers or footers; dates at a right tab stop.
        expect(doc).not.toMatch(/<w:txbxContent|<w:tbl>|<w:headerReference|<w:footerReference/);
        if (entries.some((e) => e.date)) expect(doc).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
      });
    }
  }

  it("carries the theme's fonts, sizes and colours, the paper size and the core properties", async () => {
    const bytes = await docx("resume.yaml", "classic");
    const p = parts(bytes);
    expect(p["word/styles.xml"]).toMatch(/<w:rFonts w:ascii="Source Serif 4"/);
    expect(p["word/styles.xml"]).toMatch(/w:styleId="Heading2"[\s\S]*?<w:color w:val="1F3A5F"\/>/);
    expect(p["word/document.xml"]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const core = p["docProps/core.xml"]!;
    expect(core).toContain("<dc:title>Rajat Jog \u2014 R\u00e9sum\u00e9</dc:title>");
    expect(core).toContain("<dc:creator>Rajat Jog</dc:creator>");
    expect(core).toContain("<dc:language>en</dc:language>");
    expect(core).toContain("<cp:keywords>Python, Django");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>');
    // The badge: a picture with its alt text, linked to its verification page.
    expect(p["word/document.xml"]).toMatch(
      /<wp:docPr id="\d+" name="AWS Certified Machine Learning – Specialty badge" descr="AWS Certified Machine Learning – Specialty badge"/,
    );
    expect(p["word/_rels/document.xml.rels"]).toContain("credly.com/badges/");
    // In line with the text, not floating: every reader of Word files finds it in the flow.
    expect(p["word/document.xml"]).toContain("<wp:inline");
    expect(p["word/document.xml"]).not.toContain("<wp:anchor");
    expect(Object.keys(p).some((k) => k.startsWith("word/media/"))).toBe(true);

    const letter = parts(
      await docx("resume.yaml", "modern", { render: { theme: "modern", paper: "letter" } } as never),
    );
    expect(letter["word/document.xml"]).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(letter["word/styles.xml"]).toMatch(/<w:rFonts w:ascii="Inter"/);
  });

  it("prints a variant and a language as the PDF does", async () => {
    const bytes = await docx("tests/fixtures/variants.yaml", "classic", { variant: "backend" });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(inOrder(text, await expectedValues("tests/fixtures/variants.yaml", "classic", "backend"))).toBeUndefined();
    expect(text).not.toContain("design-system guild");

    const de = await build(path.join(ROOT, "resume.yaml"), {
      output: path.join(dir, "de.pdf"),
      formats: ["docx"],
      render: { locale: "de" },
      env,
    });
    const p = parts(readFileSync(de.outputs[0]!));
    expect(p["docProps/core.xml"]).toContain("<dc:language>de</dc:language>");
    expect(p["word/styles.xml"]).toMatch(/<w:lang w:val="de"/);
    expect(p["word/document.xml"]).toContain("ZERTIFIKATE");
  });

  it("is the same bytes on every build, in one process and across runs", async () => {
    const a = await docx("tests/fixtures/full.yaml", "sidebar");
    const b = await docx("tests/fixtures/full.yaml", "sidebar");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const cli = async (name: string) => {
      const r = await run(
        ["build", path.join(ROOT, "tests/fixtures/full.yaml"), "-f", "docx", "-o", path.join(dir, name)],
        { env },
      );
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(path.join(dir, name.replace(/\.pdf$/, ".docx")));
    };
    expect((await cli("one.pdf")).equals(await cli("two.pdf"))).toBe(true);
  });

  it("with the PDF: both written, the Word file beside it", async () => {
    const out = path.join(dir, "both", "cv.pdf");
    const r = await run(["build", path.join(ROOT, "resume.yaml"), "-f", "pdf,docx", "-o", out], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("cv.docx");
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    expect(
      readFileSync(out.replace(/\.pdf$/, ".docx"))
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("a PDF build does not load the Word code: it stays outside the command's bundles", () => {
    for (const bundle of ["dist/resume.mjs", "dist/lib.mjs", "dist/resume-snapshot.cjs"]) {
      const code = readFileSync(path.join(ROOT, bundle), "utf8");
      // docx's own XML namespaces are not in the bundle; its bundle beside it is loaded when asked for.
      expect(code.includes("wordprocessingml/2006/main"), bundle).toBe(false);
      expect(/\("\.\/docx-deps\.(mjs|cjs)"\)/.test(code), bundle).toBe(true);
    }
    for (const aside of ["dist/docx-deps.mjs", "dist/docx-deps.cjs"])
      expect(readFileSync(path.join(ROOT, aside), "utf8")).toContain("wordprocessingml/2006/main");
  });

  it("replaces its own Word file, never one written elsewhere (a copy edited in Word)", async () => {
    const out = path.join(dir, "edited", "cv.pdf");
    const word = out.replace(/\.pdf$/, ".docx");
    const again = () => build(path.join(ROOT, "resume.yaml"), { output: out, formats: ["docx"], env });
    await again();
    await again();
    const { Document, Packer, Paragraph } = await import("docx");
    const edited = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("edited by hand")] }] }));
    writeFileSync(word, edited);
    await expect(again()).rejects.toThrow(/exists and is not a Word file this tool wrote/);
    const cli = await run(["build", path.join(ROOT, "resume.yaml"), "-f", "pdf,docx", "-o", out], { env });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain("refusing to overwrite it");
    expect(readFileSync(word).equals(edited)).toBe(true);
    expect(() => readFileSync(out)).toThrow();
  });

  it("refuses nothing a PDF build accepts: a résumé with only a name", async () => {
    const file = writeFixture(dir, "min.yaml", "basics:\n  name: Ada\n");
    const r = await build(file, { outDir: dir, formats: ["docx"], env });
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(r.outputs[0]!) });
    expect(value.trim()).toBe("Ada");
  });
});
