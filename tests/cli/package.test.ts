/**
 * The package installs as a command: npm pack, a global install of the tarball into an empty
 * prefix, then `resume init` and `resume build` in an empty folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../src/common/ids.js";
import { ROOT, tempDir } from "../helpers.js";

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" },
    timeout: 240_000,
  });
  expect(r.status, `${cmd} ${args.join(" ")}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

describe("the installed package", () => {
  it("packs, installs globally and runs init and build in an empty folder", { timeout: 300_000 }, () => {
    const dir = tempDir();
    // dist/ is built by npm test; packing without scripts does not rebuild it under the other tests.
    sh("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    const files = sh("tar", ["tzf", path.join(dir, tarball)], dir).split("\n");
    expect(files).toContain("package/dist/resume.mjs");
    expect(files).toContain("package/README.md");
    // The built-in themes are theme files, read when a build starts; the theme file's schema too.
    for (const theme of THEMES) expect(files).toContain(`package/themes/${theme}.yaml`);
    expect(files).toContain("package/theme.schema.json");
    expect(files.some((f) => f.startsWith("package/src/") || f.startsWith("package/tests/"))).toBe(false);
    // dist/ holds only what runs: the bundles (command, library, batch worker, snapshot entries,
    // the Word file's libraries), pdf.js's two browser files for the preview page, and the font
    // files the themes draw with.
    const fonts = files.filter((f) => f.startsWith("package/dist/fonts/"));
    expect(files.filter((f) => f.startsWith("package/dist/") && !fonts.includes(f)).sort()).toEqual(
      [
        "batch-worker.mjs",
        "docx-deps.cjs",
        "docx-deps.mjs",
        "lib.mjs",
        "preview/pdfjs/LICENSE",
        "preview/pdfjs/pdf.min.mjs",
        "preview/pdfjs/pdf.worker.min.mjs",
        "resume-check-snapshot.cjs",
        "resume-snapshot.cjs",
        "resume.mjs",
      ].map((f) => `package/dist/${f}`),
    );

    // Fonts: the faces the themes use (regular, semibold and bold, upright and italic), each with
    // its package's licence, and no other weight; the CJK fonts stay optional packages.
    expect(fonts).toContain(
      "package/dist/fonts/@expo-google-fonts/inter/600SemiBold_Italic/Inter_600SemiBold_Italic.ttf",
    );
    expect(fonts).toContain("package/dist/fonts/@expo-google-fonts/inter/LICENSE_FONT");
    expect(fonts).toContain(
      "package/dist/fonts/@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff",
    );
    expect(fonts).toContain("package/dist/fonts/@expo-google-fonts/vazirmatn/LICENSE_FONT");
    expect(fonts.filter((f) => /_(100|200|300|500|800|900)[A-Za-z]*\.ttf$/.test(f))).toEqual([]);
    expect(fonts.some((f) => f.includes("noto-sans-sc") || f.includes("noto-sans-jp"))).toBe(false);

    const prefix = path.join(dir, "prefix");
    sh("npm", ["install", "-g", "--prefix", prefix, path.join(dir, tarball)], dir);
    const resume = path.join(prefix, "bin", "resume");
    const work = path.join(dir, "empty");
    mkdirSync(work);
    expect(sh(resume, ["--version"], work)).toMatch(/^resume-builder \d+\.\d+\.\d+\n$/);
    sh(resume, ["init"], work);
    expect(sh(resume, ["build"], work)).toMatch(/^wrote out\/Alex-Example-Resume\.pdf \(1 page/);
    expect(readFileSync(path.join(work, "out/Alex-Example-Resume.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(sh(resume, ["validate"], work)).toBe("resume.yaml is valid (5 sections)\n");
    // A theme package installed beside the tool is found, listed and used.
    const themePkg = path.join(dir, "resume-theme-green");
    mkdirSync(themePkg);
    writeFileSync(
      path.join(themePkg, "package.json"),
      JSON.stringify({ name: "resume-theme-green", version: "1.0.0" }),
    );
    writeFileSync(
      path.join(themePkg, "theme.yaml"),
      "extends: classic\ndescription: Green classic\ncolor:\n  name: '#0a7a3c'\n",
    );
    sh("npm", ["install", "-g", "--prefix", prefix, themePkg], dir);
    expect(sh(resume, ["themes"], work)).toMatch(/\nresume-theme-green +Green classic \(package\)\n$/);
    expect(sh(resume, ["build", "--theme", "resume-theme-green", "-o", "green.pdf"], work)).toMatch(
      /^wrote green\.pdf/,
    );
    // Word files from the bundle beside the command: docx itself is not installed.
    expect(sh(resume, ["build", "-f", "docx"], work)).toMatch(/^wrote out\/Alex-Example-Resume\.docx/);
    expect(readFileSync(path.join(work, "out/Alex-Example-Resume.docx")).subarray(0, 2).toString()).toBe("PK");

    // The installed tool weighs at most 120 MB: one pdf.js at most, and none until PNG is asked for,
    // and of each font only the files the themes draw with (the font packages are not installed).
    const installed = path.join(prefix, "lib", "node_modules", "resume-builder");
    expect(Number(sh("du", ["-sk", prefix], dir).split("\t")[0]) / 1024).toBeLessThanOrEqual(120);
    expect(existsSync(path.join(installed, "node_modules", "pdfjs-dist"))).toBe(false);
    expect(existsSync(path.join(installed, "node_modules", "pdf-parse"))).toBe(false);
    expect(existsSync(path.join(installed, "node_modules", "docx"))).toBe(false);
    expect(existsSync(path.join(installed, "node_modules", "@expo-google-fonts"))).toBe(false);
    const png = spawnSync(resume, ["build", "-f", "png"], { cwd: work, encoding: "utf8" });
    expect(png.status).toBe(1);
    expect(png.stderr).toContain(
      `--format png  PNG output needs pdf-parse (pdf.js with a canvas), which is not installed; run: npm install -g pdf-parse@2`,
    );

    // The preview serves its page and pdf.js from the installed package.
    const probe = spawnSync(
      process.execPath,
      [
        "-e",
        `const child = require("node:child_process").spawn(${JSON.stringify(resume)}, ["preview", "--port", "0"]);
let out = "", done = false;
child.stdout.on("data", async (c) => {
  out += c;
  const m = /(http:\\/\\/\\S+)/.exec(out);
  if (!m || done) return;
  done = true;
  const codes = [];
  for (const f of ["", "app.js", "app.css", "pdf.min.mjs", "pdf.worker.min.mjs"]) codes.push((await fetch(m[1] + f)).status);
  console.log(codes.join(" "));
  child.kill("SIGTERM");
});`,
      ],
      { cwd: work, encoding: "utf8", timeout: 120_000 },
    );
    expect(probe.stdout.trim(), probe.stderr).toBe("200 200 200 200 200");

    // The library is the package's export.
    const lib = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(path.join(installed, "dist/lib.mjs"))}); console.log(Object.keys(m).sort().join(","))`,
      ],
      { encoding: "utf8" },
    );
    expect(lib.stdout.trim()).toBe(
      "FORMATS,ResumeError,build,buildMany,findThemes,formatDiagnostic,newThemeFile,prepareResume,themeJsonSchema",
    );
  });
});

describe("the GitHub Action", () => {
  it("builds with this checkout's command and uploads the outputs as an artifact", () => {
    const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
      runs: { using: string; steps: { uses?: string; run?: string; with?: Record<string, string> }[] };
    };
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["file", "formats", "variant", "artifact-name"]));
    const script = action.runs.steps.map((s) => s.run ?? "").join("\n");
    expect(script).toContain("npm ci");
    expect(script).toMatch(/node "\$\{\{ github\.action_path \}\}\/dist\/resume\.mjs" "\$\{args\[@\]\}"/);
    expect(existsSync(path.join(ROOT, "dist/resume.mjs"))).toBe(true);
    expect(script).toContain('args=(build "$FILE"');
    expect(action.runs.steps.some((s) => s.uses?.startsWith("actions/upload-artifact@"))).toBe(true);
    expect(existsSync(path.join(ROOT, ".github/workflows/resume.yml"))).toBe(true);
  });
});
