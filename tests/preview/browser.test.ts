/**
 * The preview page and the web page output in a real browser: Debian's Chromium, driven by
 * puppeteer-core (no browser is downloaded). The preview's pages appear, an edit to the file
 * updates them with zoom and scroll kept, a broken file shows its located problem over the last
 * good pages and fixing it brings them back, a choice on the page rebuilds, and a request under a
 * foreign Host name is refused. Every `-f html` page of the fixtures and the real corpus passes
 * axe-core with no violations, and Chromium's own reading of its text holds every value in order.
 * Skipped, saying so, where Chromium is not installed (.ci/run installs it, so CI runs it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { startPreview, type Preview } from "../../src/preview/server.js";
import { readingOrder } from "../../src/render/themes/reading.js";
import { squeeze } from "../../src/check/verify.js";
import { ROOT, tempDir, writeFixture } from "../helpers.js";

// What the callbacks below use in Chromium: the project compiles without the DOM's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
type HTMLCanvasElement = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FIXTURE = readFileSync(path.join(ROOT, "tests/fixtures/languages.yaml"), "utf8");

/** Chromium's path: CHROMIUM, else the first of Debian's and other usual names on PATH. */
function chromium(): string | undefined {
  if (process.env.CHROMIUM && existsSync(process.env.CHROMIUM)) return process.env.CHROMIUM;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}
const CHROMIUM = chromium();
if (!CHROMIUM)
  console.warn(
    "tests/preview/browser.test.ts skipped: no Chromium found (apt-get install chromium, or set CHROMIUM to its path)",
  );

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM) return;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    // A foreign name that resolves to this machine, as a DNS-rebinding attack would have it.
    args: ["--no-sandbox", "--host-resolver-rules=MAP rebind.test 127.0.0.1"],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Wait (polling the page) until `fn` is true there. */
const until = (page: Page, fn: string, timeout = 120_000) => page.waitForFunction(fn, { timeout, polling: 50 });

describe.skipIf(!CHROMIUM)("the preview page in Chromium", () => {
  let preview: Preview;
  let file: string;
  let page: Page;

  beforeAll(async () => {
    const dir = tempDir();
    file = writeFixture(dir, "resume.yaml", FIXTURE);
    preview = await startPreview({ file, cwd: dir, build: { env: EPOCH } });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 700 });
    await page.goto(preview.url);
  });
  afterAll(async () => {
    await page?.close();
    await preview?.close();
  });

  const drawn = () => page.evaluate(() => Number(document.body.dataset.drawn ?? -1));

  it("draws the PDF's pages, sharp at the screen's resolution, with what a parser reads beside them", async () => {
    await until(page, "document.querySelectorAll('#pages canvas').length > 0");
    const facts = await page.evaluate(() => {
      const canvas = document.querySelector("#pages canvas") as HTMLCanvasElement;
      const ctx = canvas.getContext("2d")!;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) ink++;
      return {
        pages: document.querySelectorAll("#pages canvas").length,
        ink,
        width: canvas.width,
        cssWidth: parseFloat(canvas.style.width),
        ats: document.querySelector("#ats")!.textContent,
        info: document.querySelector("#info")!.textContent,
      };
    });
    expect(facts.pages).toBe(preview.session.state.pdf!.pages);
    expect(facts.ink).toBeGreaterThan(1000);
    expect(facts.width).toBeGreaterThanOrEqual(facts.cssWidth);
    expect(facts.ats).toContain("Mira Kovalenko");
    expect(facts.info).toMatch(/^1 page · last page \d+% full · /);
  });

  it("updates itself when the file is saved, keeping the zoom and the scroll position", async () => {
    await page.click("#zoom-in");
    await page.click("#zoom-in");
    await until(page, "document.querySelector('#zoom-level').textContent === '125%'");
    await page.evaluate(() => {
      document.querySelector("#viewer")!.scrollTop = 300;
    });
    const before = await drawn();
    writeFileSync(file, FIXTURE.replace("en: Backend Engineer", "en: Payments Engineer"));
    await until(page, `Number(document.body.dataset.drawn) > ${before}`);
    await until(page, "document.querySelector('#ats').textContent.includes('Payments Engineer')");
    const after = await page.evaluate(() => ({
      zoom: document.querySelector("#zoom-level")!.textContent,
      top: document.querySelector("#viewer")!.scrollTop,
    }));
    expect(after).toEqual({ zoom: "125%", top: 300 });
  });

  it("shows a broken file's located problem over the last good pages, and the pages again when it is fixed", async () => {
    const before = await drawn();
    writeFileSync(file, FIXTURE.replace("  email: mira", "  email: [mira"));
    await until(page, "!document.querySelector('#problems').hidden");
    const shown = await page.evaluate(() => ({
      problems: document.querySelector("#problems")!.textContent,
      stale: document.querySelector("#pages")!.classList.contains("stale"),
      pages: document.querySelectorAll("#pages canvas").length,
    }));
    expect(shown.problems).toContain(`${file}:13:`);
    expect(shown.problems).toContain("email: [mira.kovalenko@example.com");
    expect(shown).toMatchObject({ stale: true, pages: 1 });
    writeFileSync(file, FIXTURE);
    await until(page, "document.querySelector('#problems').hidden");
    await until(page, `Number(document.body.dataset.drawn) > ${before}`);
    expect(await page.evaluate(() => document.querySelector("#pages")!.classList.contains("stale"))).toBe(false);
  });

  it("rebuilds with a theme and a language chosen on the page, and shows the flags that keep them", async () => {
    const before = await drawn();
    await page.select("select[name=language]", "uk");
    await until(page, `Number(document.body.dataset.drawn) > ${before}`);
    await until(page, "document.querySelector('#ats').textContent.includes('Міра Коваленко')");
    await page.select("select[name=theme]", "modern");
    await until(page, "document.querySelector('#permanent').textContent.includes('--theme modern')");
    expect(await page.evaluate(() => document.querySelector("#permanent")!.textContent)).toContain("--lang uk");
    expect(preview.session.state.choice).toEqual({ theme: "modern", language: "uk" });
  });

  it("is refused under a foreign Host name (DNS rebinding)", async () => {
    const { port, pathname } = new URL(preview.url);
    const other = await browser.newPage();
    const res = await other.goto(`http://rebind.test:${port}${pathname}`);
    expect(res?.status()).toBe(403);
    expect(await other.evaluate(() => document.body.textContent)).toContain("answers only to its loopback address");
    await other.close();
  });
});

const HTML_FIXTURES = [
  "resume.yaml",
  ...readdirSync(path.join(ROOT, "tests/fixtures"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `tests/fixtures/${f}`),
  ...readdirSync(path.join(ROOT, "tests/fixtures/scripts")).map((f) => `tests/fixtures/scripts/${f}`),
  ...readdirSync(path.join(ROOT, "tests/fixtures/real"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => `tests/fixtures/real/${f}`),
];

describe.skipIf(!CHROMIUM)("-f html in Chromium", () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage();
    // axe-core is injected as a script, which the page's own policy (no scripts) would refuse.
    await page.setBypassCSP(true);
  });
  afterAll(async () => {
    await page?.close();
  });

  it.each(HTML_FIXTURES)(
    "%s: no accessibility violations, every value in order as Chromium reads it",
    async (fixture) => {
      for (const theme of ["classic", "sidebar"]) {
        const r = await build(path.join(ROOT, fixture), {
          outDir: tempDir(),
          env: EPOCH,
          formats: ["html"],
          render: { theme },
        });
        await page.goto(`file://${r.output}`);
        // Nothing was fetched: the page holds its images, and its policy forbids the rest.
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
          ).axe;
          return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, theme).toEqual([]);
        const text = squeeze(await page.evaluate(() => document.body.innerText)).toLocaleLowerCase();
        const p = await prepareResume(path.join(ROOT, fixture), { render: { theme } });
        let at = 0;
        for (const value of readingOrder(p.vm, p.tokens, { oneColumn: true })) {
          const want = squeeze(value.text).toLocaleLowerCase();
          const found = text.indexOf(want, at);
          expect(found, `${theme}: ${value.text}`).toBeGreaterThanOrEqual(0);
          at = found + want.length;
        }
      }
    },
  );
});
