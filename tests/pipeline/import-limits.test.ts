/**
 * `resume import` is bounded and its output always valid: a CSV larger than a résumé could hold
 * is refused at once with the limit named, in memory proportional to what is read; a résumé
 * larger than a résumé file may be is refused before it is written; and every invalid value an
 * export holds is left out, however many there are, so the written file validates under --strict.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ResumeError, type Diagnostic } from "../../src/common/errors.js";
import { parseSource } from "../../src/input/load.js";
import { validateDocument } from "../../src/input/validate.js";
import { importResume, leaveOutInvalid } from "../../src/pipeline/import.js";
import { importRefusal, ROOT, run, tempDir } from "../helpers.js";

const dir = tempDir();
const LINKEDIN = path.join(ROOT, "tests/fixtures/import/linkedin");
let n = 0;

/** A copy of the fixture export with some files replaced. */
function exportWith(files: Record<string, string>): string {
  const folder = path.join(dir, `export-${++n}`);
  cpSync(LINKEDIN, folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

const refusal = (source: string) => importRefusal(source, path.join(dir, `out-${++n}.yaml`));

const skills = (bytes: number) => {
  let s = "Name\n";
  for (let i = 0; s.length < bytes; i++) s += `Skill number ${i} with words\n`;
  return s;
};

describe("resume import: a CSV too large for a résumé", () => {
  it("a 14 MB CSV is refused at once, naming the limit on a file the import reads (a folder and a ZIP)", async () => {
    const folder = exportWith({ "Skills.csv": skills(14e6) });
    const said = await refusal(folder);
    expect(said).toMatch(/Skills\.csv {2}is 14000\d+ bytes; the limit is 4194304 bytes \(4 MiB\)/);
    expect(said).not.toMatch(/imported\.json|1 MiB\)/);
    const zip = path.join(dir, "big.zip");
    writeFileSync(
      zip,
      zipSync({ "Profile.csv": readFileSync(path.join(LINKEDIN, "Profile.csv")), "Skills.csv": strToU8(skills(14e6)) }),
    );
    expect(await refusal(zip)).toMatch(
      /big\.zip {2}Skills\.csv would unpack to 13\.4 MiB; the limit for one file is 4 MiB/,
    );
  });

  it("the command refuses it within a 200 MB heap, in one plain message", () => {
    const folder = exportWith({ "Skills.csv": skills(14e6) });
    const bundle = path.join(ROOT, "dist/resume.mjs");
    if (!existsSync(bundle)) throw new Error("run npm run build first");
    const r = spawnSync(
      process.execPath,
      ["--max-old-space-size=200", bundle, "import", folder, "-o", path.join(dir, "cli-big.yaml")],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /Skills\.csv {2}is \d+ bytes; the limit is 4194304 bytes \(4 MiB\)\n\n1 problem found; nothing was written\.\n$/,
    );
  });

  it("more rows than the limit, in a file within the size limit, are refused with the limit named", async () => {
    const rows = "Name\n" + Array.from({ length: 10_001 }, (_, i) => `S${i}\n`).join("");
    expect(await refusal(exportWith({ "Skills.csv": rows }))).toMatch(
      /Skills\.csv {2}has more than 10000 rows; a file the import reads has at most 10000/,
    );
  });

  it("a résumé larger than a résumé file may be is refused before it is written, with the limit named", async () => {
    const text = "word ".repeat(80);
    const recs =
      "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n" +
      Array.from({ length: 9_000 }, (_, i) => `Ana${i},Silva,Co,Eng,"${text}${i}",2020,VISIBLE\n`).join("");
    expect(await refusal(exportWith({ "Recommendations_Received.csv": recs }))).toMatch(
      /holds a résumé of 3\.\d MiB \(as JSON\); a résumé file is at most 1 MiB, so it could not be built/,
    );
  });

  it("files the import does not read are not opened, however large", async () => {
    const folder = exportWith({ "messages.csv": "x".repeat(6 * 1024 * 1024) });
    const out = path.join(dir, "msgs.yaml");
    await importResume(folder, { output: out });
    expect(existsSync(out)).toBe(true);
  });
});

describe("resume import: every invalid value is left out, however many", () => {
  const CERTS = "Name,Url,Authority,Started On,Finished On,License Number\n";

  it("eight certificates with addresses that are not URLs: all left out, and the file validates under --strict", async () => {
    const folder = exportWith({
      "Certifications.csv":
        CERTS + Array.from({ length: 8 }, (_, i) => `Cert ${i},not a url ${i},Org,Jan 2022,,\n`).join(""),
    });
    const out = path.join(dir, "certs.yaml");
    const r = await importResume(folder, { output: out });
    expect(r.notes.filter((x) => x.message.startsWith("left out:")).map((x) => x.path)).toEqual(
      Array.from({ length: 8 }, (_, i) => `certificates[${i}].url`),
    );
    const v = await run(["validate", out, "--strict"]);
    expect(v.code, v.stderr).toBe(0);
  });

  // Values an export may hold where an address, an e-mail or a name belongs.
  const junk = fc.oneof(
    fc.constant("not a url"),
    fc.constant("javascript:alert(1)"),
    fc.constant("http://"),
    fc.webUrl(),
    fc.emailAddress(),
    fc.string({ maxLength: 12 }),
    fc.constant("   "),
    fc.constant("a@"),
    fc.constant("https://exa mple.com"),
  );

  it("any set of invalid values in an export: the written file validates under --strict (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(junk, junk), { maxLength: 12 }), junk, junk, async (certs, email, site) => {
        const csv = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const folder = exportWith({
          "Certifications.csv":
            CERTS + certs.map(([name, url], i) => `${csv(name)} ${i},${csv(url)},Org,Jan 2022,,\n`).join(""),
          "Projects.csv":
            "Title,Description,Url,Started On,Finished On\n" +
            certs.map(([url], i) => `P${i},D,${csv(url)},,\n`).join(""),
          "Email Addresses.csv": `Email Address,Confirmed,Primary,Updated On\n${csv(email)},Yes,Yes,\n`,
          "Profile.csv": `First Name,Last Name,Headline,Websites\nDana,Example,Eng,${csv(`[PORTFOLIO:${site}]`)}\n`,
        });
        const out = path.join(dir, `prop-${++n}.yaml`);
        await importResume(folder, { output: out });
        const v = await run(["validate", out, "--strict"]);
        expect(v.code, v.stderr).toBe(0);
      }),
      { numRuns: 25, seed: 20260101 },
    );
  }, 600_000);

  it("any values anywhere in a document: what is left validates under --strict, or the import is refused plainly (property)", () => {
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.webUrl(),
      fc.constant("not a url"),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    );
    const entry = fc.dictionary(
      fc.constantFrom(
        "name",
        "url",
        "date",
        "issuer",
        "startDate",
        "endDate",
        "highlights",
        "position",
        "email",
        "keywords",
        "summary",
      ),
      value,
      { maxKeys: 5 },
    );
    const sections = fc.dictionary(
      fc.constantFrom(
        "work",
        "certificates",
        "projects",
        "publications",
        "skills",
        "education",
        "awards",
        "volunteer",
        "languages",
        "interests",
        "references",
      ),
      fc.array(entry, { maxLength: 6 }),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(
        sections,
        fc.dictionary(fc.constantFrom("url", "email", "phone", "label", "image"), value, { maxKeys: 3 }),
        (secs, basics) => {
          const doc: Record<string, unknown> = { basics: { name: "Dana", ...basics }, ...secs };
          const notes: Diagnostic[] = [];
          try {
            leaveOutInvalid(doc, "x.zip", notes);
          } catch (err) {
            expect(err).toBeInstanceOf(ResumeError);
            return;
          }
          const v = validateDocument(parseSource(Buffer.from(JSON.stringify(doc)), "left.json"), {
            strict: "--strict",
          });
          expect(v.problems).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
