/**
 * The one table of outputs (output/formats.ts): résumés and letters write in its order whatever
 * the order of -f, a letter is refused the formats it has not, and the input is read once for
 * every job a command plans (pipeline/prepare.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ResumeError } from "../../src/common/errors.js";
import { setStdin } from "../../src/input/load.js";
import { chosenFormats, FORMATS, knownName, LETTER_FORMATS, OUTPUTS } from "../../src/output/formats.js";
import { build } from "../../src/pipeline/build.js";
import { buildLetter } from "../../src/pipeline/letter.js";
import { planJobs, prepareInput } from "../../src/pipeline/prepare.js";
import { writeOutputs } from "../../src/output/write.js";
import { tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1764633600" };
const RESUME = `basics:
  name: Jane Doe
  email: jane@example.com
work:
  - name: Acme
    position: Engineer
    startDate: 2020-01
    highlights: [Built the billing service]
variants:
  short: {}
  long: {}
letters:
  - id: acme
    body: [I would like to work at Acme.]
  - id: globex
    body: [I would like to work at Globex.]
`;

describe("the table of outputs", () => {
  it("lists every output once, each with a module, a suffix and what it needs", () => {
    expect(FORMATS).toEqual(["pdf", "png", "docx", "md", "txt", "html", "json"]);
    expect(LETTER_FORMATS).toEqual(["pdf", "png", "docx", "md", "txt", "html"]);
    for (const f of FORMATS) {
      expect(typeof OUTPUTS[f].write).toBe("function");
      expect(["model", "layout", "pdf"]).toContain(OUTPUTS[f].needs);
    }
    expect(chosenFormats(["json", "md", "pdf", "md"])).toEqual(["pdf", "md", "json"]);
    expect(chosenFormats(undefined)).toEqual(["pdf"]);
    expect(knownName("md", "/o/cv.PDF")).toBe("/o/cv.md");
    expect(knownName("pdf", "/o/cv.PDF")).toBe("/o/cv.PDF");
    expect(knownName("png", "/o/cv.pdf")).toBeUndefined();
  });

  it("writes a résumé's and a letter's files in the table's order, whatever the order of -f", async () => {
    const file = writeFixture(dir, "order.yaml", RESUME);
    const r = await build(file, { output: path.join(dir, "order", "cv.pdf"), formats: ["json", "txt", "md"], env });
    expect(r.outputs.map((f) => path.basename(f))).toEqual(["cv.md", "cv.txt", "cv.json"]);
    expect(r.output).toBe(r.outputs[0]);
    const l = await buildLetter(file, { letter: "acme", outDir: path.join(dir, "order"), formats: ["txt", "md"], env });
    expect(l.outputs.map((f) => path.basename(f))).toEqual(["Jane-Doe-Letter-acme.md", "Jane-Doe-Letter-acme.txt"]);
  });

  it("refuses for a letter the formats a letter has not", async () => {
    const file = writeFixture(dir, "json-letter.yaml", RESUME);
    const err = (await buildLetter(file, { letter: "acme", outDir: dir, formats: ["json"], env }).catch(
      (e: unknown) => e,
    )) as ResumeError;
    expect(err).toBeInstanceOf(ResumeError);
    expect(err.diagnostics[0]!.path).toBe("--format");
  });
});

describe("prepareInput", () => {
  it("reads standard input once and plans a job per letter and per variant over it", async () => {
    setStdin(Readable.from([Buffer.from(RESUME)]));
    try {
      const input = await prepareInput("-", "<stdin>");
      expect(input.isLetter).toBe(false);
      expect((await planJobs(input, { allLetters: true })).map((j) => j.letter)).toEqual(["acme", "globex"]);
      expect((await planJobs(input, { allVariants: true })).map((j) => j.variant)).toEqual(["short", "long"]);
      expect(await planJobs(input, { variant: "short" })).toEqual([
        { variant: "short", letter: undefined, select: { variant: "short", letter: undefined } },
      ]);
    } finally {
      setStdin(undefined);
    }
  });

  it("plans a letter file's --all-letters as its one letter, built without --letter", async () => {
    writeFixture(dir, "cv.yaml", RESUME);
    const file = writeFixture(dir, "acme-letter.yaml", "resume: cv.yaml\nbody: [Hello.]\n");
    const input = await prepareInput(file);
    expect(input.isLetter).toBe(true);
    expect(await planJobs(input, { allLetters: true })).toEqual([
      { variant: undefined, letter: "acme", select: { variant: undefined, letter: undefined } },
    ]);
  });
});

describe("writeOutputs", () => {
  it("never replaces a file that appears after the check, where nothing was", async () => {
    const out = path.join(dir, "race");
    mkdirSync(out);
    const target = path.join(out, "cv.md");
    process.env.RESUME_TEST_RENAME_DELAY_MS = "200";
    try {
      const writing = writeOutputs([[target, Buffer.from("ours\n")]]).catch((e: unknown) => e);
      // The check found nothing; while the new file waits to be put in place, someone else's appears.
      while (!readdirSync(out).some((f) => f.endsWith(".tmp"))) await new Promise((r) => setTimeout(r, 5));
      writeFileSync(target, "theirs\n");
      const err = (await writing) as ResumeError;
      expect(err).toBeInstanceOf(ResumeError);
      expect(err.diagnostics[0]!.message).toMatch(/^exists and this tool did not write it; refusing to replace it/);
      expect(readFileSync(target, "utf8")).toBe("theirs\n");
      expect(readdirSync(out)).toEqual(["cv.md"]);
    } finally {
      delete process.env.RESUME_TEST_RENAME_DELAY_MS;
    }
    expect(existsSync(target)).toBe(true);
  });
});
