import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ResumeError } from "../../src/common/errors.js";
import { checkDate } from "../../src/input/dates.js";
import { resumeJsonSchema } from "../../src/input/schema.js";
import { validate, validateDocument } from "../../src/input/validate.js";
import { CONFORMANCE, ROOT, source } from "../helpers.js";

const MINIMAL = { basics: { name: "Richard Hendriks" } };

function deepMerge(base: unknown, extra: unknown): unknown {
  if (
    base &&
    extra &&
    typeof base === "object" &&
    typeof extra === "object" &&
    !Array.isArray(base) &&
    !Array.isArray(extra)
  ) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(extra)) out[k] = k in out ? deepMerge(out[k], v) : v;
    return out;
  }
  return extra;
}

/**
 * Whether a document is valid as it is: nothing refused and nothing assumed (--strict). Without
 * --strict, what can be printed faithfully builds with a located warning (see `lenient`).
 */
const accepts = (doc: unknown) =>
  validateDocument(source(JSON.stringify(doc, null, 2), "resume.json"), { strict: "--strict" }).problems.length === 0;
/** The document as a build without --strict reads it: a résumé or not, and every diagnostic. */
const lenient = (doc: unknown) => validateDocument(source(JSON.stringify(doc, null, 2), "resume.json"));

describe("JSON Resume conformance", () => {
  const fieldsDir = path.join(CONFORMANCE, "fields");
  const files = readdirSync(fieldsDir).filter((f) => f.endsWith(".json") && f !== "dates.json");

  for (const file of files) {
    const cases = JSON.parse(readFileSync(path.join(fieldsDir, file), "utf8")) as Record<string, unknown>;
    describe(file, () => {
      for (const [name, doc] of Object.entries(cases)) {
        const shouldPass = /Valid\d*$/.test(name) || name === "valid";
        it(`${name} is ${shouldPass ? "accepted" : "rejected under --strict, and located in any build"}`, () => {
          const merged = deepMerge(MINIMAL, doc);
          expect(accepts(merged)).toBe(shouldPass);
          const v = lenient(merged);
          if (shouldPass) {
            expect(v.problems).toEqual([]);
          } else {
            // Built with a located note that says what was assumed, or refused at its place.
            const said = v.resume ? v.warnings : v.problems;
            expect(said.length).toBeGreaterThan(0);
            expect(
              said.every((d) => d.line !== undefined),
              JSON.stringify(said),
            ).toBe(true);
          }
        });
      }
    });
  }

  describe("dates.json (each as a work start date)", () => {
    const cases = JSON.parse(readFileSync(path.join(fieldsDir, "dates.json"), "utf8")) as Record<string, string>;
    for (const [name, value] of Object.entries(cases)) {
      it(`${name}: ${value}`, () => {
        expect(accepts({ ...MINIMAL, work: [{ startDate: value }] })).toBe(name !== "invalid");
      });
    }
  });

  const documents = [
    "sample.resume.json",
    ...readdirSync(path.join(CONFORMANCE, "examples")).map((f) => `examples/${f}`),
  ];
  for (const doc of documents) {
    it(`${doc} validates unchanged`, () => {
      const text = readFileSync(path.join(CONFORMANCE, doc), "utf8");
      expect(() => validate(source(text, doc))).not.toThrow();
    });
  }
});

describe("schema rules", () => {
  it("accepts unquoted YAML years and dates and keeps them as text", () => {
    const r = validate(source("basics: {name: A}\nwork:\n  - startDate: 2018\n    endDate: 2021-06-30\n"));
    expect(r.work?.[0]).toMatchObject({ startDate: "2018", endDate: "2021-06-30" });
  });

  it("accepts work location as text or as a location object", () => {
    expect(accepts({ ...MINIMAL, work: [{ location: "Palo Alto, CA" }] })).toBe(true);
    expect(accepts({ ...MINIMAL, work: [{ location: { city: "Palo Alto", region: "CA" } }] })).toBe(true);
    expect(accepts({ ...MINIMAL, work: [{ location: ["Palo Alto", "Berlin"] }] })).toBe(false);
  });

  it("requires basics.name", () => {
    expect(accepts({ basics: {} })).toBe(false);
    expect(accepts({ basics: { name: "  " } })).toBe(false);
    expect(accepts({})).toBe(false);
  });

  it("rejects unknown keys everywhere, including in extensions", () => {
    expect(accepts({ ...MINIMAL, work: [{ compnay: "X" }] })).toBe(false);
    expect(accepts({ ...MINIMAL, render: { colour: "red" } })).toBe(false);
    expect(accepts({ ...MINIMAL, customSections: [{ title: "T", summary: "s", bullets: [] }] })).toBe(false);
  });

  it("reads what can be printed faithfully, without --strict", () => {
    expect(lenient({ ...MINIMAL, work: [{ startDate: "2020-06", endDate: "2020-05" }] }).resume!.work![0]).toEqual({
      startDate: "2020-06",
      endDate: "2020-05",
    });
    expect(lenient({ basics: { name: "A", email: "a@b" } }).resume!.basics.email).toBe("a@b");
    expect(lenient({ ...MINIMAL, work: [{ location: ["Palo Alto", "Berlin"] }] }).resume!.work![0]).toEqual({});
    expect(lenient({ ...MINIMAL, work: [{ compnay: "X" }] }).resume!.work![0]).toEqual({ name: "X" });
    expect(lenient({ basics: {} }).resume).toBeUndefined();
    expect(lenient({ ...MINIMAL, render: { colour: "red" } }).resume).toBeUndefined();
  });

  it("checks calendar dates", () => {
    expect(checkDate("2024-02-29")).toBeUndefined();
    expect(checkDate("2023-02-29")).toMatch(/not a real day/);
    expect(checkDate("2023-13")).toMatch(/no month 13/);
    expect(checkDate("2023-00-10")).toMatch(/no month 00/);
    expect(checkDate("23-01")).toMatch(/not a date/);
    expect(checkDate("2021-06-30")).toBeUndefined();
  });

  it("compares date ranges at the precision both dates share", () => {
    expect(accepts({ ...MINIMAL, work: [{ startDate: "2020-06", endDate: "2020" }] })).toBe(true);
    expect(accepts({ ...MINIMAL, work: [{ startDate: "2020-06", endDate: "2020-05" }] })).toBe(false);
    expect(accepts({ ...MINIMAL, education: [{ startDate: "2020", endDate: "2019-12-31" }] })).toBe(false);
  });

  it("validates emails and web URLs", () => {
    expect(accepts({ basics: { name: "A", email: "a@b.co" } })).toBe(true);
    expect(accepts({ basics: { name: "A", email: "a@b" } })).toBe(false);
    expect(accepts({ basics: { name: "A", url: "https://a.dev/x" } })).toBe(true);
    expect(accepts({ basics: { name: "A", url: "a dev" } })).toBe(false);
    expect(accepts({ basics: { name: "A", url: "javascript:alert(1)" } })).toBe(false);
    expect(accepts({ basics: { name: "A", url: "data:text/html,x" } })).toBe(false);
    // Links are http, https, mailto and tel only; an address with a user name before its host is none.
    expect(accepts({ basics: { name: "A", profiles: [{ url: "skype:jane?call" }] } })).toBe(false);
    expect(accepts({ basics: { name: "A", url: "smb://evil.example/share" } })).toBe(false);
    expect(accepts({ basics: { name: "A", url: "https://www.linkedin.com@evil.example/in/jane" } })).toBe(false);
    expect(accepts({ basics: { name: "A", url: "mailto:a@b.co" } })).toBe(true);
    expect(accepts({ basics: { name: "A", url: "tel:+15550100" } })).toBe(true);
    expect(accepts({ basics: { name: "A", url: "" } })).toBe(true);
  });

  it("checks custom sections and render.order", () => {
    const custom = { title: "How I think", highlights: ["Correctness before cleverness"] };
    expect(accepts({ ...MINIMAL, customSections: [custom], render: { order: ["how-i-think", "work"] } })).toBe(true);
    expect(accepts({ ...MINIMAL, customSections: [{ title: "Empty" }] })).toBe(false);
    expect(accepts({ ...MINIMAL, customSections: [{ ...custom, id: "work" }] })).toBe(false);
    expect(accepts({ ...MINIMAL, render: { order: ["work", "work"] } })).toBe(false);
    expect(accepts({ ...MINIMAL, render: { order: ["nope"] } })).toBe(false);
    expect(accepts({ ...MINIMAL, render: { paper: "a5" } })).toBe(false);
    expect(accepts({ ...MINIMAL, render: { theme: "classic", paper: "letter", titles: { work: "Career" } } })).toBe(
      true,
    );
  });
});

describe("JSON Schema for editors", () => {
  const schema = resumeJsonSchema() as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
    additionalProperties: unknown;
  };

  it("describes the JSON Resume sections and the extensions", () => {
    for (const key of ["basics", "work", "education", "certificates", "customSections", "render"]) {
      expect(schema.properties).toHaveProperty(key);
    }
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema.properties.certificates)).toContain("badge");
  });

  it("lets editors accept unquoted years", () => {
    const start = JSON.stringify(
      (schema.properties.work as unknown as { items: { properties: Record<string, unknown> } }).items.properties
        .startDate,
    );
    expect(start).toContain('"integer"');
    expect(start).toContain("pattern");
  });

  it("matches the committed resume.schema.json (regenerate with npm run schema)", () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, "resume.schema.json"), "utf8"));
    expect(committed).toEqual(schema);
  });
});

describe("default resume.yaml", () => {
  it("is valid", () => {
    const text = readFileSync(path.join(ROOT, "resume.yaml"), "utf8");
    expect(() => validate(source(text))).not.toThrow();
  });

  it("fails as a ResumeError, not a crash, on nonsense", () => {
    expect(() => validate(source("basics: [1, 2]\n"))).toThrow(ResumeError);
  });
});
