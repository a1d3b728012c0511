import { it } from "vitest";
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { startPreview } from "../src/preview/server.js";
import { tempDir } from "./helpers.js";
import { build } from "../src/pipeline/build.js";
import path from "node:path";
it("lat", async () => {
  const dir = tempDir();
  const file = path.join(dir, "cv.yaml");
  await import("node:child_process").then((cp) => cp.execFileSync("bin/resume", ["import", "tests/fixtures/import/rendercv/John_Doe_ClassicTheme_CV.yaml", "-o", file]));
  const text = readFileSync(file, "utf8");
  const p = await startPreview({ file, cwd: dir, build: { env: { SOURCE_DATE_EPOCH: "1767225600" } } });
  while (!p.session.state.ok) await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 8; i++) {
    const id = p.session.state.id;
    const t0 = performance.now();
    writeFileSync(file, text.replace("Built foundation", i % 2 ? "Made foundation" : "Built foundation") + `\n# ${i}\n`);
    while (p.session.state.id === id) await new Promise((r) => setTimeout(r, 2));
    console.log("state in", Math.round(performance.now() - t0), "build ms", p.session.state.pdf?.ms);
  }
  await p.close();
  const t1 = performance.now();
  await build(file, { outDir: dir, env: { SOURCE_DATE_EPOCH: "1767225600" } });
  console.log("plain build", Math.round(performance.now() - t1));
});
