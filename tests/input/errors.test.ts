import { describe, expect, it } from "vitest";
import { ResumeError, type Diagnostic } from "../../src/common/errors.js";
import { parseSource } from "../../src/input/load.js";
import { validate, validateDocument } from "../../src/input/validate.js";

/**
 * Diagnostics for a document under --strict, which refuses everything a build without it would
 * assume (and build, with the same located message as a warning: tests/input/bad-input.test.ts).
 */
function problems(text: string | Uint8Array, file = "resume.yaml"): Diagnostic[] {
  try {
    validate(parseSource(typeof text === "string" ? Buffer.from(text) : text, file), { strict: "--strict" });
  } catch (err) {
    if (err instanceof ResumeError) return err.diagnostics;
    throw err;
  }
  throw new Error("expected the document to be rejected");
}

const one = (text: string | Uint8Array, file?: string) => {
  const list = problems(text, file);
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe("located error messages", () => {
  it("points at an unknown key and suggests the right one", () => {
    const d = one("basics:\n  name: Jane\n  emial: jane@example.com\n");
    expect(d).toMatchObject({ file: "resume.yaml", line: 3, col: 3, path: "basics.emial" });
    expect(d.message).toBe('unknown key; did you mean "email"?');
  });

  it("lists the allowed keys of an extension when nothing is close", () => {
    const d = one("basics: {name: J}\nrender:\n  zzzzzzzz: x\n");
    expect(d).toMatchObject({ line: 3, col: 3, path: "render.zzzzzzzz" });
    expect(d.message).toMatch(/^unknown key; expected one of: accent, font, fontSize/);
  });

  it("reports wrong types with what was found", () => {
    const d = one("basics:\n  name: Jane\nwork:\n  - highlights: [fine, null]\n");
    expect(d).toMatchObject({ line: 4, col: 24, path: "work[0].highlights[1]" });
    expect(d.message).toBe("is null; the item is left out (refused under --strict)");
    expect(one("basics: {name: J}\neducation: nope\n")).toMatchObject({
      line: 2,
      col: 12,
      path: "education",
      message: "is text where a list is expected; it is left out (refused under --strict)",
    });
    expect(one("basics: {name: J}\neducation:\n  - {institution: [A, B]}\n")).toMatchObject({
      line: 3,
      col: 19,
      path: "education[0].institution",
      message: "is a list where text is expected; it is left out (refused under --strict)",
    });
  });

  it("reports malformed and impossible dates", () => {
    expect(one("basics: {name: J}\nwork:\n  - startDate: 2021-13\n")).toMatchObject({
      line: 3,
      col: 16,
      path: "work[0].startDate",
    });
    const d = one("basics: {name: J}\nawards:\n  - date: '2023-02-29'\n");
    expect(d).toMatchObject({ line: 3, col: 11, path: "awards[0].date" });
    expect(d.message).toContain("2023-02 has 28 days");
    expect(one("basics: {name: J}\nwork:\n  - startDate: Summer 2020\n").message).toMatch(
      /it prints as written \(write YYYY, YYYY-MM or YYYY-MM-DD/,
    );
  });

  it("reports an end date before its start at the end date", () => {
    const d = one("basics: {name: J}\nwork:\n  - startDate: 2021-06\n    endDate: 2020-01\n");
    expect(d).toMatchObject({
      line: 4,
      col: 14,
      path: "work[0].endDate",
      message: "ends (2020-01) before it starts (2021-06); both print as written (refused under --strict)",
    });
  });

  it("reports invalid emails and URLs", () => {
    expect(one("basics:\n  name: J\n  email: jane.example.com\n")).toMatchObject({
      line: 3,
      col: 10,
      path: "basics.email",
      message:
        '"jane.example.com" is not a valid email address; it prints as text, not as a link (refused under --strict)',
    });
    const d = one("basics:\n  name: J\n  profiles:\n    - url: my profile\n");
    expect(d).toMatchObject({ line: 4, col: 12, path: "basics.profiles[0].url" });
    expect(d.message).toBe(
      '"my profile" is not a web address; write the whole address, starting with https://; it prints as text, not as a link (refused under --strict)',
    );
    expect(one("basics:\n  name: J\n  url: https://scecom\n").message).toBe(
      '"https://scecom" looks wrong: the host "scecom" has no dot; did you mean sce.com?; it prints as text, not as a link (refused under --strict)',
    );
  });

  it("reports duplicate keys in YAML, naming the key and its first line", () => {
    expect(one("basics:\n  name: A\n  name: B\n")).toMatchObject({
      line: 3,
      col: 3,
      path: "basics.name",
      message: 'duplicate key "name" (first at line 2); each key may appear only once in a mapping',
    });
  });

  it("reports YAML syntax errors and tabs with their place", () => {
    expect(one('basics: {name: "x"\n')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^YAML syntax error/),
    });
    expect(one("basics:\n\tname: x\n")).toMatchObject({ line: 2, col: 1, message: expect.stringContaining("tab") });
  });

  it("reports an empty file and a top level that is not a mapping", () => {
    expect(one("").message).toMatch(/file is empty/);
    expect(one("# only a comment\n").message).toMatch(/file is empty/);
    expect(one("- a\n- b\n")).toMatchObject({ line: 1, col: 1, message: expect.stringContaining("not a list") });
    expect(one("just words\n").message).toContain("not a single value");
  });

  it("reports a missing name and a missing basics", () => {
    expect(one("basics:\n  label: Engineer\n")).toMatchObject({
      line: 1,
      col: 1,
      path: "basics.name",
      message: expect.stringContaining("is missing"),
    });
    expect(one("work: []\n")).toMatchObject({
      line: 1,
      path: "basics",
      message: expect.stringContaining("is missing"),
    });
  });

  it("reports every problem at once, in file order", () => {
    const list = problems("basics:\n  nmae: J\n  email: nope\nwork:\n  - startDate: 2021\n    endDate: 2019\n");
    expect(list.map((d) => `${d.line}:${d.col} ${d.path}`)).toEqual([
      "1:1 basics.name",
      "2:3 basics.nmae",
      "3:10 basics.email",
      "6:14 work[0].endDate",
    ]);
  });

  it("reads a trailing comma and a comment as JSON5 does, with a warning that --strict makes an error", () => {
    const d = one('{\n  "basics": {"name": "J"},\n}\n', "resume.json");
    expect(d).toMatchObject({ file: "resume.json", line: 2, col: 26 });
    expect(d.message).toBe(
      "a trailing comma, which JSON does not allow; it is ignored, as JSON5 and YAML readers ignore it (delete it) (refused under --strict)",
    );
    const c = one('{\n  // me\n  "basics": {"name": "J"}\n}\n', "resume.json");
    expect(c).toMatchObject({
      line: 2,
      col: 3,
      message: expect.stringMatching(/^a comment, which JSON does not allow/),
    });
    // Without --strict, both build.
    const v = validateDocument(parseSource(Buffer.from('{\n  /* me */ "basics": {"name": "J",},\n}\n'), "resume.json"));
    expect(v.resume!.basics.name).toBe("J");
    expect(v.warnings.map((w) => `${w.line}:${w.col} ${w.severity}`)).toEqual([
      "2:3 warning",
      "2:34 warning",
      "2:36 warning",
    ]);
    // JSON that is broken otherwise is refused, located, with what to do.
    expect(one('{\n  "basics": {"name": "J" "label": "x"}\n}\n', "resume.json")).toMatchObject({
      line: 2,
      col: 26,
      message: "invalid JSON: expected ',' or '}' after property value, found “\"” (a comma missing before it?)",
    });
    expect(one('{"basics": {"name": \'J\'}}', "resume.json")).toMatchObject({
      line: 1,
      col: 21,
      message:
        "invalid JSON: unexpected character, found “'” (JSON needs double quotes); read as YAML reads it (refused under --strict)",
    });
  });

  it("locates problems in JSON files too", () => {
    const d = one('{\n  "basics": {\n    "name": "J",\n    "emial": "j@x.io"\n  }\n}\n', "resume.json");
    expect(d).toMatchObject({ line: 4, col: 5, path: "basics.emial" });
  });

  it("reports invalid UTF-8 with its place", () => {
    const bytes = Buffer.concat([Buffer.from("basics:\n  name: Ren"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(one(bytes)).toMatchObject({ line: 2, col: 12, message: expect.stringContaining("not valid UTF-8") });
  });

  it("accepts a byte-order mark and Windows line endings", () => {
    const text = "\uFEFFbasics:\r\n  name: Jane\r\n  emial: x\r\n";
    expect(one(text)).toMatchObject({ line: 3, col: 3 });
    expect(() => validate(parseSource(Buffer.from("\uFEFFbasics:\r\n  name: Jane\r\n"), "r.yaml"))).not.toThrow();
  });

  it("stops alias expansion bombs", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    lines.push("basics: {name: J}");
    const d = one(lines.join("\n"));
    expect(d.message).toMatch(/alias/i);
  });
});

describe("nesting deeper than a résumé has", () => {
  const deep = (n: number) => `basics: {name: Jane}\nwork: ${"[".repeat(n)}${"]".repeat(n)}\n`;
  const refusal = (text: string, file = "r.yaml") => {
    try {
      parseSource(Buffer.from(text), file);
    } catch (err) {
      return (err as ResumeError).diagnostics;
    }
    return [];
  };

  it("is refused at the bracket that goes too deep, the same place however much stack is left", () => {
    // 300 levels: well within the parser's own reach, so only our limit refuses it.
    const at = {
      file: "r.yaml",
      line: 2,
      col: "work: ".length + 257,
      message: "the document is nested too deeply to be a résumé",
    };
    expect(refusal(deep(300))).toMatchObject([at]);
    const nested = (depth: number): Diagnostic[] => (depth ? nested(depth - 1) : refusal(deep(300)));
    expect(nested(2000)).toMatchObject([at]);
    const json = '{"basics": {"name": "Jane"}, "work": ';
    const inJson = refusal(`${json}${"[".repeat(300)}${"]".repeat(300)}}`, "r.json");
    // The document's own `{` is the first level, so the 256th `[` is the one too deep.
    expect(inJson).toMatchObject([{ line: 1, col: json.length + 256 }]);
  });

  it("is not refused at the limit, nor for brackets inside strings", () => {
    expect(refusal(deep(256))).toEqual([]);
    expect(refusal(`basics: {name: "${"[".repeat(400)}"}\n`)).toEqual([]);
  });
});
