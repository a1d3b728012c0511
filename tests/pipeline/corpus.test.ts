/**
 * Real JSON Resume documents from public repositories (tests/fixtures/real/, sources and
 * licences in SOURCES.md), taken as they were published: older key names, keys of other tools,
 * empty strings, "Present", ISO date-times, many languages and scripts, emoji.
 *   - Each builds in every theme, read-back check included.
 *   - What it prints — names, employers, roles, schools, bullets — is in the PDF, as poppler reads it.
 *   - Every key outside the JSON Resume schema is either read under its current name (a note) or
 *     named in the warning of keys not printed, checked against JSON Resume's own schema.
 *   - The few with real mistakes (a null, an end before its start, a day that does not exist)
 *     fail with every mistake located, at once (tests/fixtures/real/refused/).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { RENAMED_KEYS } from "../../src/input/coerce.js";
import { plainText } from "../../src/model/markup.js";
import { THEMES } from "../../src/input/schema.js";
import { CONFORMANCE, pdftotext, ROOT, run, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const REAL = path.join(ROOT, "tests/fixtures/real");
const files = readdirSync(REAL).filter((f) => f.endsWith(".json")).sort();

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);

/** The values a reader must find, straight from the file (old key names included). */
function printedValues(doc: Json): string[] {
  const out: (string | undefined)[] = [str(obj(doc.basics).name)];
  for (const w of list(doc.work).map(obj)) out.push(str(w.name) ?? str(w.company), str(w.position), ...list(w.highlights).map(str));
  for (const v of list(doc.volunteer).map(obj)) out.push(str(v.organization), str(v.position), ...list(v.highlights).map(str));
  for (const e of list(doc.education).map(obj)) out.push(str(e.institution), typeof e.location === "string" ? str(e.location) : undefined, ...list(e.highlights).map(str));
  for (const p of list(doc.projects).map(obj)) out.push(str(p.name), ...list(p.highlights).map(str));
  for (const a of list(doc.awards).map(obj)) out.push(str(a.title));
  for (const c of list(doc.certificates).map(obj)) out.push(str(c.name));
  for (const p of list(doc.publications).map(obj)) out.push(str(p.name));
  for (const s of list(doc.skills).map(obj)) out.push(str(s.name));
  for (const l of list(doc.languages).map(obj)) out.push(str(l.language) ?? str(l.name));
  return out.filter((v): v is string => v !== undefined).map(plainText);
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

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
const SCHEMA = JSON.parse(readFileSync(path.join(CONFORMANCE, "schema.json"), "utf8")) as SchemaNode;

/** Keys outside JSON Resume's schema that this tool prints (its documented extensions). */
const EXTENSIONS = new Set(["education[].location", "education[].summary", "education[].highlights"]);

/** Keys outside JSON Resume's schema, as `work[].technologies`, split into renamed and others. */
function outsideSchema(doc: unknown): { renamed: string[]; other: string[] } {
  const renamed = new Set<string>();
  const other = new Set<string>();
  const walk = (v: unknown, s: SchemaNode | undefined, at: string, context: string) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, s?.items, `${at}[]`, context));
    if (v === null || typeof v !== "object" || !s?.properties) return;
    for (const [k, x] of Object.entries(v as Json)) {
      if (typeof x === "string" && !x.trim()) continue; // empty: absent
      const here = at ? `${at}.${k}` : k;
      if (k in s.properties) walk(x, s.properties[k], here, k);
      else if (context === "meta") continue;
      else {
        const to = RENAMED_KEYS[context]?.[k] ?? RENAMED_KEYS["*"]![k];
        if (to && s.properties[to] && !(to in (v as Json))) renamed.add(`${here} → ${to}`);
        else if (!EXTENSIONS.has(here)) other.add(here);
      }
    }
  };
  walk(doc, SCHEMA, "", "");
  return { renamed: [...renamed], other: [...other] };
}

describe.each(files)("%s", (file) => {
  const input = path.join(REAL, file);
  const doc = JSON.parse(readFileSync(input, "utf8")) as Json;
  const dir = tempDir();

  it.each(THEMES)("builds in the %s theme, and every printed value is in the PDF", async (theme) => {
    const output = path.join(dir, `${theme}.pdf`);
    const result = await build(input, { output, env: EPOCH, render: { theme } });
    expect(result.pages).toBeGreaterThan(0);
    const text = fold(pdftotext(output));
    for (const value of printedValues(doc)) expect(text, `${value} (${theme})`).toContain(fold(value));
  });

  it("names every key it does not print, and every key it read under a new name", async () => {
    const r = await run(["build", input, "-o", path.join(dir, "cli.pdf")], { env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const { renamed, other } = outsideSchema(doc);
    const warning = r.stderr.split("\n").find((l) => l.includes("not printed")) ?? "";
    const note = r.stderr.split("\n").find((l) => l.startsWith("note:") && l.includes("current name")) ?? "";
    for (const key of other) expect(warning, key).toMatch(new RegExp(`[:,] ${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(×\\d+\\))?[,;]`));
    for (const rename of renamed) expect(note, rename).toContain(rename);
    if (!other.length) expect(warning).toBe("");
    if (!renamed.length) expect(note).toBe("");
  });

  it("refuses, under --strict, exactly the keys it does not print", async () => {
    const r = await run(["validate", input, "--strict"], { env: EPOCH });
    const { other } = outsideSchema(doc);
    expect(r.code).toBe(other.length ? 1 : 0);
    const refused = r.stderr.split("\n").filter((l) => l.includes("--strict refuses keys that are not printed"));
    expect(new Set(refused.map((l) => l.split("  ")[1]!.replace(/\[\d+\]/g, "[]")))).toEqual(new Set(other));
  });
});

describe("real documents with real mistakes, or a script no font here draws", () => {
  // Each fails with exit 1, every problem located, in one report; warnings come along.
  const EXPECTED: Record<string, string[]> = {
    "29-thai.json": [
      '4:13 basics.name Thai text ("จ" U+0E08, "า" U+0E32, "ร" U+0E23, "ุ" U+0E38, "ว" U+0E27, … (57 in all)) in 42 fields, the first here, cannot be printed: none of the fonts (Source Serif 4, Noto Sans Symbols 2) has them and they would print as empty boxes; replace them with characters the fonts have (Latin, Greek, Cyrillic, Chinese, Japanese, Korean, emoji and common symbols)',
    ],
    "30-minified-21-jobs-odd-types.json": [
      "1:470 basics.location.countryCode is null; leave the key out instead (a value that is not there is simply not printed)",
      ...[1345, 1438, 1536, 1593, 1645, 1749, 1802].map((col, i) => `1:${col} interests[${i}].name expected text, got a mapping`),
      '1:2182 work[0].higlights unknown key; did you mean "highlights"? The same key is in 20 more entries (work[1], work[2], work[3], work[4], …)',
    ],
    "31-norwegian-long-20-jobs.json": ['788:18 work[17].endDate "1994-11-31" is not a real day: 1994-11 has 30 days'],
    "32-portuguese-no-names-no-dates.json": ["2:3 basics.name is missing; the name heads the résumé"],
    "33-mm-yyyy-dates-summary-array.json": ["32:18 work[0].summary expected text, got a list"],
    "34-every-section-null-enddate.json": ['36:18 work[0].endDate is null; leave endDate out instead: a missing endDate means "Present"'],
    "02-korean-old-keys.json": ["237:17 references expected a list, got the number 0"],
    "15-leading-newline-end-before-start.json": ["58:18 work[0].endDate ends (2025-01-25) before it starts (2025-11-06)"],
    "18-old-keys-curly-quotes.json": ["45:16 work[2].endDate ends (2011-03-01) before it starts (2012-03-01)"],
    "19-null-enddate.json": ['34:18 work[0].endDate is null; leave endDate out instead: a missing endDate means "Present"'],
    "21-linkedin-export-null-summary.json": ["30:18 work[0].summary is null; leave the key out instead (a value that is not there is simply not printed)"],
    "25-long-career-impossible-date.json": ['62:18 work[1].endDate "2024-09-31" is not a real day: 2024-09 has 30 days'],
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
