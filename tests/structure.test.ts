/**
 * The tree shows the pipeline: every source file sits in a stage folder with a README saying
 * what it owns, tests sit in the folder of the stage they test, and a folder never imports from
 * one after it (the lint rule in eslint.config.js, proven here to refuse a backward import).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const STAGES = [
  "common",
  "pdf",
  "input",
  "model",
  "render",
  "check",
  "output",
  "pipeline",
  "preview",
  "cli",
  "startup",
];
const SRC = path.join(ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) =>
    statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)],
  );
}

/** Every relative import (static, re-export or dynamic) of each file under src/, as graph edges. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC).filter((f) => /\.tsx?$/.test(f))) {
    const edges: string[] = [];
    // TypeScript's own scan: static imports, re-exports and import() calls, not text in comments.
    const specs = ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((f) => f.fileName);
    for (const spec of specs.filter((s) => /^\.{1,2}\//.test(s))) {
      const target = path.resolve(path.dirname(file), spec!);
      const candidates = [target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx"), `${target}.ts`];
      const found = candidates.find((t) => graph.has(t) || existsSync(t));
      if (found) edges.push(path.relative(SRC, found));
    }
    graph.set(path.relative(SRC, file), edges);
  }
  return graph;
}

/** The first import cycle found in `graph` (its files, the first repeated at the end), or undefined. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string): string[] | undefined => {
    if (onStack.has(node)) return [...stack.slice(stack.indexOf(node)), node];
    if (done.has(node)) return undefined;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the source tree", () => {
  it("has the stage folders and nothing else at the top of src/", () => {
    expect(readdirSync(SRC).sort()).toEqual([...STAGES].sort());
  });

  it.each(STAGES)("src/%s says what it owns and what it may import", (stage) => {
    const readme = readFileSync(path.join(SRC, stage, "README.md"), "utf8");
    expect(readme).toMatch(new RegExp(`^# ${stage}`));
    expect(readme).toMatch(/May import: |Imports nothing/);
  });

  it("has no import from a later stage", () => {
    for (const file of files(SRC).filter((f) => /\.tsx?$/.test(f))) {
      const stage = path.relative(SRC, file).split(path.sep)[0]!;
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
        const target = path.relative(SRC, path.resolve(path.dirname(file), spec!)).split(path.sep)[0]!;
        expect(STAGES.indexOf(target), `${path.relative(ROOT, file)} imports ${spec}`).toBeLessThanOrEqual(
          STAGES.indexOf(stage),
        );
      }
    }
  });

  it("has a lint rule that refuses a backward import", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText('import { build } from "../pipeline/build.js";\nexport const b = build;\n', {
      filePath: path.join(SRC, "input/example.ts"),
    });
    expect(result!.messages.map((m) => m.ruleId)).toContain("no-restricted-imports");
    const [fine] = await eslint.lintText(
      'import { ResumeError } from "../common/errors.js";\nexport const e = ResumeError;\n',
      { filePath: path.join(SRC, "input/example.ts") },
    );
    expect(fine!.messages).toEqual([]);
  });

  it("keeps tests in the folders of the stages they test", () => {
    const top = readdirSync(path.join(ROOT, "tests")).filter((f) => f.endsWith(".test.ts"));
    expect(top).toEqual(["structure.test.ts"]);
    for (const dir of readdirSync(path.join(ROOT, "tests"))) {
      // fuzz/ feeds whole commands (ats, extract, import, the image path) hostile input, across stages.
      if (dir.endsWith(".test.ts") || ["fixtures", "golden", "support", "fuzz", "helpers.ts"].includes(dir)) continue;
      expect(STAGES, `tests/${dir}`).toContain(dir);
    }
  });

  it("has no import cycle among the files of src/", () => {
    const cycle = findCycle(importGraph());
    expect(cycle, cycle && `import cycle: ${cycle.join(" → ")}`).toBeUndefined();
  });

  it("finds an import cycle when there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "d.ts"]],
      ["c.ts", []],
      ["d.ts", ["b.ts"]],
    ]);
    expect(findCycle(graph)).toEqual(["b.ts", "d.ts", "b.ts"]);
    expect(findCycle(new Map([["x.ts", ["x.ts"]]]))).toEqual(["x.ts", "x.ts"]);
    graph.set("d.ts", ["c.ts"]);
    expect(findCycle(graph)).toBeUndefined();
  });

  it("asks a theme's layout what it needs, never which layout it is, outside src/render/layouts/", () => {
    // A branch on the layout: its kind or id read, or a comparison or `case` with a layout's name.
    const Q = String.raw`["'\`]`;
    const NAME = String.raw`${Q}(?:single|sidebar)${Q}`;
    const BRANCH = [
      /\blayout\s*\??\.\s*(?:kind|id)\b/,
      /\.layout\s*[!=]==?/,
      /[!=]==?\s*[\w.]*\.layout\b/,
      new RegExp(String.raw`[!=]==?\s*${NAME}`),
      new RegExp(String.raw`${NAME}\s*[!=]==?`),
      new RegExp(String.raw`\bcase\s+${NAME}`),
      new RegExp(String.raw`\.(?:includes|has)\(\s*${NAME}`),
      /\bswitch\s*\([^)]*\blayout\b/,
    ];
    const branches = (source: string) => source.split("\n").filter((line) => BRANCH.some((re) => re.test(line)));
    // The scan finds a branch however it is written, and lets a theme name its layout.
    for (const branch of [
      'if (tokens.layout.kind === "sidebar") return;',
      'const w = k.layout !== "single" ? 1 : 0;',
      'if ("sidebar" === theme) draw();',
      "switch (t.layout) {}",
      "case 'single':",
      'if (kinds.has("sidebar")) {}',
    ])
      expect(branches(branch), branch).toEqual([branch]);
    expect(
      branches('export const sidebar = { name: "sidebar", layout: "sidebar" };\nlayoutOf(k).sections(vm, k);'),
    ).toEqual([]);
    const layouts = path.join(SRC, "render", "layouts") + path.sep;
    for (const file of files(SRC).filter((f) => /\.tsx?$/.test(f) && !f.startsWith(layouts)))
      expect(branches(readFileSync(file, "utf8")), path.relative(ROOT, file)).toEqual([]);
  });
});
