/**
 * Real JSON Resume documents from public repositories (tests/fixtures/real/, sources and
 * licences in SOURCES.md), taken as they were published: older key names, keys of other tools,
 * empty strings, "Present", ISO date-times, many languages and scripts, emoji.
 *   - Each builds in every theme, read-back check included.
 *   - What it prints — names, employers, roles, schools, bullets — is in the PDF, as poppler reads it.
 *   - Every key outside the JSON Resume schema is named: read under another name (an older
 *     version's, another tool's, a near-miss) or not printed, checked against JSON Resume's own schema.
 *   - Real mistakes that can still be printed faithfully (a null, an end before its start, a day
 *     that does not exist, a list for a paragraph) build, each located with what was assumed,
 *     and --strict refuses them; what cannot (no name, a script no font here draws) fails with
 *     every problem located, at once (tests/fixtures/real/refused/).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { plainText } from "../../src/model/markup.js";
import { fromHtml } from "../../src/input/html.js";
import { THEMES } from "../../src/common/ids.js";
import { CONFORMANCE, pdffonts, pdftotext, readRealJson, ROOT, run, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const REAL = path.join(ROOT, "tests/fixtures/real");
const files = readdirSync(REAL)
  .filter((f) => f.endsWith(".json"))
  .sort();

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);

/** The values a reader must find, straight from the file (old key names included). */
function printedValues(doc: Json): string[] {
  const out: (string | undefined)[] = [str(obj(doc.basics).name)];
  for (const w of list(doc.work).map(obj))
    out.push(str(w.name) ?? str(w.company), str(w.position), ...list(w.highlights).map(str));
  for (const v of list(doc.volunteer).map(obj))
    out.push(str(v.organization), str(v.position), ...list(v.highlights).map(str));
  for (const e of list(doc.education).map(obj))
    out.push(
      str(e.institution),
      typeof e.location === "string" ? str(e.location) : undefined,
      ...list(e.highlights).map(str),
    );
  for (const p of list(doc.projects).map(obj)) out.push(str(p.name), ...list(p.highlights).map(str));
  for (const a of list(doc.awards).map(obj)) out.push(str(a.title));
  for (const c of list(doc.certificates).map(obj)) out.push(str(c.name));
  for (const p of list(doc.publications).map(obj)) out.push(str(p.name));
  for (const s of list(doc.skills).map(obj)) out.push(str(s.name));
  for (const l of list(doc.languages).map(obj)) out.push(str(l.language) ?? str(l.name));
  // As printed: HTML read as formatting (its tags are not printed), then the inline markup.
  return out.filter((v): v is string => v !== undefined).map((v) => plainText(fromHtml(v, true).text));
}

/**
 * Text as compared: no spaces or invisible code points, plain quotes and ellipses, and no dashes
 * (poppler drops a hyphen at the end of a line, taking it for hyphenation, when a long URL broke
 * after one of its own).
 */
const fold = (s: string) =>
  s
    .normalize("NFC")
    .replace(/[\s\p{Default_Ignorable_Code_Point}]/gu, "")
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’`']/g, "'")
    .replace(/[–—-]/g, "")
    .replace(/…/g, "...");

/**
 * Whether `value` is in the folded PDF text: whole, or (a title that wraps beside its dates, which
 * poppler reads between its two lines) its words in order with at most a line of other text
 * between two of them.
 */
function foundIn(text: string, value: string): boolean {
  if (text.includes(fold(value))) return true;
  const words = value.split(/\s+/).map(fold).filter(Boolean);
  for (let at = text.indexOf(words[0]!); at >= 0; at = text.indexOf(words[0]!, at + 1)) {
    let end = at + words[0]!.length;
    const ok = words.slice(1).every((w) => {
      const next = text.indexOf(w, end);
      if (next < 0 || next - end > 60) return false;
      end = next + w.length;
      return true;
    });
    if (ok) return true;
  }
  return false;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
const SCHEMA = JSON.parse(readFileSync(path.join(CONFORMANCE, "schema.json"), "utf8")) as SchemaNode;

/** Keys outside JSON Resume's schema that this tool prints (its documented extensions). */
const EXTENSIONS = new Set(["education[].location", "education[].summary", "education[].highlights"]);

/** Keys outside JSON Resume's schema, as the file names them (`work[].technologies`, `experience`). */
function outsideSchema(doc: unknown): string[] {
  const keys = new Set<string>();
  const walk = (v: unknown, s: SchemaNode | undefined, at: string, context: string) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, s?.items, `${at}[]`, context));
    if (v === null || typeof v !== "object" || !s?.properties) return;
    for (const [k, x] of Object.entries(v as Json)) {
      if (typeof x === "string" && !x.trim()) continue; // empty: absent
      const here = at ? `${at}.${k}` : k;
      if (k in s.properties) walk(x, s.properties[k], here, k);
      else if (context !== "meta" && !EXTENSIONS.has(here)) keys.add(here);
    }
  };
  walk(doc, SCHEMA, "", "");
  return [...keys];
}

/** A diagnostic's lines with entry indices generalised: `work[3].higlights` → `work[].higlights`. */
const general = (stderr: string) => stderr.replace(/\[\d+\]/g, "[]");

describe.each(files)("%s", (file) => {
  const input = path.join(REAL, file);
  const doc = readRealJson(readFileSync(input, "utf8")) as Json;
  const dir = tempDir();

  it.each(THEMES)("builds in the %s theme, and every printed value is in the PDF", async (theme) => {
    const output = path.join(dir, `${theme}.pdf`);
    const result = await build(input, { output, env: EPOCH, render: { theme } });
    expect(result.pages).toBeGreaterThan(0);
    const text = fold(pdftotext(output));
    for (const value of printedValues(doc)) expect(foundIn(text, value), `${value} (${theme})`).toBe(true);
    // Every font embedded: no standard font (an empty text object once brought Helvetica in).
    expect(pdffonts(output).filter((f) => !f.embedded)).toEqual([]);
  });

  it("names every key outside JSON Resume's schema: read under another name, or not printed", async () => {
    const r = await run(["build", input, "-o", path.join(dir, "cli.pdf")], { env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const said = general(r.stderr);
    for (const key of outsideSchema(doc)) {
      // A key inside a key read under another name is named where it is (`experience[].company`).
      // A document wrapped in a list names its keys from the list (`[].basics.age`).
      expect(said, key).toMatch(new RegExp(`[ :,(](\\[\\]\\.)?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ ,;)]`));
    }
  });

  it("under --strict, refuses exactly the keys it does not print, and everything it assumed", async () => {
    const lenient = await run(["validate", input], { env: EPOCH });
    const strict = await run(["validate", input, "--strict"], { env: EPOCH });
    const notPrinted = (lenient.stderr.split("\n").find((l) => l.includes("not printed (neither")) ?? "").replace(
      /^.*?: (?=\S+( \(×\d+\))?[,;])/,
      "",
    );
    const listed = notPrinted
      ? notPrinted
          .split(/; (it is|they are) kept/)[0]!
          .split(", ")
          .map((k) => k.replace(/ \(×\d+\)$/, ""))
      : [];
    const refused = strict.stderr.split("\n").filter((l) => l.includes("--strict refuses keys that are not printed"));
    const refusedKeys = new Set(refused.map((l) => general(l.split("  ")[1]!)));
    // Under --strict a key read under another name (a near-miss section) is itself refused, and
    // the keys inside it are not looked at.
    const refusedOtherwise = strict.stderr
      .split("\n")
      .filter((l) => l.includes("did you mean") || l.includes("the name JSON Resume gives it"))
      .map((l) => general(l.split("  ")[1] ?? ""));
    for (const key of listed)
      if (!refusedOtherwise.some((p) => p && key.startsWith(p))) expect(refusedKeys.has(key), key).toBe(true);
    for (const key of refusedKeys) expect(listed, key).toContain(key);
    // Whatever a build without --strict assumed (its warnings and notes, but the older key names
    // JSON Resume itself had) is a problem under --strict.
    const assumed = lenient.stderr
      .split("\n")
      .filter(
        (l) =>
          /^(warning|note): /.test(l) &&
          !/current names?:/.test(l) &&
          !/read as formatting \(bold, italic, links, line breaks, lists\): [^;]*$/.test(l),
      );
    expect(strict.code).toBe(assumed.length ? 1 : 0);
  });
});

describe("real documents with real mistakes that can still be printed faithfully", () => {
  // Each builds, with the mistake located and what was assumed said; --strict refuses it there.
  const ASSUMED: Record<string, string> = {
    "02-korean-old-keys.json": "237:17 references is the number 0 where a list is expected; it is left out",
    "15-leading-newline-end-before-start.json":
      "58:18 work[0].endDate ends (2025-01-25) before it starts (2025-11-06); both print as written",
    "18-old-keys-curly-quotes.json":
      "45:16 work[2].endDate ends (2011-03-01) before it starts (2012-03-01); both print as written",
    "19-null-enddate.json": "34:18 work[0].endDate is null; read as no end date, so the entry prints as ongoing",
    "21-linkedin-export-null-summary.json": "30:18 work[0].summary is null; read as absent",
    "25-long-career-impossible-date.json":
      '62:18 work[1].endDate "2024-09-31" is not a real day: 2024-09 has 30 days; read as 2024-09 (the month, without the day)',
    "30-minified-21-jobs-odd-types.json":
      '1:2182 work[0].higlights unknown key; did you mean "highlights"? It is read as "highlights". The same key is in 20 more entries (work[1], work[2], work[3], work[4], …)',
    "31-norwegian-long-20-jobs.json":
      '788:18 work[17].endDate "1994-11-31" is not a real day: 1994-11 has 30 days; read as 1994-11 (the month, without the day)',
    "33-mm-yyyy-dates-summary-array.json":
      "32:18 work[0].summary is a list where text is expected; its one item prints as a paragraph",
    "34-every-section-null-enddate.json":
      "36:18 work[0].endDate is null; read as no end date, so the entry prints as ongoing",
  };

  it.each(Object.entries(ASSUMED))(
    "%s builds, saying what it assumed where; --strict refuses it there",
    async (file, said) => {
      const input = path.join(REAL, file);
      const lenient = await run(["validate", input], { env: EPOCH });
      expect(lenient.code, lenient.stderr).toBe(0);
      const lines = lenient.stderr
        .split("\n")
        .map((l) => l.replace(/^(warning|note): /, ""))
        .filter((l) => l.startsWith(`${input}:`));
      expect(lines.map((l) => l.slice(input.length + 1).replace(/ {2}/g, " "))).toContain(said);
      const strict = await run(["validate", input, "--strict"], { env: EPOCH });
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain(`${input}:${said.split(" ")[0]}  ${said.split(" ")[1]}  `);
    },
  );
});

describe("real documents that cannot be printed faithfully: no name, or input that cannot be read", () => {
  // Each fails with exit 1, every problem located, in one report; warnings come along.
  const EXPECTED: Record<string, string[]> = {
    "32-portuguese-no-names-no-dates.json": ["2:3 basics.name is missing; the name heads the résumé"],
    "40-invalid-escape-elided-years.json": [
      "36:229 invalid JSON: “\\U” is not an escape JSON knows (write “\\\\U” for a backslash, or “U” without one)",
    ],
  };

  it("covers every file in refused/", () => {
    expect(readdirSync(path.join(REAL, "refused")).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s fails with its mistakes located", async (file, problems) => {
    const input = path.join(REAL, "refused", file);
    const r = await run(["build", input, "-o", path.join(tempDir(), "x.pdf")], { env: EPOCH });
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith(`${input}:`));
    expect(lines.map((l) => l.slice(input.length + 1).replace(/ {2}/g, " "))).toEqual(problems);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });
});

describe("the share of real files that build", () => {
  const refused = readdirSync(path.join(REAL, "refused")).filter((f) => f.endsWith(".json"));
  const share = files.length / (files.length + refused.length);
  it(`${files.length} of ${files.length + refused.length} build in every theme (${Math.round(share * 100)} %); each refusal is listed with why it cannot be printed faithfully`, () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
