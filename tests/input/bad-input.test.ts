/**
 * A corpus of bad input (tests/fixtures/bad/): every file fails with exit 1 and a located,
 * plain-English message, never a stack trace, and leaves an earlier PDF and its folder untouched.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { listDir, ROOT, run, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const BAD = path.join(ROOT, "tests/fixtures/bad");

/**
 * file → [line:col or "" when the problem has no place, the field's path or "", words of the message]
 *
 * Four fixtures were replaced when real JSON Resume files taught us to accept what they held:
 * 29 (a phone written as a number is now its text; now a boolean), 35 (an address without a
 * scheme is now linked with https://; now words that are no address), 36 (ftp:// is a URI like
 * any other; now a javascript: link) and 43 (emoji now print, then Devanagari, which now prints
 * too; now Tibetan, which no font has).
 */
/** Refused in every build: what cannot be printed faithfully, or this tool's own settings gone wrong. */
const REFUSED: Record<string, [string, string, string]> = {
  "01-syntax-unclosed-flow.yaml": [
    "2:1",
    "",
    "YAML syntax error: flow map in block collection must be sufficiently indented and end with a }",
  ],
  "02-syntax-bad-indent.yaml": ["2:9", "", "YAML syntax error: nested mappings are not allowed in compact mappings"],
  "03-tab-indent.yaml": ["2:1", "", "tab used for indentation; YAML needs spaces"],
  "04-duplicate-key.yaml": [
    "4:3",
    "basics.name",
    'duplicate key "name" (first at line 2); each key may appear only once in a mapping',
  ],
  "05-empty.yaml": ["", "", "file is empty; a résumé needs at least basics.name"],
  "06-comments-only.yaml": ["", "", "file is empty"],
  "07-top-level-list.yaml": ["1:1", "", "the top level must be a mapping of sections (basics:, work:, …), not a list"],
  "08-top-level-scalar.yaml": ["1:1", "", "not a single value"],
  "09-invalid-utf8.yaml": ["2:12", "", "the file is not valid UTF-8 (byte 0xe9 at offset 19); save it as UTF-8"],
  "25-typo-render.yaml": ["3:3", "render.theem", 'did you mean "theme"?'],
  "26-typo-custom-sections.yaml": ["3:5", "customSections[0].title", "is required"],
  "27-wrong-type-text.yaml": ["2:9", "basics.name", "expected the person's name as text, got a list"],
  "37-missing-name.yaml": ["1:1", "basics.name", "is missing; the name heads the résumé"],
  "38-missing-basics.yaml": ["1:1", "basics", "is missing; every résumé needs basics with at least a name"],
  "39-alias-bomb.yaml": ["2:8", "", "aliases (*name) would expand into more than 100 copies"],
  "40-deep-nesting.yaml": ["2:", "", "the document is nested too deeply to be a résumé"],
  "43-unprintable-script.yaml": ["3:10", "basics.label", 'Tibetan text ("བ" U+0F56'],
  "44-unknown-order.yaml": ["3:11", "render.order[0]", 'no section "skils"; did you mean "skills"?'],
  "45-empty-custom-section.yaml": ["3:5", "customSections[0]", "a custom section needs a summary, highlights, or both"],
  "46-bad-accent.yaml": ["3:11", "render.accent", "expected a colour like #1f3a5f"],
};

/**
 * Built, with a located warning or note that says what was assumed; refused under --strict, at
 * the same place. The rule: refuse only what cannot be printed faithfully.
 */
const ASSUMED: Record<string, [string, string, string]> = {
  "10-typo-basics.yaml": ["3:3", "basics.emial", 'did you mean "email"?'],
  "11-typo-location.yaml": ["4:5", "basics.location.citty", 'did you mean "city"?'],
  "12-typo-profiles.yaml": ["4:7", "basics.profiles[0].netwrok", 'did you mean "network"?'],
  "13-typo-work.yaml": ["4:5", "work[0].postion", 'did you mean "position"?'],
  "14-typo-volunteer.yaml": ["3:5", "volunteer[0].organisation", 'did you mean "organization"?'],
  "15-typo-education.yaml": ["4:5", "education[0].studytype", 'did you mean "studyType"?'],
  "16-typo-awards.yaml": ["4:5", "awards[0].awardr", 'did you mean "awarder"?'],
  "17-typo-certificates.yaml": ["4:5", "certificates[0].isuer", 'did you mean "issuer"?'],
  "18-typo-publications.yaml": ["4:5", "publications[0].publsher", 'did you mean "publisher"?'],
  "19-typo-skills.yaml": ["4:5", "skills[0].keyword", 'did you mean "keywords"?'],
  "20-typo-languages.yaml": ["4:5", "languages[0].fluncy", 'did you mean "fluency"?'],
  "21-typo-interests.yaml": ["5:5", "interests[0].keyowrds", 'did you mean "keywords"?'],
  "22-typo-references.yaml": ["4:5", "references[0].refrence", 'did you mean "reference"?'],
  "23-typo-projects.yaml": ["4:5", "projects[0].hightlights", 'did you mean "highlights"?'],
  "24-typo-top-level.yaml": ["2:1", "wrok", 'did you mean "work"?'],
  "28-wrong-type-list.yaml": ["3:3", "work", "is a single entry where a list is expected"],
  "29-wrong-type-boolean.yaml": ["3:10", "basics.phone", "is the value true where text is expected; it is left out"],
  "30-impossible-date.yaml": [
    "4:16",
    "work[0].startDate",
    '"2023-02-30" is not a real day: 2023-02 has 28 days; read as 2023-02',
  ],
  "31-month-13.yaml": ["4:14", "education[0].endDate", '"2019-13" has no month 13'],
  "32-date-words.yaml": ["4:16", "", 'read dates written in words (1): projects[0].startDate "March 2020" → 2020-03'],
  "33-end-before-start.yaml": [
    "5:14",
    "work[0].endDate",
    "ends (2020-01) before it starts (2021-06); both print as written",
  ],
  "34-bad-email.yaml": [
    "3:10",
    "basics.email",
    '"jane(at)example.com" is not a valid email address; it prints as text, not as a link',
  ],
  "35-url-not-an-address.yaml": [
    "3:8",
    "basics.url",
    '"my personal site" is not a web address; write the whole address, starting with https://',
  ],
  "36-url-bad-scheme.yaml": ["4:10", "work[0].url", "javascript: links are not allowed in a résumé"],
  "41-trailing-comma.json": ["3:23", "", "a trailing comma, which JSON does not allow"],
  "42-json-comment.json": ["2:3", "", "a comment, which JSON does not allow"],
  "47-wrapped-in-a-list.yaml": ["2:3", "[0]", "the résumé is wrapped in a list; its one item is read as the résumé"],
};

let earlier: Buffer;
beforeAll(async () => {
  const dir = tempDir();
  const out = path.join(dir, "earlier.pdf");
  await build(path.join(ROOT, "tests/fixtures/bom-crlf.yaml"), { output: out, env: EPOCH });
  earlier = readFileSync(out);
});

describe("the corpus", () => {
  it("covers every fixture, and at least 30", () => {
    const files = readdirSync(BAD).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual([...Object.keys(REFUSED), ...Object.keys(ASSUMED)].sort());
  });
});

/** A refused build: exit 1, the first problem at `place`, and the earlier PDF untouched. */
async function refused(file: string, [place, field, words]: [string, string, string], flags: string[] = []) {
  const dir = tempDir();
  copyFileSync(path.join(BAD, file), path.join(dir, file));
  writeFileSync(path.join(dir, "resume.pdf"), earlier);
  const r = await run(["build", file, "-o", "resume.pdf", ...flags], { cwd: dir, env: EPOCH });
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  const first = r.stderr.split("\n")[0]!;
  expect(first.startsWith(place ? `${file}:${place}` : `${file}  `), first).toBe(true);
  if (field) expect(r.stderr).toContain(`  ${field}  `);
  expect(r.stderr).toContain(words);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(r.stderr).toMatch(/problems? found; nothing was written\.\n$/);
  expect(readFileSync(path.join(dir, "resume.pdf")).equals(earlier)).toBe(true);
  expect(listDir(dir)).toEqual([file, "resume.pdf"].sort());
  return r.stderr;
}

describe.each(Object.entries(REFUSED))("%s", (file, expected) => {
  it("fails with a located message, exit 1, and touches nothing", async () => {
    await refused(file, expected);
  });
});

describe.each(Object.entries(ASSUMED))("%s", (file, [place, field, words]) => {
  it("builds, with a located warning or note saying what was assumed", async () => {
    const dir = tempDir();
    copyFileSync(path.join(BAD, file), path.join(dir, file));
    const r = await run(["build", file, "-o", "resume.pdf"], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const line = r.stderr.split("\n").find((l) => l.includes(words));
    expect(line, r.stderr).toBeDefined();
    expect(line!).toMatch(
      new RegExp(
        `^(warning|note): ${file.replace(/\./g, "\\.")}:${place}  ${field ? `${field.replace(/[.[\]]/g, "\\$&")}  ` : ""}`,
      ),
    );
    expect(readFileSync(path.join(dir, "resume.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });
  it("is refused under --strict, at the same place", async () => {
    const stderr = await refused(file, [place, field, words], ["--strict"]);
    expect(stderr).not.toMatch(/^(warning|note): /m);
  });
});

describe("input that must work", () => {
  it("accepts a byte-order mark and Windows line endings", async () => {
    const dir = tempDir();
    const r = await run(["build", path.join(ROOT, "tests/fixtures/bom-crlf.yaml"), "-o", "ok.pdf"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("limits", () => {
  it("refuses a file over 1 MiB before parsing it", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "big.yaml"), `basics: {name: Big}\n# ${"x".repeat(1024 * 1024)}\n`);
    const r = await run(["build", "big.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^big\.yaml {2}file is 1048\d+ bytes; the limit for a résumé is 1048576 bytes \(1 MiB\)/);
  });

  it("rejects an alias bomb", async () => {
    const r = await run(["validate", path.join(BAD, "39-alias-bomb.yaml")]);
    expect(r.code).toBe(1);
  });
});

describe("the built command on bad input", () => {
  it("prints no stack trace for any fixture", async () => {
    const { spawnSync } = await import("node:child_process");
    for (const file of [
      "09-invalid-utf8.yaml",
      "39-alias-bomb.yaml",
      "40-deep-nesting.yaml",
      "01-syntax-unclosed-flow.yaml",
    ]) {
      const r = spawnSync(process.execPath, [path.join(ROOT, "dist/cli/bin.js"), "validate", path.join(BAD, file)], {
        encoding: "utf8",
      });
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
