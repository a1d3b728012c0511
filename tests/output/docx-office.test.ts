/**
 * The Word files as an office suite lays them out: LibreOffice (Debian's libreoffice-writer-nogui,
 * which .ci/run installs) converts each to PDF with the theme's fonts, which fontconfig finds in
 * node_modules; no page is added and no text is lost. Skipped where soffice is not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { buildLetter } from "../../src/pipeline/letter.js";
import { squeeze } from "../../src/check/verify.js";
import { readingOrder } from "../../src/render/themes/reading.js";
import { THEMES } from "../../src/common/ids.js";
import { ROOT, tempDir, writeFixture } from "../helpers.js";

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1700000000" };

/** Convert Word files to PDF in one LibreOffice run, with the project's fonts. */
function convert(files: string[]): void {
  const conf = path.join(dir, "fonts.conf");
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<dir>${path.join(ROOT, "node_modules/@expo-google-fonts")}</dir><cachedir>${path.join(dir, "fc-cache")}</cachedir></fontconfig>`,
  );
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      path.join(dir, "office"),
      ...files,
    ],
    {
      env: { ...process.env, FONTCONFIG_FILE: conf, HOME: dir },
      encoding: "utf8",
      timeout: 240_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
}

const officePdf = (docx: string) => path.join(dir, "office", path.basename(docx).replace(/\.docx$/, ".pdf"));
const pages = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1]);
const text = (pdf: string) => spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;

function missing(hay: string, values: string[]): string | undefined {
  const s = squeeze(hay);
  return values.find((v) => !s.includes(squeeze(v)));
}

describe.skipIf(!soffice)("Word files in LibreOffice", () => {
  it("keep the PDF's page count and every value, in every theme, for résumés and letters", async () => {
    mkdirSync(path.join(dir, "office"), { recursive: true });
    const jobs: { docx: string; pdfPages: number; values: string[] }[] = [];
    for (const theme of THEMES) {
      for (const file of ["resume.yaml", "tests/fixtures/full.yaml"]) {
        const out = path.join(dir, `${path.basename(file, ".yaml")}-${theme}.pdf`);
        const r = await build(path.join(ROOT, file), { output: out, formats: ["pdf", "docx"], render: { theme }, env });
        const c = await prepareResume(path.join(ROOT, file), { render: { theme } });
        jobs.push({
          docx: r.outputs[1]!,
          pdfPages: r.pages,
          values: readingOrder(c.vm, c.tokens, { oneColumn: true }).map((e) => e.text),
        });
      }
    }
    const letterFile = writeFixture(
      dir,
      "letter.yaml",
      `resume: ${path.join(ROOT, "resume.yaml")}\nto:\n  organization: Example Ltd\nsubject: Senior backend role\ngreeting: Dear hiring team,\nbody:\n  - I design correct, scalable systems where business logic and data integrity matter.\n  - I would welcome the chance to talk.\nclosing: Kind regards,\n`,
    );
    const letter = await buildLetter(letterFile, { outDir: dir, formats: ["pdf", "docx"], env });
    jobs.push({
      docx: letter.outputs[1]!,
      pdfPages: 1,
      values: [
        "Rajat Jog",
        "Example Ltd",
        "Senior backend role",
        "Dear hiring team,",
        "I design correct, scalable systems",
        "I would welcome the chance to talk.",
        "Kind regards,",
      ],
    });
    convert(jobs.map((j) => j.docx));
    if (process.env.KEEP_OFFICE) spawnSync("cp", ["-r", path.join(dir, "office"), process.env.KEEP_OFFICE]);
    for (const job of jobs) {
      const pdf = officePdf(job.docx);
      expect(pages(pdf), path.basename(job.docx)).toBe(job.pdfPages);
      expect(missing(text(pdf), job.values), path.basename(job.docx)).toBeUndefined();
    }
  }, 300_000);
});
