/**
 * The Word files as an office suite lays them out: LibreOffice (Debian's libreoffice-writer-nogui,
 * which .ci/run installs) converts each to PDF with the theme's fonts, which fontconfig finds in
 * node_modules; no page is added and no text is lost. Arabic and Hebrew résumés are laid out from
 * the right and read back in logical order; Hindi and Thai ones keep every value. Skipped, saying
 * so, where soffice is not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { buildLetter } from "../../src/pipeline/letter.js";
import { squeeze } from "../../src/check/verify.js";
import { readingOrder } from "../../src/render/themes/reading.js";
import { ARRANGEMENTS, ROOT, tempDir, writeFixture } from "../helpers.js";

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
/** Said in the name of each suite, so that a run without LibreOffice says why it skipped them. */
const unless = soffice ? "" : " (skipped: soffice, LibreOffice's command, is not installed)";
const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1700000000" };

/** Convert Word files to PDF in one LibreOffice run, with the project's fonts. */
function convert(files: string[]): void {
  const conf = path.join(dir, "fonts.conf");
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<dir>${path.join(ROOT, "node_modules/@expo-google-fonts")}</dir><dir>${path.join(ROOT, "node_modules/@fontsource")}</dir>` +
      `<cachedir>${path.join(dir, "fc-cache")}</cachedir></fontconfig>`,
  );
  mkdirSync(path.join(dir, "office"), { recursive: true });
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

describe.skipIf(!soffice)(`Word files in LibreOffice${unless}`, () => {
  it("keep the PDF's page count and every value, in every theme, for résumés and letters", async () => {
    mkdirSync(path.join(dir, "office"), { recursive: true });
    const jobs: { docx: string; pdfPages: number; values: string[] }[] = [];
    for (const theme of ARRANGEMENTS) {
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

interface Word {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
}

/** The words of a PDF's first page with their boxes (pdftotext -bbox-layout), and the page's width. */
function wordsOf(pdf: string): { width: number; words: Word[] } {
  const xml = spawnSync("pdftotext", ["-bbox-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).stdout;
  const width = Number(/<page width="([\d.]+)"/.exec(xml)?.[1]);
  const words = [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescapeXml(m[5]!) }));
  return { width, words };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Words on one line: their boxes' middles within half a word's height of each other. */
function linesOf(words: Word[]): Word[][] {
  const lines: Word[][] = [];
  const middle = (w: Word) => (w.y0 + w.y1) / 2;
  for (const w of [...words].sort((a, b) => middle(a) - middle(b))) {
    const line = lines.at(-1);
    if (line && Math.abs(middle(w) - middle(line[0]!)) < (line[0]!.y1 - line[0]!.y0) / 2) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * The first page's text in logical order. pdftotext -layout gives each line's stretches of
 * right-to-left text in logical order (with embedding marks around them), and the stretches that
 * a wide gap separates (an entry's title and its dates) from left to right: in a right-to-left
 * document they read from the right.
 */
function logicalText(pdf: string, rtl: boolean): string {
  const layout = spawnSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).stdout;
  return layout
    .split("\n")
    .map((line) => {
      const parts = line
        .replace(/[\u200E\u200F\u202A-\u202E]/g, "")
        .trim()
        .split(/\s{3,}/);
      return (rtl ? parts.reverse() : parts).join("   ");
    })
    .join("\n");
}

/**
 * Letters and digits only (no spaces, marks or punctuation), as compatibility forms: what order is
 * checked on. Lam before alef is written alef first: LibreOffice's PDF gives the letters of the
 * lam-alef ligature in that order (an extraction that gets them right compares the same).
 */
const letters = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(/\u0644([\u0627\u0623\u0625\u0622])/g, "$1\u0644");

describe.skipIf(!soffice)(`Right-to-left and complex-script Word files in LibreOffice${unless}`, () => {
  it("lays Arabic and Hebrew out from the right, in logical order; keeps Hindi and Thai", async () => {
    const jobs = [
      { name: "ar", theme: "modern" },
      { name: "he", theme: "sidebar" },
      { name: "fa", theme: "modern" },
      { name: "hi", theme: "classic" },
      { name: "th", theme: "sidebar" },
    ] as const;
    const built = [];
    for (const { name, theme } of jobs) {
      const file = path.join(ROOT, "tests/fixtures/scripts", `${name}.yaml`);
      const out = path.join(dir, `scripts-${name}-${theme}.pdf`);
      const r = await build(file, { output: out, formats: ["docx"], render: { theme }, env });
      built.push({ name, docx: r.outputs[0]!, c: await prepareResume(file, { render: { theme } }) });
    }
    convert(built.map((b) => b.docx));
    if (process.env.KEEP_OFFICE) spawnSync("cp", ["-r", path.join(dir, "office"), process.env.KEEP_OFFICE]);

    for (const { name, docx, c } of built) {
      const pdf = officePdf(docx);
      expect(pages(pdf), name).toBe(1);
      const { width, words } = wordsOf(pdf);
      const lines = linesOf(words);
      const left = c.tokens.margin.left;
      const right = width - c.tokens.margin.right;
      const values = readingOrder(c.vm, c.tokens, { oneColumn: true });
      if (c.vm.direction === "ltr") {
        // Every value is there (Devanagari and Thai as LibreOffice shapes them), the name on the left.
        const text = letters(logicalText(pdf, false));
        for (const v of values) expect(text, `${name}: ${v.text}`).toContain(letters(v.text));
        const nameAt = { x0: Math.min(...lines[0]!.map((w) => w.x0)), x1: Math.max(...lines[0]!.map((w) => w.x1)) };
        if (c.tokens.header.align === "center")
          expect(Math.abs((nameAt.x0 + nameAt.x1) / 2 - (left + right) / 2), name).toBeLessThan(3);
        else expect(nameAt.x0, name).toBeLessThan(left + 3);
        continue;
      }
      // Everything but the contacts (checked below by position) reads back in logical order: each
      // entry's title, then its dates, its role and its place, its bullets.
      const text = letters(logicalText(pdf, true));
      let at = 0;
      for (const v of values.filter((x) => !c.vm.contacts.some((k) => k.text === x.text))) {
        const i = text.indexOf(letters(v.text), at);
        expect(i, `${name}: "${v.text}" in logical order in ${text}`).toBeGreaterThanOrEqual(0);
        at = i + letters(v.text).length;
      }
      // The name sits at the right margin.
      // (pdftotext -bbox gives a right-to-left word's letters from left to right, the reverse of their order.)
      const reversed = (l: Word[]) => letters([...l.map((w) => w.text).join("")].reverse().join(""));
      const nameLine = lines.find((l) => reversed(l) === letters(c.vm.name))!;
      expect(nameLine, name).toBeDefined();
      expect(Math.max(...nameLine.map((w) => w.x1)), name).toBeGreaterThan(right - 3);
      expect(Math.min(...nameLine.map((w) => w.x0)), name).toBeGreaterThan(width / 2);
      // Each entry's title at the right, its dates at the left margin.
      const entries = c.vm.sections.flatMap((s) => (s.kind === "entries" ? s.entries : []));
      expect(entries.filter((e) => e.date).length, name).toBeGreaterThan(2);
      for (const e of entries.filter((x) => x.title && x.date)) {
        const line = lines.find((l) => reversed(l.filter((w) => w.x0 > width / 2)) === letters(e.title!))!;
        expect(line, `${name}: ${e.title}`).toBeDefined();
        const dates = line.filter((w) => w.x1 < width / 2);
        // Dates in the résumé's language may be right to left too (مارس 2019 – حتى الآن): then their
        // words come from the right, each word's letters reversed as above.
        const rtlDate = /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(e.date!);
        const dateWords = rtlDate
          ? [...dates]
              .reverse()
              .map((w) =>
                /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(w.text) ? [...w.text].reverse().join("") : w.text,
              )
          : dates.map((w) => w.text);
        expect(letters(dateWords.join(" ")), name).toBe(letters(e.date!));
        expect(Math.min(...dates.map((w) => w.x0)), `${name}: ${e.date}`).toBeLessThan(left + 3);
        expect(Math.max(...line.map((w) => w.x1)), `${name}: ${e.title}`).toBeGreaterThan(right - 3);
      }
      // Bullets hang on the right.
      const bullets = words.filter((w) => w.text === "\u2022");
      expect(bullets.length, name).toBe(entries.reduce((n, e) => n + e.bullets.length, 0));
      for (const b of bullets) expect(b.x0, name).toBeGreaterThan(right - 15);
      // The contacts read from the right in their order, each address and the telephone number
      // left to right within it.
      const contactLine = lines.find((l) =>
        l.some((w) => w.text === c.vm.contacts.find((k) => k.text.includes("@"))!.text),
      )!;
      let before = Infinity;
      for (const contact of c.vm.contacts) {
        const parts = contact.text.split(/\s+/).filter((p) => !RTL.test(p) && /[\p{L}\p{N}]/u.test(p));
        if (RTL.test(contact.text) || !parts.length) continue;
        const boxes = parts.map((p) => contactLine.find((w) => w.text === p)!);
        expect(boxes.every(Boolean), `${name}: ${contact.text}`).toBe(true);
        for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x0, contact.text).toBeGreaterThan(boxes[i - 1]!.x0);
        expect(Math.max(...boxes.map((b) => b.x1)), `${name}: ${contact.text} after the one before it`).toBeLessThan(
          before,
        );
        before = Math.min(...boxes.map((b) => b.x0));
      }
    }
  }, 300_000);
});
