/**
 * Shaping word by word (render/fontstore.ts) gives exactly what shaping each whole run gives:
 * the same glyphs, standing for the same characters, at the same positions. Compared over every
 * text of the fixtures and the real corpus, in every face the themes use, with fontkit shaping
 * the whole string as the reference.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { memoizeFontWork } from "../../src/render/fontstore.js";
import { familyFaces, TEXT_FONTS, type FamilyName } from "../../src/render/fonts.js";
import { CONFORMANCE, readRealJson, ROOT } from "../helpers.js";

interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  script: string;
}
type Shaper = {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): Run;
};

/** Every text of the fixtures and the real corpus long enough to be shaped word by word, with a few made to be hard. */
function corpus(): string[] {
  const files = [
    ...[
      "resume.yaml",
      "tests/fixtures/full.yaml",
      "tests/fixtures/long.yaml",
      "tests/fixtures/unicode.yaml",
      "tests/fixtures/wrap.yaml",
      "tests/fixtures/knobs.yaml",
    ].map((f) => path.join(ROOT, f)),
    ...readdirSync(path.join(ROOT, "tests/fixtures/real"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => path.join(ROOT, "tests/fixtures/real", f)),
    path.join(CONFORMANCE, "sample.resume.json"),
  ];
  const texts = new Set<string>([
    "2021 – 2024 Tanker, Value, Yield, Tokyo, Vienna, Wales, “Quoted” (AV) W. T. Y. V. A.",
    "1. Vector Tools; 2. Type Systems — 3 V 4 T 5 Y, office fjord affluent ffi fl",
    "Ångström, Œuvre, Straße, Łódź, İstanbul, Ωmega, Привет Тверь, Γειά Τ",
  ]);
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.length >= 12 && v.includes(" ")) texts.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const f of files)
    walk(f.endsWith(".json") ? readRealJson(readFileSync(f, "utf8")) : parse(readFileSync(f, "utf8")));
  return [...texts];
}

const signature = (r: Run) =>
  r.glyphs
    .map(
      (g, i) =>
        `${g.id}/${g.codePoints.join(".")}@${[r.positions[i]!.xAdvance, r.positions[i]!.yAdvance, r.positions[i]!.xOffset, r.positions[i]!.yOffset].join(",")}`,
    )
    .join(" ") + `|${r.script}`;

describe("shaping word by word", () => {
  const texts = corpus();
  const families = [...new Set(Object.values(TEXT_FONTS))] as FamilyName[];
  // A test for each face: both weights of a family in one test took three minutes on a loaded machine.
  const faces = families.flatMap((family) => [400, 700].map((weight) => [family, weight] as const));
  it.each(faces)(
    "is exact in %s, weight %s",
    (family, weight) => {
      for (const face of familyFaces(family).filter((f) => f.weight === weight && f.style === "normal")) {
        const whole = fontkit.openSync(face.file) as unknown as Shaper;
        const words = fontkit.openSync(face.file) as unknown as Shaper;
        memoizeFontWork(words as never);
        for (const text of texts) {
          expect(
            signature(words.layout(text, undefined, undefined, undefined, "ltr")),
            `${path.basename(face.file)}: ${text}`,
          ).toBe(signature(whole.layout(text, undefined, undefined, undefined, "ltr")));
        }
      }
    },
    600_000,
  ); // every string of 76 real résumés in one face: a bound against a hang, not a pace
});

describe("which runs are shaped word by word", () => {
  /** The strings fontkit itself is asked to shape, once a font's shaping is memoised. */
  const shapedBy = (family: FamilyName) => {
    const font = fontkit.openSync(
      familyFaces(family).find((f) => f.weight === 400 && f.style === "normal")!.file,
    ) as unknown as Shaper;
    const asked: string[] = [];
    const layout = font.layout.bind(font);
    font.layout = (text, ...rest) => (asked.push(text), layout(text, ...rest));
    memoizeFontWork(font as never);
    return { font, asked };
  };

  it("a Latin run, word by word, each word once; a space kerned with the letter after it stays with it", () => {
    const { font, asked } = shapedBy("Source Serif 4");
    font.layout("Built the billing platform for the Tokyo office", undefined, undefined, undefined, "ltr");
    font.layout("Moved the billing platform to Go", undefined, undefined, undefined, "ltr");
    expect(asked).toContain("billing ");
    expect(asked.filter((t) => t === "billing ")).toHaveLength(1);
    // Source Serif 4 kerns a space before T: "the " and "Tokyo " are shaped together.
    expect(asked).toContain("the Tokyo ");
  });

  it("a run whole where the font looks across a space (Inter's contextual alternates)", () => {
    const { font, asked } = shapedBy("Inter");
    const text = "Built the billing platform for the Tokyo office";
    font.layout(text, undefined, undefined, undefined, "ltr");
    expect(asked).toContain(text);
  });
});
