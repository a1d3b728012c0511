/**
 * The leniency rule, one small case per rule (README, "Rules worth knowing"): what can be printed
 * faithfully builds, with a located note or warning that says what was assumed; --strict refuses
 * it at the same place; and what is printed is what the person meant.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/common/errors.js";
import { readDateField } from "../../src/input/dates.js";
import { fromHtml } from "../../src/input/html.js";
import { validateDocument } from "../../src/input/validate.js";
import { normalize } from "../../src/model/normalize.js";
import { typeset } from "../../src/model/typeset.js";
import type { Entry } from "../../src/model/view-model.js";
import { source } from "../helpers.js";

const lenient = (text: string, file = "resume.yaml") => validateDocument(source(text, file));
const strict = (text: string, file = "resume.yaml") => validateDocument(source(text, file), { strict: "--strict" });
const show = (list: Diagnostic[]) => list.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`);
const vmOf = (text: string) => normalize(lenient(text).resume!, { badges: new Map() });
const entries = (text: string, id: string) =>
  (vmOf(text).sections.find((s) => s.id === id) as { entries: Entry[] }).entries;

describe("dates as people write them", () => {
  it("reads month names in the supported languages, ranges in one field and approximate dates", () => {
    expect(readDateField("Mar. 2024")).toEqual({ kind: "date", date: { iso: "2024-03", assumed: "read as 2024-03" } });
    expect(readDateField("März 2019")).toMatchObject({ kind: "date", date: { iso: "2019-03" } });
    expect(readDateField("Ene. 2025")).toMatchObject({ kind: "date", date: { iso: "2025-01" } });
    expect(readDateField("junho de 2020")).toMatchObject({ kind: "date", date: { iso: "2020-06" } });
    expect(readDateField("15 March 2024")).toMatchObject({ kind: "date", date: { iso: "2024-03-15" } });
    expect(readDateField("2016 ~ 2020")).toEqual({ kind: "range", start: { iso: "2016" }, end: { iso: "2020" } });
    expect(readDateField("2019-2021")).toEqual({ kind: "range", start: { iso: "2019" }, end: { iso: "2021" } });
    expect(readDateField("Mar. 2024 - Presente", true)).toMatchObject({
      kind: "range",
      start: { iso: "2024-03" },
      end: {},
    });
    expect(readDateField("ca. 2015")).toMatchObject({ kind: "date", date: { iso: "2015" } });
    expect(readDateField("2024-09-31")).toMatchObject({ kind: "date", date: { iso: "2024-09" } });
    expect(readDateField("Summer 2019")).toMatchObject({ kind: "text" });
    expect(readDateField("Present", true)).toEqual({ kind: "date", date: {} });
  });

  it("a range fills start and end where the entry has both; one date asked for reads its end", () => {
    const v = lenient(
      "basics: {name: A}\nwork:\n  - name: X\n    startDate: 2016 ~ 2020\nawards:\n  - title: Y\n    date: 2019 - 2021\n",
    );
    expect(v.resume!.work![0]).toMatchObject({ startDate: "2016", endDate: "2020" });
    expect(v.resume!.awards![0]!.date).toBe("2021");
    expect(show(v.warnings)).toEqual([
      '4:16 work[0].startDate "2016 ~ 2020" is a range; read as start 2016 and end 2020',
      '7:11 awards[0].date "2019 - 2021" is a range where one date is expected; read as its end, 2021',
    ]);
    expect(strict("basics: {name: A}\nwork:\n  - startDate: 2016 ~ 2020\n").problems).toHaveLength(1);
  });

  it("prints a date it cannot read as written, and an end before its start as written", () => {
    const e = entries(
      "basics: {name: A}\nwork:\n  - name: X\n    startDate: Summer 2019\n  - name: Y\n    startDate: 2021-06\n    endDate: 2020-01\n",
      "work",
    );
    expect(e[0]!.date).toBe("Summer 2019\u00A0\u2013 Present");
    expect(e[1]!.date).toBe("Jun\u00A02021\u00A0– Jan\u00A02020");
  });
});

describe("values that are not there, and values of another shape", () => {
  it('prints nothing for placeholders, never "Score: -"', () => {
    const v = lenient('basics: {name: A, phone: "N/A"}\neducation:\n  - institution: U\n    score: "-"\n');
    expect(v.resume!.basics.phone).toBeUndefined();
    expect(v.resume!.education![0]!.score).toBeUndefined();
    expect(show(v.warnings)).toEqual([
      '1:26 basics.phone "N/A" is a placeholder; nothing is printed for it',
      '4:12 education[0].score "-" is a placeholder; nothing is printed for it',
    ]);
  });

  it("prints a list for a paragraph as paragraphs, and leaves out a list with no natural rendering", () => {
    const v = lenient("basics: {name: A, summary: [One., Two.]}\nskills:\n  - name: Go\n    level: ['100', '90']\n");
    expect(v.resume!.basics.summary).toBe("One.\n\nTwo.");
    expect(v.resume!.skills![0]).toEqual({ name: "Go" });
    expect(v.warnings.map((w) => w.severity)).toEqual(["note", "warning"]);
  });

  it("reads text for a list as its items, and an entry's name from a mapping or from text", () => {
    const v = lenient(
      "basics: {name: A}\nskills:\n  - name: Go\n    keywords: 'gRPC, Kafka'\ninterests: [Chess, {name: Sailing, url: 'https://x.dev'}]\n",
    );
    expect(v.resume!.skills![0]!.keywords).toEqual(["gRPC", "Kafka"]);
    expect(v.resume!.interests).toEqual([{ name: "Chess" }, { name: "Sailing" }]);
  });

  it("prints nothing for a reference with a name and no words", () => {
    expect(
      vmOf("basics: {name: A}\nreferences:\n  - name: Bob\n").sections.find((s) => s.id === "references"),
    ).toBeUndefined();
  });
});

describe("HTML in values", () => {
  it("reads bold, italic, links, line breaks, lists and entities as inline markup", () => {
    expect(fromHtml('Led <b>R&amp;D</b>, <em>fast</em>; <a href="https://x.dev">site</a><br>next', true).text).toBe(
      "Led **R&D**, *fast*; [site](https://x.dev)\nnext",
    );
    expect(fromHtml("<p>One.</p><ul><li>a</li><li>b</li></ul>", true).text).toBe("One.\n\n- a\n- b");
    expect(fromHtml("Tom&#8217;s &quot;x&quot;", false).text).toBe('Tom\u2019s "x"');
  });

  it("prints other elements' text without the tags, names them once, and leaves non-HTML brackets alone", () => {
    expect(fromHtml("Use <span class='k'>Go</span> and <u>Rust</u>", true)).toEqual({
      text: "Use Go and Rust",
      dropped: ["span", "u"],
    });
    expect(fromHtml("Wrote <balkod /> files", true).text).toBe("Wrote <balkod /> files");
    expect(fromHtml("List<T> where a < b", true).text).toBe("List<T> where a < b");
    const v = lenient(
      "basics: {name: A, summary: 'Built <span>X</span> &amp; <b>Y</b>'}\nwork:\n  - name: <i>Acme</i>\n",
    );
    expect(v.resume!.basics.summary).toBe("Built X & **Y**");
    expect(v.resume!.work![0]!.name).toBe("Acme");
    expect(show(v.warnings)).toEqual([
      "1:28  HTML in 2 values read as formatting (bold, italic, links, line breaks, lists): basics.summary, work[].name; printed without their tags: <span>",
    ]);
  });

  it("turns an HTML list in a summary into bullets, as lines starting with - are", () => {
    const e = entries(
      "basics: {name: A}\nwork:\n  - name: X\n    summary: '<p>Did things.</p><ul><li>One</li><li>Two</li></ul>'\n    highlights: [Three]\n",
      "work",
    );
    expect(e[0]).toMatchObject({ summary: "Did things.", bullets: ["One", "Two", "Three"] });
    const s = vmOf("basics:\n  name: A\n  summary: |-\n    Intro.\n    * First\n    - Second\n").sections[0]!;
    expect(s).toMatchObject({ kind: "text", paragraph: "Intro.", bullets: ["First", "Second"] });
  });
});

describe("links and the contact line", () => {
  it("prints an address it cannot link as text, unlinked, and says why", () => {
    const v = lenient("basics: {name: A, url: 'https://scecom'}\n");
    expect(show(v.warnings)).toEqual([
      '1:24 basics.url "https://scecom" looks wrong: the host "scecom" has no dot; did you mean sce.com?; it prints as text, not as a link',
    ]);
    const c = normalize(v.resume!, { badges: new Map() }).contacts;
    expect(c).toEqual([{ text: "https://scecom", icon: "website" }]);
  });

  it("prints a link given twice once, and the contact line's addresses in one style", () => {
    const twice = vmOf(
      "basics:\n  name: A\n  url: https://www.linkedin.com/in/a/\n  profiles:\n    - {network: LinkedIn, url: 'https://linkedin.com/in/a'}\n    - {network: GitHub, url: 'https://github.com/a'}\n",
    ).contacts;
    expect(twice.map((c) => c.text)).toEqual(["linkedin.com/in/a", "github.com/a"]);
    const bare = vmOf(
      "basics:\n  name: A\n  url: https://a.dev\n  profiles:\n    - {network: GitHub, url: 'https://github.com/a'}\n",
    ).contacts;
    expect(bare.map((c) => c.text)).toEqual(["https://a.dev", "https://github.com/a"]);
  });
});

describe("typography", () => {
  it("an elided year or word is an apostrophe, never an opening quote", () => {
    expect(typeset("Class of '16, the '90s, rock 'n' roll, 'til now, 'quoted'")).toBe(
      "Class of \u201916, the \u201990s, rock \u2019n\u2019 roll, \u2019til now, \u2018quoted\u2019",
    );
  });
});

describe("quotation marks follow the language", () => {
  it("sets a quoted phrase in the résumé's language's marks, and leaves apostrophes alone", () => {
    const doc = (locale: string) =>
      `basics:\n  name: A\n  summary: He said "ship it" and 'done', it's fine.\nrender: {locale: ${locale}}\n`;
    const para = (locale: string) => (vmOf(doc(locale)).sections[0] as { paragraph: string }).paragraph;
    expect(para("en")).toBe("He said \u201Cship it\u201D and \u2018done\u2019, it\u2019s fine.");
    expect(para("de")).toBe("He said \u201Eship it\u201C and \u201Adone\u2018, it\u2019s fine.");
    expect(para("fr")).toBe(
      "He said \u00AB\u202Fship it\u202F\u00BB and \u2039\u202Fdone\u202F\u203A, it\u2019s fine.",
    );
    expect(para("ja")).toBe("He said \u300Cship it\u300D and \u300Edone\u300F, it\u2019s fine.");
  });
});

describe("a key that is a list or mapping", () => {
  it("is a located warning of ours, refused under --strict, and no Node.js process warning reaches the terminal", async () => {
    const seen: string[] = [];
    const listen = (w: Error) => void seen.push(w.message);
    process.on("warning", listen);
    try {
      const loaded = source("basics:\n  name: Jo\n? [a, b]\n: 1\nwork:\n  - ? {x: 1}\n    : 2\n");
      // Process warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
      const keys = (loaded.warnings ?? []).filter((w) => /a key that is a/.test(w.message));
      expect(keys.map((w) => [w.line, w.col, w.assumed, w.message])).toEqual([
        [3, 3, true, "a key that is a list ([a, b]) is read as one key, its text; a key is a plain name"],
        [6, 7, true, "a key that is a mapping ({x: 1}) is read as one key, its text; a key is a plain name"],
      ]);
    } finally {
      process.off("warning", listen);
    }
    expect(seen).toEqual([]);
  });
});
