/**
 * Property-based tests (fast-check): for generated valid résumés and for random mutations of the
 * fixtures, the builder ends in success with a valid PDF or in a ResumeError whose every field
 * problem has a line — never a crash, never a hang.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { build, prepareResume } from "../../src/pipeline/build.js";
import { ResumeError } from "../../src/common/errors.js";
import { CONFORMANCE, ROOT, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
/** A test's bound, proportional to the builds it runs: against a hang only, not a pace. */
const perBuild = (builds: number) => ({ timeout: builds * 4_000 });
/** The same for checks (read, validate, normalise; no layout). */
const perCheck = (checks: number) => ({ timeout: checks * 500 });

/** The outcome is one of the two allowed ones; anything else (a crash, a throw) fails the test. */
async function outcome(run: () => Promise<unknown>): Promise<"ok" | "rejected"> {
  try {
    await run();
    return "ok";
  } catch (err) {
    if (!(err instanceof ResumeError)) throw err;
    for (const d of err.diagnostics) {
      expect(d.message.length).toBeGreaterThan(5);
      // A problem with a field is located; only whole-file problems may lack a line.
      if (d.path && !d.path.startsWith("--")) expect(d.line, `${d.path}: ${d.message}`).toBeGreaterThan(0);
    }
    return "rejected";
  }
}

// Text in every script the bundled fonts cover, with the punctuation résumés use.
const char = fc.constantFrom(
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-–—'\"()/&%+#@!?éèüößøåłżčřşğıñçãõâêôœæÆÐþΑβγΔλΩабвгдЖЯёĐđƯươ→✓•€£★©",
  ..."我设计可靠的系统、。「」ソフトウェア",
  "🚀",
  "✨",
  "👍",
);
const text = (max: number) =>
  fc.string({ unit: char, minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const words = (max: number) => fc.array(text(12), { minLength: 1, maxLength: max }).map((w) => w.join(" "));
const year = fc.integer({ min: 1990, max: 2030 });
const date = fc.oneof(
  year.map(String),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const range = fc
  .tuple(date, fc.option(date, { nil: undefined }))
  .map(([a, b]) => (b && b < a ? { startDate: b, endDate: a } : { startDate: a, endDate: b }));
const login = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
  minLength: 1,
  maxLength: 12,
});
const email = fc
  .tuple(login, login, fc.constantFrom("com", "org", "de", "io"))
  .map(([u, d, tld]) => `${u}@${d}.${tld}`);
const url = fc.webUrl({ validSchemes: ["https"], withFragments: false, withQueryParameters: false });
const resume = fc.record(
  {
    basics: fc.record(
      {
        name: words(3),
        label: words(6),
        email,
        url,
        summary: words(60),
        location: fc.record({ city: words(2), countryCode: fc.constantFrom("SE", "DE", "US") }),
      },
      { requiredKeys: ["name"] },
    ),
    work: fc.array(
      fc
        .tuple(
          fc.record({
            name: words(4),
            position: words(4),
            location: words(3),
            highlights: fc.array(words(25), { maxLength: 6 }),
          }),
          range,
        )
        .map(([w, r]) => ({ ...w, ...r })),
      { maxLength: 6 },
    ),
    education: fc.array(
      fc
        .tuple(fc.record({ institution: words(5), studyType: words(2), area: words(3) }), range)
        .map(([e, r]) => ({ ...e, ...r })),
      { maxLength: 3 },
    ),
    skills: fc.array(fc.record({ name: words(3), keywords: fc.array(text(15), { maxLength: 8 }) }), { maxLength: 5 }),
    projects: fc.array(fc.record({ name: words(3), description: words(30), url }), { maxLength: 3 }),
    customSections: fc.array(
      fc.record({ title: words(4), highlights: fc.array(words(15), { minLength: 1, maxLength: 5 }) }),
      { maxLength: 2 },
    ),
    render: fc.record(
      {
        theme: fc.constantFrom("classic", "modern", "compact", "sidebar"),
        paper: fc.constantFrom("a4", "letter"),
        locale: fc.constantFrom("en", "de", "fr", "es", "pt", "it", "nl", "pl"),
        dateFormat: fc.constantFrom("short", "long", "numeric", "year"),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["basics"] },
);

describe("generated valid résumés", () => {
  it(
    "build to a valid PDF, or fail with located messages (150 cases)",
    async () => {
      const dir = tempDir();
      const file = path.join(dir, "r.yaml");
      const output = path.join(dir, "r.pdf");
      let built = 0;
      await fc.assert(
        fc.asyncProperty(resume, async (doc) => {
          // Custom section ids come from titles; two equal titles are a real conflict, so keep them apart.
          doc.customSections = doc.customSections?.map((s, i) => ({ ...s, id: `custom-${i}` }));
          writeFileSync(file, stringify(doc));
          let problem = "";
          const result = await outcome(() =>
            build(file, { output, env: EPOCH }).catch((err: unknown) => {
              if (err instanceof ResumeError) problem = err.message;
              throw err;
            }),
          );
          // Valid input builds: no hyphen the text does not have, no value lost at a font change.
          expect(problem).toBe("");
          if (result === "ok") {
            built++;
            expect(readFileSync(output).subarray(0, 5).toString()).toBe("%PDF-");
          }
        }),
        // A build costs a tenth of a second or more: a failing case is reported as found (with
        // its seed, to replay and shrink), not shrunk over thousands of builds past the bound.
        { numRuns: 150, endOnFailure: true },
      );
      // Every case builds, read-back check included, whatever the mix of scripts, symbols and emoji.
      expect(built).toBe(150);
    },
    150 * 4_000,
  ); // proportional to its 150 builds, against a hang only
});

/**
 * What real files carry that a strict reader refuses (README, "Rules worth knowing"): lists for
 * text, HTML in values, reversed dates, ranges and words in date fields, placeholders, nulls,
 * duplicated links. Each can be printed faithfully, so each generated résumé builds — with notes
 * and warnings — and no HTML tag reaches the page.
 */
const realWorld = fc.record({
  summaryAsList: fc.boolean(),
  html: fc.boolean(),
  reversed: fc.boolean(),
  rangeInStart: fc.boolean(),
  wordsDate: fc.constantFrom(undefined, "Mar. 2021", "März 2019", "ca. 2015", "Summer 2019"),
  placeholder: fc.constantFrom(undefined, "N/A", "-", "none"),
  nulls: fc.boolean(),
  duplicateLink: fc.boolean(),
});

type Doc = Record<string, unknown> & { basics: Record<string, unknown>; work?: Record<string, unknown>[] };

function applyRealWorld(doc: Doc, v: typeof realWorld extends fc.Arbitrary<infer T> ? T : never): Doc {
  const d = structuredClone(doc);
  const summary = typeof d.basics.summary === "string" ? d.basics.summary : "A summary.";
  if (v.summaryAsList) d.basics.summary = [summary, "Second paragraph."];
  else if (v.html)
    d.basics.summary = `<p>${summary.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p><ul><li><b>Led</b> &amp; <i>built</i></li><li>Shipped<br>it</li></ul><span>x</span>`;
  const work = d.work ?? [];
  for (const w of work) {
    if (v.reversed && typeof w.startDate === "string" && typeof w.endDate === "string")
      [w.startDate, w.endDate] = [w.endDate, w.startDate];
    if (v.rangeInStart && typeof w.startDate === "string") {
      w.startDate = `${w.startDate.slice(0, 4)} - ${typeof w.endDate === "string" ? w.endDate.slice(0, 4) : "Present"}`;
      delete w.endDate;
    }
    if (v.wordsDate) w.startDate = v.wordsDate;
    if (v.placeholder) w.location = v.placeholder;
    if (v.nulls) w.endDate = null;
  }
  if (v.placeholder) d.basics.label = v.placeholder;
  if (v.duplicateLink && typeof d.basics.url === "string") d.basics.profiles = [{ network: "Site", url: d.basics.url }];
  return d;
}

describe("generated résumés as real files write them", () => {
  it("build, with notes and warnings, and no HTML tag reaches the page (80 cases)", perBuild(80), async () => {
    const dir = tempDir();
    const file = path.join(dir, "r.json");
    const output = path.join(dir, "r.pdf");
    const { readPdfLines } = await import("../../src/pdf/reader.js");
    await fc.assert(
      fc.asyncProperty(resume, realWorld, async (doc, variants) => {
        doc.customSections = doc.customSections?.map((s, i) => ({ ...s, id: `custom-${i}` }));
        writeFileSync(file, JSON.stringify(applyRealWorld(doc as Doc, variants), null, 2));
        const result = await outcome(() => build(file, { output, env: EPOCH }));
        expect(result).toBe("ok");
        const text = readPdfLines(readFileSync(output)).join("\n");
        expect(text).not.toMatch(/<\/?(?:b|i|p|ul|li|br|span)\b[^>]*>/);
      }),
      { numRuns: 80, endOnFailure: true },
    );
  });
});

/** Random edits of a source text: deletions, insertions of YAML-significant text, line swaps. */
type Edit =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; value: string }
  | { kind: "swap"; at: number; other: number }
  | { kind: "duplicate"; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    value: fc.string({ unit: fc.constantFrom(..." :-[]{}*&!|>'\"#\t\n,0123456789abcxyzé🚀\u0000"), maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
);

function mutate(source: string, edits: Edit[]): string {
  let s = source;
  for (const e of edits) {
    const lines = s.split("\n");
    const at = e.at % Math.max(1, s.length);
    switch (e.kind) {
      case "delete":
        s = s.slice(0, at) + s.slice(at + e.length);
        break;
      case "insert":
        s = s.slice(0, at) + e.value + s.slice(at);
        break;
      case "swap": {
        const i = e.at % lines.length;
        const j = e.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        s = lines.join("\n");
        break;
      }
      case "duplicate": {
        const i = e.at % lines.length;
        lines.splice(i, 0, lines[i]!);
        s = lines.join("\n");
        break;
      }
    }
  }
  return s;
}

const FIXTURES = [
  ["resume.yaml", path.join(ROOT, "resume.yaml")],
  ["full.yaml", path.join(ROOT, "tests/fixtures/full.yaml")],
  ["knobs.yaml", path.join(ROOT, "tests/fixtures/knobs.yaml")],
  ["sample.resume.json", path.join(CONFORMANCE, "sample.resume.json")],
] as const;

describe("random mutations of the fixtures", () => {
  it.each(FIXTURES)("of %s validate or fail located (800 cases)", perCheck(800), async (name, original) => {
    const dir = tempDir();
    const source = readFileSync(original, "utf8");
    // Keep the extension (YAML or strict JSON); the project's own fixtures are mutated in place
    // so that their relative paths (badge, photo) resolve. ../shared is never written to.
    const home = original.startsWith(ROOT) ? path.dirname(original) : dir;
    const file = path.join(home, `.mutated-${process.pid}-${name}`);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
          writeFileSync(file, mutate(source, edits));
          await outcome(() => prepareResume(file));
        }),
        { numRuns: 800 },
      );
    } finally {
      (await import("node:fs")).rmSync(file, { force: true });
    }
    expect(dir).toBeTruthy();
  });

  it("of resume.yaml build or fail located (100 cases)", perBuild(100), async () => {
    const dir = tempDir();
    const source = readFileSync(path.join(ROOT, "resume.yaml"), "utf8");
    const file = path.join(ROOT, `.mutated-build-${process.pid}.yaml`);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
          writeFileSync(file, mutate(source, edits));
          await outcome(() => build(file, { output: path.join(dir, "m.pdf"), env: EPOCH }));
        }),
        { numRuns: 100, endOnFailure: true },
      );
    } finally {
      (await import("node:fs")).rmSync(file, { force: true });
    }
  });
});
