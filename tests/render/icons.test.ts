/**
 * Icons before the contacts (render.icons, the theme's `icons` token): vector drawings marked as
 * artifacts, so that every reader reads the contacts exactly as without them. Read back with
 * pdf.js, poppler's pdftotext (reading order and its words' boxes) and its structure text; the
 * drawings found in page 1's content stream (through qpdf's uncompressed form) by the marked
 * content around them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../src/common/ids.js";
import { squeeze } from "../../src/check/verify.js";
import { validateDocument } from "../../src/input/validate.js";
import { contactLine } from "../../src/model/contacts.js";
import { networkIcon } from "../../src/model/networks.js";
import { build } from "../../src/pipeline/build.js";
import { latin1, Lexer, PdfName, PdfOperator, type PdfValue } from "../../src/pdf/lexer.js";
import { openFont, familyFaces } from "../../src/render/fonts.js";
import { FONT_METRICS } from "../../src/render/themes/icons.js";
import { themes } from "../../src/render/themes/index.js";
import { ARRANGEMENTS, pdftotext, readPdf, ROOT, source, tempDir, tool, writeFixture } from "../helpers.js";
import { multiply, type Matrix } from "../../src/pdf/content.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const FULL = path.join(ROOT, "tests/fixtures/full.yaml");
const HEBREW = path.join(ROOT, "tests/fixtures/scripts/he.yaml");

/** A drawing painted on page 1: its box (PDF points, origin bottom left) and whether it is an artifact. */
interface Painted {
  artifact: boolean;
  /** Which artifact sequence it is painted in (each icon is one). */
  sequence: number;
  box: { x0: number; y0: number; x1: number; y1: number };
}

/** Page 1's content stream, uncompressed. */
function page1(pdf: string, dir: string): string {
  const qdf = path.join(dir, "qdf.pdf");
  expect(tool("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]).code).toBe(0);
  const text = latin1(readFileSync(qdf));
  const at = text.indexOf("%% Contents for page 1");
  const start = text.indexOf("stream\n", at) + "stream\n".length;
  return text.slice(start, text.indexOf("endstream", start));
}

/** Every path painted on page 1 (fills and strokes), with the marked content it is painted in. */
function paintedOnPage1(pdf: string, dir: string): Painted[] {
  const content = page1(pdf, dir);
  const lexer = new Lexer(content, 0, false);
  const operands: PdfValue[] = [];
  const marked: string[] = [];
  const saved: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let points: [number, number][] = [];
  let sequence = 0;
  let current = -1;
  const out: Painted[] = [];
  const nums = () => operands.filter((v): v is number => typeof v === "number");
  const point = (x: number, y: number) =>
    points.push([ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    if (!(t instanceof PdfOperator)) {
      operands.push(t);
      continue;
    }
    const n = nums();
    switch (t.op) {
      case "BDC":
      case "BMC": {
        const tag = (operands[0] as PdfName).name;
        marked.push(tag);
        if (tag === "Artifact") current = ++sequence;
        break;
      }
      case "EMC":
        marked.pop();
        break;
      case "q":
        saved.push(ctm);
        break;
      case "Q":
        ctm = saved.pop()!;
        break;
      case "cm":
        ctm = multiply(n as Matrix, ctm);
        break;
      case "m":
      case "l":
        point(n[0]!, n[1]!);
        break;
      case "c":
        point(n[4]!, n[5]!);
        break;
      case "v":
      case "y":
        point(n[2]!, n[3]!);
        break;
      case "re":
        point(n[0]!, n[1]!);
        point(n[0]! + n[2]!, n[1]! + n[3]!);
        break;
      case "n":
        points = [];
        break;
      case "f":
      case "f*":
      case "F":
      case "S":
      case "s":
      case "B":
      case "B*":
      case "b":
      case "b*": {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const artifact = marked.includes("Artifact");
        if (points.length)
          out.push({
            artifact,
            sequence: artifact ? current : 0,
            box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
          });
        points = [];
        break;
      }
    }
    operands.length = 0;
  }
  return out;
}

/** The icons on page 1: artifact drawings about as tall as wide and smaller than a line, one box per icon. */
function icons(painted: Painted[]): Painted["box"][] {
  const bySequence = new Map<number, Painted["box"]>();
  for (const p of painted) {
    const w = p.box.x1 - p.box.x0;
    const h = p.box.y1 - p.box.y0;
    if (!p.artifact || w < 2 || h < 2 || w > 12 || h > 12) continue;
    const b = bySequence.get(p.sequence);
    bySequence.set(
      p.sequence,
      b
        ? {
            x0: Math.min(b.x0, p.box.x0),
            y0: Math.min(b.y0, p.box.y0),
            x1: Math.max(b.x1, p.box.x1),
            y1: Math.max(b.y1, p.box.y1),
          }
        : p.box,
    );
  }
  return [...bySequence.values()];
}

/** poppler's words on page 1, with their boxes turned to PDF points (origin bottom left). */
function words(pdf: string): { text: string; x0: number; x1: number; y0: number; y1: number }[] {
  const html = pdftotext(pdf, "-bbox", "-f", "1", "-l", "1");
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    text: m[5]!.replace(/[\u200E\u200F\u202A-\u202E]/g, ""),
    x0: Number(m[1]),
    x1: Number(m[3]),
    y0: height - Number(m[4]),
    y1: height - Number(m[2]),
  }));
}

/** The text of the structure tree as poppler reads it, without white space and invisible marks. */
const structureText = (pdf: string) =>
  squeeze([...tool("pdfinfo", ["-struct-text", pdf]).stdout.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join(""));

async function both(input: string, theme: string, dir: string) {
  const off = path.join(dir, `${theme}-off.pdf`);
  const on = path.join(dir, `${theme}-on.pdf`);
  await build(input, { output: off, env: EPOCH, render: { theme } as never });
  // The build checks what it drew (read-back, parse, structure): it throws when a check fails.
  await build(input, { output: on, env: EPOCH, render: { theme, icons: true } as never });
  return { off, on };
}

describe("contact icons", () => {
  it.each(ARRANGEMENTS)("leave every reader's text as it is without them, in %s", async (theme) => {
    const dir = tempDir();
    const { off, on } = await both(FULL, theme, dir);
    const [a, b] = [await readPdf(readFileSync(off)), await readPdf(readFileSync(on))];
    // pdf.js: the same text, and the same links over the same text.
    expect(squeeze(b.text)).toBe(squeeze(a.text));
    expect(b.links).toEqual(a.links);
    // poppler's reading order: the same text, and the contacts' row one line, as without icons.
    expect(squeeze(pdftotext(on))).toBe(squeeze(pdftotext(off)));
    const row = (pdf: string) =>
      pdftotext(pdf, "-l", "1")
        .split("\n")
        .find((l) => l.includes("zoe.orsted@example.com"));
    for (const value of [
      "zoe.orsted@example.com",
      "+46 70 123 45 67",
      "https://zoe.example.com",
      "https://github.com/zoe-example",
      "Mastodon: zoe",
    ]) {
      expect(pdftotext(on)).toContain(value);
      expect(b.text).toContain(value);
    }
    if (theme !== "compact") expect(row(on)).toBe(row(off)); // compact's row wraps one contact sooner
    // The structure tree: no text more or less.
    expect(structureText(on)).toBe(structureText(off));
    // One icon per contact, each an artifact; everything else painted as before.
    const [paintedOff, paintedOn] = [paintedOnPage1(off, dir), paintedOnPage1(on, dir)];
    expect(paintedOn.filter((p) => !p.artifact).length).toBe(paintedOff.filter((p) => !p.artifact).length);
    expect(icons(paintedOn).length - icons(paintedOff).length).toBe(6);
  });

  it("stand before their contact, centred on its line, in a left-to-right row and column", async () => {
    const dir = tempDir();
    for (const theme of ["classic", "sidebar"]) {
      const { on } = await both(FULL, theme, dir);
      const drawn = icons(paintedOnPage1(on, dir));
      for (const first of [
        "zoe.orsted@example.com",
        "+46",
        "https://zoe.example.com",
        "https://github.com/zoe-example",
      ]) {
        const w = words(on).find((x) => x.text === first)!;
        const size = w.y1 - w.y0;
        const icon = drawn.find((b) => b.x1 <= w.x0 + 0.01 && b.x1 > w.x0 - size && b.y0 < w.y1 && b.y1 > w.y0);
        expect(icon, `${theme}: an icon just left of ${first}`).toBeDefined();
        // Its middle within the middle third of the word's box (ascent to descent).
        const middle = (icon!.y0 + icon!.y1) / 2;
        expect(middle).toBeGreaterThan(w.y0 + size / 3);
        expect(middle).toBeLessThan(w.y1 - size / 4);
      }
    }
  });

  it.each(["classic", "sidebar"])("stand right of their contact in a right-to-left résumé (%s)", async (theme) => {
    const dir = tempDir();
    const { off, on } = await both(HEBREW, theme, dir);
    const drawn = icons(paintedOnPage1(on, dir));
    for (const last of ["noa.cohen@example.com", "1234", "example.com/noa", "github.com/noacohen"]) {
      const w = words(on).find((x) => x.text === last)!;
      const size = w.y1 - w.y0;
      const icon = drawn.find((b) => b.x0 >= w.x1 - 0.01 && b.x0 < w.x1 + size && b.y0 < w.y1 && b.y1 > w.y0);
      expect(icon, `an icon just right of ${last}`).toBeDefined();
    }
    // The contacts read whole in both readers, and the structure tree holds no other text.
    const b = await readPdf(readFileSync(on));
    for (const value of ["noa.cohen@example.com", "+972 52 555 1234", "example.com/noa", "github.com/noacohen"]) {
      expect(b.text).toContain(value);
      expect(pdftotext(on).replace(/[\u200E\u200F\u202A-\u202E]/g, "")).toContain(value);
    }
    // The same characters in the structure tree: the place's separator now follows it, as it is
    // written (the one paragraph of a row without icons holds it where it is drawn).
    const letters = (pdf: string) => [...structureText(pdf)].sort().join("");
    expect(letters(on)).toBe(letters(off));
    expect(structureText(on)).toMatch(
      /noa\.cohen@example\.com\|?\+972525551234\|?example\.com\/noa\|?github\.com\/noacohen/,
    );
    expect(drawn.length).toBe(5);
  });

  it("draw every network's own icon, and the link for the others", async () => {
    const dir = tempDir();
    const networks = [
      ["GitHub", "https://github.com/jane"],
      ["linkedin", "https://www.linkedin.com/in/jane"],
      ["GitLab", "https://gitlab.com/jane"],
      ["Twitter", "https://x.com/jane"],
      ["Mastodon", "https://hachyderm.io/@jane"],
      ["ORCID", "https://orcid.org/0000-0002-1825-0097"],
      ["Google Scholar", "https://scholar.google.com/citations?user=abc"],
      ["Stack Overflow", "https://stackoverflow.com/users/1/jane"],
      ["Codeberg", "https://codeberg.org/jane"],
    ];
    const yaml = [
      "basics:",
      "  name: Jane Doe",
      "  email: jane@example.com",
      "  profiles:",
      ...networks.map(([n, u]) => `    - {network: ${n}, url: '${u}'}`),
      "    - {url: 'https://github.com/jane-work'}",
      "render: {icons: true}",
      "",
    ].join("\n");
    const input = writeFixture(dir, "networks.yaml", yaml);
    const out = path.join(dir, "networks.pdf");
    await build(input, { output: out, env: EPOCH });
    const drawn = icons(paintedOnPage1(out, dir));
    expect(drawn.length).toBe(networks.length + 2);
    const text = (await readPdf(readFileSync(out))).text;
    expect(text).toContain("jane@example.com");
    for (const [, url] of networks) expect(text).toContain(url!.replace(/^https:\/\/(www\.)?/, ""));
    expect(networks.map(([n, u]) => networkIcon(n, u))).toEqual([
      "github",
      "linkedin",
      "gitlab",
      "x",
      "mastodon",
      "orcid",
      "scholar",
      "stackoverflow",
      "link",
    ]);
  });

  it("find the network in any case, from the address when none is named, and a website's icon", () => {
    expect(networkIcon("GITHUB", undefined)).toBe("github");
    expect(networkIcon("X (Twitter)", undefined)).toBe("x");
    expect(networkIcon("stack-overflow", undefined)).toBe("stackoverflow");
    expect(networkIcon(undefined, "https://www.LinkedIn.com/in/jane")).toBe("linkedin");
    expect(networkIcon(undefined, "https://mastodon.example/@jane")).toBe("mastodon");
    expect(networkIcon("Blog", "https://jane.dev")).toBe("link");
    expect(networkIcon(undefined, undefined)).toBe("link");
    const line = contactLine({
      name: "A",
      email: "a@example.com",
      phone: "+1 555 0100",
      url: "https://a.dev",
      location: { city: "Oslo" },
      profiles: [{ network: "Dribbble", url: "https://dribbble.com/a" }],
    });
    expect(line.map((c) => c.icon)).toEqual(["location", "email", "phone", "website", "link"]);
  });

  it("are off in the built-in themes but the one after Awesome-CV, and `icons: false` draws the same pages as no setting", async () => {
    expect(THEMES.filter((t) => themes[t].icons)).toEqual(["awesome"]);
    const dir = tempDir();
    const [unset, off] = [path.join(dir, "unset.pdf"), path.join(dir, "off.pdf")];
    await build(FULL, { output: unset, env: EPOCH });
    await build(FULL, { output: off, env: EPOCH, render: { icons: false } });
    // (The file differs only in the résumé it carries, which records the setting.)
    expect(page1(off, dir)).toBe(page1(unset, dir));
  });

  it("are a render knob checked like the others, with its place in the file", () => {
    const v = validateDocument(source("basics: {name: A}\nrender:\n  icons: yes please\n"));
    expect(v.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`)).toEqual([
      '3:10 render.icons expected true or false, got text "yes please"',
    ]);
    expect(validateDocument(source("basics: {name: A}\nrender: {icons: true}\n")).problems).toEqual([]);
  });

  it("centre on the text from the bundled fonts' real metrics", () => {
    for (const [family, m] of Object.entries(FONT_METRICS)) {
      const font = openFont(familyFaces(family as never)[0]!.file) as unknown as {
        ascent: number;
        capHeight: number;
        xHeight: number;
        unitsPerEm: number;
        glyphForCodePoint(c: number): { advanceWidth: number };
      };
      const em = font.unitsPerEm;
      expect(font.ascent / em).toBeCloseTo(m.ascent, 2);
      expect(font.capHeight / em).toBeCloseTo(m.cap, 2);
      expect(font.xHeight / em).toBeCloseTo(m.x, 2);
      expect(font.glyphForCodePoint(0xa0).advanceWidth / em).toBeCloseTo(m.space, 2);
    }
  });
});
