/**
 * The README's picture of `resume preview`: the default résumé in the preview page, as Chromium
 * (Debian's, driven by puppeteer-core) shows it, with a job posting's keywords, into
 * docs/preview.png. Needs Chromium (CHROMIUM, or `chromium` on PATH).
 *   npm run screenshot:preview
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { startPreview } from "../src/preview/server.js";

const root = path.resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "preview-shot-"));
const posting = path.join(tmp, "posting.txt");
writeFileSync(
  posting,
  "Senior backend engineer: Python, Django, PostgreSQL, REST APIs, Kubernetes, Terraform, event sourcing, on-call.\n",
);
const preview = await startPreview({
  file: path.join(root, "resume.yaml"),
  cwd: root,
  job: posting,
  build: { env: { SOURCE_DATE_EPOCH: "1767225600" } },
});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--hide-scrollbars"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(preview.url);
  await page.waitForFunction("document.querySelectorAll('#pages canvas').length > 0", { timeout: 120_000 });
  await page.screenshot({ path: path.join(root, "docs/preview.png") });
} finally {
  await browser.close();
  await preview.close();
  rmSync(tmp, { recursive: true, force: true });
}
