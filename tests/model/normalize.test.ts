/** The view model's small rules of layout: where a project's address goes, separators of inline rows, blank lines. */
import { describe, expect, it } from "vitest";
import { displayUrl } from "../../src/model/contacts.js";
import { normalize } from "../../src/model/normalize.js";
import { typeset } from "../../src/model/typeset.js";
import { validate } from "../../src/input/validate.js";
import { inlineRows } from "../../src/render/themes/reading.js";
import { source } from "../helpers.js";

const vm = (yaml: string) => normalize(validate(source(yaml)), { badges: new Map() });

describe("a project's address", () => {
  it("takes the dates' place on the first line when there are no dates", () => {
    const [entry] = (
      vm("basics: {name: A}\nprojects:\n  - name: Thing\n    url: https://github.com/a/thing\n").sections[0] as {
        entries: object[];
      }
    ).entries;
    expect(entry).toMatchObject({ title: "Thing", date: "github.com/a/thing", dateHref: "https://github.com/a/thing" });
    expect(entry).not.toHaveProperty("location");
  });

  it("stays on the second line when it is too long for the dates' place", () => {
    const url = "https://github.com/an-organisation/a-project-with-a-long-name";
    const [entry] = (
      vm(`basics: {name: A}\nprojects:\n  - name: Thing\n    url: ${url}\n`).sections[0] as { entries: object[] }
    ).entries;
    expect(entry).toMatchObject({
      location: "github.com/an-organisation/a-project-with-a-long-name",
      locationHref: url,
    });
    expect(entry).not.toHaveProperty("date");
  });

  it("stays on the second line beside the role when there are dates", () => {
    const [entry] = (
      vm("basics: {name: A}\nprojects:\n  - name: Thing\n    startDate: 2020\n    url: https://github.com/a/thing\n")
        .sections[0] as { entries: object[] }
    ).entries;
    expect(entry).toMatchObject({ date: "2020 – Present".replace(" ", "\u00A0"), location: "github.com/a/thing" });
  });
});

describe("inline rows", () => {
  it("are separated evenly: one space's width on each side of the dot", () => {
    expect(
      inlineRows([
        { label: "English", value: "Native" },
        { label: "Hebrew", value: "" },
      ]),
    ).toBe("English (Native)\u00A0\u00B7 Hebrew");
  });
});

describe("paragraph breaks", () => {
  it("are one blank line however many the source has, without the spaces around them", () => {
    expect(typeset("First.\n\n\n Second.  \n\n\n\nThird.\r\nFourth.")).toBe("First.\n\nSecond.\n\nThird.\nFourth.");
  });
});

describe("addresses as printed", () => {
  it("keep https:// on a bare host, www. when it has one, and lose both before a path", () => {
    expect(displayUrl("https://janedeveloper.com/")).toBe("https://janedeveloper.com");
    expect(displayUrl("https://www.janedeveloper.com")).toBe("www.janedeveloper.com");
    expect(displayUrl("https://www.linkedin.com/in/jane-dev/")).toBe("linkedin.com/in/jane-dev");
  });
});

describe("invisible code points", () => {
  it("keeps a zero-width non-joiner between letters it keeps apart, drops the rest", () => {
    // Persian "data" (داده‌ها) and Hindi with an explicit half form keep their ZWNJ.
    expect(typeset("داده\u200Cها")).toBe("داده\u200Cها");
    expect(typeset("क्\u200Cष")).toBe("क्\u200Cष");
    // In Latin text it shapes nothing and has no glyph: it goes, as do zero-width spaces and marks of direction.
    expect(typeset("Data\u200Cbase\u200B \u200Fok")).toBe("Database ok");
  });
});

describe("file names", () => {
  it("keep the marks of a name written in a script with them", async () => {
    const { slug } = await import("../../src/common/text.js");
    expect(slug("สมชาย ใจดี", { unicode: true })).toBe("สมชาย-ใจดี");
    expect(slug("प्रिया शर्मा", { unicode: true })).toBe("प्रिया-शर्मा");
  });
});
