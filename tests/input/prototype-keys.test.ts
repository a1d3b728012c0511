/**
 * Keys that name what every JavaScript object has (constructor, toString, __proto__, …) are
 * keys like any other: wherever the input puts one (at the top, in an entry, as a section, a
 * locale, a theme, a render option, a variant, a network), `resume validate`, `resume build` and
 * `resume import` read the file or refuse it plainly; none finds a built-in in a lookup table.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1767225600" };
const KEYS = [
  "constructor",
  "toString",
  "valueOf",
  "__proto__",
  "hasOwnProperty",
  "isPrototypeOf",
  "toLocaleString",
  "__defineGetter__",
];

/** JSON Resume documents with `k` in each place a key or a name comes from the file. */
function resumes(k: string): Record<string, unknown> {
  const base = {
    basics: { name: "Dana Example", email: "dana@example.com" },
    work: [{ name: "Acme", position: "Engineer", startDate: "2020-01" }],
  };
  const b = base.basics;
  return {
    top: { ...base, [k]: "x" },
    "top object": { ...base, [k]: { a: 1 } },
    basics: { ...base, basics: { ...b, [k]: "x" } },
    entry: { ...base, work: [{ name: "Acme", position: "Engineer", [k]: "x" }] },
    location: { ...base, basics: { ...b, location: { city: "Lisbon", [k]: "x" } } },
    "section name": { ...base, [k]: [{ name: "A" }] },
    "profile network": { ...base, basics: { ...b, profiles: [{ network: k, url: "https://example.com/dana" }] } },
    "custom section id": { ...base, customSections: [{ id: k, title: "T", highlights: ["h"] }] },
    "custom section title": { ...base, customSections: [{ title: k, highlights: ["h"] }] },
    "render option": { ...base, render: { [k]: "x" } },
    theme: { ...base, render: { theme: k } },
    locale: { ...base, render: { locale: k } },
    paper: { ...base, render: { paper: k } },
    font: { ...base, render: { font: k } },
    order: { ...base, render: { order: [k, "work"] } },
    hide: { ...base, render: { hide: [k] } },
    titles: { ...base, render: { titles: { [k]: "x" } } },
    variant: { ...base, variants: { [k]: { order: ["work"] } } },
    "variant option": { ...base, variants: { short: { [k]: 1 } } },
    tags: { ...base, work: [{ name: "Acme", position: "Engineer", tags: [k] }], render: { include: [k] } },
    meta: { ...base, meta: { [k]: "x" } },
    language: { ...base, languages: [{ language: k, fluency: k }] },
    skill: { ...base, skills: [{ name: k, keywords: [k] }] },
  };
}

/** A RenderCV file with `k` in each place a key or a name comes from it. */
function renderCvs(k: string): Record<string, string> {
  const cv = (extra: string, sections = "    experience:\n      - company: Acme\n        position: Dev\n") =>
    `cv:\n  name: Dana\n${extra}  sections:\n${sections}`;
  const q = JSON.stringify(k);
  return {
    "cv key": cv(`  ${q}: x\n`),
    "section key": cv("", `    ${q}:\n      - company: Acme\n        position: Dev\n`),
    "entry key": cv("", `    experience:\n      - company: Acme\n        position: Dev\n        ${q}: x\n`),
    network: cv(`  social_networks:\n    - network: ${q}\n      username: dana\n`),
    theme: `${cv("")}design:\n  theme: ${q}\n`,
    "design key": `${cv("")}design:\n  ${q}: x\n`,
    language: `${cv("")}locale:\n  language: ${q}\n`,
    "locale key": `${cv("")}locale:\n  ${q}: x\n`,
  };
}

const plain = (r: { code: number; stdout: string; stderr: string }) => {
  expect([0, 1], r.stderr).toContain(r.code);
  expect(r.stderr + r.stdout).not.toMatch(
    /internal error|is not a function|Cannot read prop|\bat .*:\d+:\d+|\[object Object\]|function \w*\(/,
  );
};

describe.each(KEYS)("the key %s", (k) => {
  let n = 0;
  it("in a JSON Resume document, wherever it is: validate, build (PDF and text) and import read it or refuse it plainly", async () => {
    for (const [where, doc] of Object.entries(resumes(k))) {
      // JSON.stringify writes __proto__ as a key of its own (it is one, in the object literal above only when
      // computed).
      const file = writeFixture(dir, `${k}-${++n}.json`, JSON.stringify(doc));
      const label = `${k} ${where}`;
      for (const args of [
        ["validate", file],
        ["validate", file, "--strict"],
        ["build", file, "-o", path.join(dir, `${k}-${n}.pdf`)],
        ["build", file, "-f", "txt", "-o", path.join(dir, `${k}-${n}.txt`)],
        ["build", file, "--variant", k, "-o", path.join(dir, `${k}-${n}-v.pdf`)],
      ]) {
        const r = await run(args, { env });
        expect.soft(() => plain(r), `${label}: resume ${args.join(" ")}`).not.toThrow();
      }
      const out = path.join(dir, `${k}-${n}-imported.yaml`);
      const imported = await run(["import", file, "-o", out], { env });
      expect.soft(() => plain(imported), `${label}: resume import`).not.toThrow();
      if (imported.code === 0) {
        const again = await run(["validate", out], { env });
        expect
          .soft(again.code, `${label}: the imported file validates\n${again.stderr}\n${readFileSync(out, "utf8")}`)
          .toBe(0);
      }
    }
  }, 300_000);

  it("in a RenderCV file, wherever it is: import reads it or refuses it plainly, and what it writes validates", async () => {
    for (const [where, text] of Object.entries(renderCvs(k))) {
      const file = writeFixture(dir, `${k}-cv-${++n}.yaml`, text);
      const out = path.join(dir, `${k}-cv-${n}-imported.yaml`);
      const r = await run(["import", file, "-o", out], { env });
      expect.soft(() => plain(r), `${k} ${where}: resume import\n${r.stderr}`).not.toThrow();
      if (r.code === 0) {
        const again = await run(["validate", out, "--strict"], { env });
        expect
          .soft(again.code, `${k} ${where}: the imported file validates\n${again.stderr}\n${readFileSync(out, "utf8")}`)
          .toBe(0);
      }
    }
  }, 300_000);
});
