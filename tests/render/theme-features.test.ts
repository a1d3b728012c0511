/**
 * Every built-in theme with every feature: a cover letter, a Word file in the theme's fonts and
 * colours, a variant made to fit one page, and résumés in a right-to-left and an Indic script,
 * each built with every check of the build (read-back, parse, structure, glyphs). The deeper tests
 * of each feature build in one theme per arrangement (tests/helpers.ts ARRANGEMENTS); this holds
 * the rest of the themes to them too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../src/common/ids.js";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { buildLetter } from "../../src/pipeline/letter.js";
import { readPdfLines } from "../../src/pdf/reader.js";
import { themes } from "../../src/render/themes/index.js";
import { ROOT, tempDir } from "../helpers.js";

const env = { SOURCE_DATE_EPOCH: "1767225600" };
const fixture = (name: string) => path.join(ROOT, "tests/fixtures", name);
const text = (file: string) => readPdfLines(readFileSync(file)).flat().join("\n");

describe.each(THEMES)("the %s theme", (theme) => {
  const dir = tempDir();

  it("writes a cover letter in the résumé's header, a Word file in its fonts and colours", async () => {
    const letter = await buildLetter(path.join(ROOT, "examples/cover-letter.yaml"), {
      outDir: dir,
      render: { theme },
      env,
    });
    expect(letter.pages).toBe(1);
    const { vm } = await prepareResume(path.join(ROOT, "resume.yaml"), { render: { theme } });
    const lines = text(letter.output).split("\n");
    expect(lines[0]).toBe(vm.name);
    expect(lines).toContain("Dear hiring team,");

    const r = await build(fixture("full.yaml"), {
      output: path.join(dir, "full.pdf"),
      formats: ["pdf", "docx"],
      env,
      render: { theme },
    });
    const docx = r.outputs.find((o) => o.endsWith(".docx"))!;
    const styles = strFromU8(unzipSync(readFileSync(docx))["word/styles.xml"]!);
    const k = themes[theme];
    expect(styles).toContain(`<w:rFonts w:ascii="${k.font.body}"`);
    expect(styles).toMatch(
      new RegExp(`w:styleId="Heading2"[\\s\\S]*?<w:color w:val="${k.color.title.slice(1).toUpperCase()}"/>`),
    );
  });

  it("builds a variant made to fit one page", async () => {
    const output = path.join(dir, "variant.pdf");
    const r = await build(fixture("variants.yaml"), { output, variant: "backend", fit: 1, env, render: { theme } });
    expect(r.pages).toBe(1);
  });

  it.each(["ar.yaml", "he.yaml", "hi.yaml", "th.yaml"])("builds %s, every check passing", async (file) => {
    const output = path.join(dir, file.replace(".yaml", ".pdf"));
    const r = await build(fixture(`scripts/${file}`), { output, env, render: { theme } });
    expect(r.pages).toBeGreaterThan(0);
    const { vm } = await prepareResume(fixture(`scripts/${file}`), { render: { theme } });
    expect(text(output)).toContain(vm.name);
  });
});
