/**
 * Text from the input never drives the terminal: a key, a value, a ZIP entry's name or a PDF's
 * text quoted in a message or a report has its control characters (ESC, BEL, C1) and its
 * bidirectional overrides shown as escapes (`\x1b`, `\u202e`), and a line break inside a quoted
 * value cannot start a line of its own. The CLI's own colours still print; data meant for a pipe
 * (--json) keeps the text as it is.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { escapeControls, terminalText } from "../../src/common/terminal.js";
import { fakePdf } from "../check/fake-pdf.js";
import { ROOT, run, tempDir, writeFixture } from "../helpers.js";

const dir = tempDir();
const env = { SOURCE_DATE_EPOCH: "1767225600" };
const LINKEDIN = path.join(ROOT, "tests/fixtures/import/linkedin");
const ESC = "\u001b";
/** What a hostile text does: retitle the window, then clear the screen. */
const ATTACK = `${ESC}]0;pwned\u0007${ESC}[2J`;
const SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J";
// eslint-disable-next-line no-control-regex -- what must never reach the terminal raw
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("escapes", () => {
  it("shows C0, DEL, C1 and bidirectional controls as escapes; keeps line breaks and tabs where asked", () => {
    expect(escapeControls(`a${ATTACK}b\u007f\u0085\u202e\u2066\tc\nd`)).toBe(
      `a${SHOWN}b\\x7f\\x85\\u202e\\u2066\tc\nd`,
    );
    expect(escapeControls("a\nb\r", "")).toBe("a\\nb\\r");
    // The CLI's own colours pass when colour is on; nothing else does.
    expect(terminalText(`${ESC}[31mred${ESC}[0m ${ATTACK}`, true)).toBe(`${ESC}[31mred${ESC}[0m ${SHOWN}`);
    expect(terminalText(`${ESC}[31mred${ESC}[0m`, false)).toBe("\\x1b[31mred\\x1b[0m");
  });
});

describe("messages quote the input with its controls escaped", () => {
  const yaml = [
    "basics:",
    "  name: Jo",
    `"\\e]0;pwned\\a\\e[2Jfake": 1`,
    `"line\\nbreak \\u202Eevil": 2`,
    "work:",
    "  - name: Acme",
    "    position: X",
    `    startDate: "20\\e[2J21"`,
    "",
  ].join("\n");

  it("a warning quoting a key or a value with ESC, BEL, a line break or a bidi override", async () => {
    const file = writeFixture(dir, "esc.yaml", yaml);
    for (const color of [false, true]) {
      const r = await run(["validate", file], { env, color });
      // The date's ESC is a problem of its own (it cannot be printed); the key's, a warning.
      expect(r.code, r.stderr).toBe(1);
      // eslint-disable-next-line no-control-regex -- the CLI's own colours, removed to compare
      const plain = r.stderr.replace(/\u001b\[(?:0|1|2|31|32|33)m/g, "");
      expect(plain).not.toMatch(RAW);
      expect(plain).toContain(`${SHOWN}fake`);
      expect(plain).toContain("line\\nbreak \\u202eevil");
      expect(plain).toContain('"20\\x1b[2J21" is not a date');
      // One line per diagnostic: the quoted line break did not start one.
      const lines = plain.split("\n").filter(Boolean);
      expect(lines.filter((l) => /^(warning: )?\/.*esc\.yaml:\d+:\d+ {2}/.test(l)).length).toBe(lines.length - 1);
    }
    // The colours are the CLI's own.
    expect((await run(["validate", file], { env, color: true })).stderr).toContain(`${ESC}[33mwarning:${ESC}[0m`);
  });

  it("a ZIP entry's name in an import note; --json keeps it as data", async () => {
    const zip = writeFixture(
      dir,
      "export.zip",
      zipSync({
        "Profile.csv": readFileSync(path.join(LINKEDIN, "Profile.csv")),
        [`${ATTACK}evil.csv`]: strToU8("a\n"),
      }),
    );
    const r = await run(["import", zip, "-o", path.join(dir, "from-zip.yaml")], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).not.toMatch(RAW);
    expect(r.stderr).toContain(`not read: ${SHOWN}evil.csv`);
    const json = await run(["import", zip, "-o", path.join(dir, "from-zip-2.yaml"), "--json"], { env });
    const notes = (JSON.parse(json.stdout) as { notes: { message: string }[] }).notes.map((x) => x.message);
    expect(notes.join("\n")).toContain(`${ATTACK}evil.csv`);
  });

  it("a command-line argument quoted back (a file that is not there)", async () => {
    const r = await run(["validate", `${ATTACK}.yaml`], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain(`${SHOWN}.yaml`);
  });
});

describe("resume ats: a PDF's text is shown with its controls escaped", () => {
  it("a PDF whose text holds terminal sequences and a bidi override", async () => {
    const file = writeFixture(
      dir,
      "hostile.pdf",
      await fakePdf([
        [
          { text: `Dana ${ESC}[2JExample`, x: 50, y: 60, size: 20, bold: true },
          { text: "dana@example.com", x: 50, y: 90 },
          { text: "EXPERIENCE", x: 50, y: 130, size: 12, bold: true },
          { text: `Acme ${ESC}[31mRed${ESC}[0m, Engineer, ${ESC}]0;pwned, 2020 - 2021`, x: 50, y: 150 },
        ],
      ]),
    );
    const r = await run(["ats", file], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain("Dana \\x1b[2JExample");
    expect(r.stdout).toContain("Acme \\x1b[31mRed\\x1b[0m, Engineer, \\x1b]0;pwned");
  });
});
