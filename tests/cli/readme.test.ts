import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/input/validate.js";
import { ROOT, source } from "../helpers.js";

const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

describe("README", () => {
  it("gives exactly two quick-start commands: build the PDF, run the tests", () => {
    const quick = readme.split("## Quick start")[1]!.split("## ")[0]!;
    const sh = /```sh\n([\s\S]*?)```/.exec(quick)![1]!.trim().split("\n");
    expect(sh.map((l) => l.split("#")[0]!.trim())).toEqual(["npm ci && npm run resume -- build", "npm ci && npm test"]);
  });

  it("uses the same test command as .ci/run", () => {
    const ci = readFileSync(path.join(ROOT, ".ci/run"), "utf8");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it("has a complete example that validates", () => {
    const example = blocks.find((b) => b.lang === "yaml" && b.body.includes("customSections:"))!;
    expect(() => validate(source(example.body), { strict: "--strict" })).not.toThrow();
  });

  it("has a translations example that is fully translated, and states the fallback rule", async () => {
    const { validateDocument } = await import("../../src/input/validate.js");
    const example = blocks.find((b) => b.lang === "yaml" && b.body.includes("languages: [en, de, uk]"))!.body;
    for (const language of ["en", "de", "uk"]) {
      const v = validateDocument(source(example), { strict: "--strict", language });
      expect([v.problems, v.warnings, v.translations?.chosen]).toEqual([[], [], language]);
    }
    expect(readme).toContain("printed in en instead");
    expect(readme).toContain("`--strict` (or `render.strict`) refuses it");
  });

  it("shows the errors exactly as the tool prints them, with and without --strict", async () => {
    const { run, tempDir, writeFixture } = await import("../helpers.js");
    const input = blocks.find((b) => b.lang === "yaml" && b.body.includes("emial:"))!.body;
    const shown = blocks.filter((b) => b.lang === "text" && b.body.includes("$ npm run -s resume -- build bad.yaml"));
    expect(shown.length).toBe(2);
    const dir = tempDir();
    writeFixture(dir, "bad.yaml", input);
    for (const block of shown) {
      const args = block.body.split("\n")[0]!.replace("$ npm run -s resume -- ", "").split(" ");
      const r = await run(args, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(block.body.split("\n").slice(1).join("\n"));
    }
  });
});

describe("README ATS section", () => {
  it("shows resume ats output as the tool prints it", async () => {
    const { build } = await import("../../src/pipeline/build.js");
    const { run, tempDir, writeFixture } = await import("../helpers.js");
    const section = readme.split("### What a parser reads")[1]!;
    const [posting, shown] = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const dir = tempDir();
    const pdf = path.join(dir, "r.pdf");
    await build(path.join(ROOT, "tests/fixtures/full.yaml"), { output: pdf, env: { SOURCE_DATE_EPOCH: "1767225600" } });
    const { stdout } = await run(["ats", pdf, "--job", writeFixture(dir, "posting.txt", posting!)]);
    let at = -1;
    for (const line of shown!.split("\n").filter((l) => l && !l.startsWith("$ ") && l !== "…")) {
      const i = stdout.indexOf(`${line}\n`, at + 1);
      expect(i, `README line not printed (in order): ${line}`).toBeGreaterThan(at);
      at = i;
    }
  });
});

describe("README theme gallery", () => {
  it("shows a generated thumbnail of every theme", async () => {
    const { THEMES } = await import("../../src/common/ids.js");
    const { existsSync } = await import("node:fs");
    for (const theme of THEMES) {
      expect(readme).toContain(`](docs/themes/${theme}.png)`);
      expect(existsSync(path.join(ROOT, `docs/themes/${theme}.png`))).toBe(true);
    }
  });
});

describe("README cover letters", () => {
  it("the letters example builds, and so does the example letter file, each on one page", async () => {
    const { buildLetter } = await import("../../src/pipeline/letter.js");
    const { tempDir, writeFixture } = await import("../helpers.js");
    const { existsSync } = await import("node:fs");
    const dir = tempDir();
    const block = blocks.find((b) => b.lang === "yaml" && b.body.startsWith("letters:"))!.body;
    const file = writeFixture(dir, "resume.yaml", `basics:\n  name: Jane Doe\nvariants:\n  backend: {}\n${block}`);
    const env = { SOURCE_DATE_EPOCH: "1767225600" };
    expect((await buildLetter(file, { letter: "acme", outDir: dir, env })).pages).toBe(1);
    expect((await buildLetter(path.join(ROOT, "examples/cover-letter.yaml"), { outDir: dir, env })).output).toBe(
      path.join(dir, "Rajat-Jog-Letter-example.pdf"),
    );
    expect(readme).toContain("](docs/letter.png)");
    expect(existsSync(path.join(ROOT, "docs/letter.png"))).toBe(true);
  });
});
