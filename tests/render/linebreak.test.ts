/**
 * Lines a typesetter would sign: no hyphen that is not in the source (at a change of font, at a
 * run of spaces, between CJK characters), runs of spaces printed as one, CJK line rules, and
 * repeated symbols or emoji printed whole. Every theme, read back with pdf.js and poppler.
 * (The symbol, emoji and spaces cases failed on react-pdf's text layout before patches/.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BREAK, breakWord } from "../../src/render/linebreak.js";
import { readPdfPages } from "../../src/pdf/reader.js";
import { themes } from "../../src/render/themes/index.js";
import { build } from "../../src/pipeline/build.js";
import { ARRANGEMENTS, pdftotext, readPdf, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** Long texts whose only break points are where fonts change, or runs of spaces. */
const CASES: Record<string, string> = {
  "a symbol glued to a word": Array.from(
    { length: 30 },
    (_, i) => `Delivered${"x".repeat(i % 5)}★Quality${"y".repeat(i % 3)}`,
  ).join(" "),
  "an emoji glued to a word": Array.from(
    { length: 30 },
    (_, i) => `Launched${"z".repeat(i % 4)}🚀Products${"w".repeat(i % 3)}`,
  ).join(" "),
  "runs of two spaces": Array.from({ length: 40 }, (_, i) => `word${"v".repeat(i % 6)}`).join("  "),
  "Latin beside CJK": Array.from(
    { length: 25 },
    (_, i) => `ElasticSearch${"q".repeat(i % 4)}、Kafka集群优化results.中文`,
  ).join(""),
  "Latin words between CJK commas": Array.from(
    { length: 30 },
    (_, i) => `ElasticSearch${"q".repeat(i % 4)}、Kafka${"k".repeat(i % 3)}、`,
  ).join(""),
};

async function readers(file: string): Promise<string[][]> {
  const pdfjs = (await readPdf(readFileSync(file))).text;
  return [pdfjs, pdftotext(file)].map((t) =>
    t
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !/^-- \d+ of \d+ --$/.test(l)),
  );
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("no invented hyphens", () => {
  const dir = tempDir();
  for (const [name, text] of Object.entries(CASES)) {
    it.each(ARRANGEMENTS)(`${name}: builds in %s with the text intact and no hyphen`, async (theme) => {
      const input = writeFixture(
        dir,
        `${theme}.yaml`,
        `basics:\n  name: Jane Doe\n  summary: ${JSON.stringify(text)}\n`,
      );
      const output = path.join(dir, `${theme}.pdf`);
      await build(input, { output, env: EPOCH, render: { theme } }); // the read-back check passes
      for (const lines of await readers(output)) {
        const body = lines.join("\n");
        expect(body).not.toMatch(/-/); // the source has none
        expect(squeeze(body)).toContain(squeeze(text));
        if (name === "runs of two spaces") expect(body).not.toMatch(/\S {2,}\S/);
      }
    });
  }
});

describe("CJK line rules", () => {
  const dir = tempDir();
  const NO_START = [..."、。，．・：；？！）」』】〕〉》ー…ゃゅょっャュョッぁぃぅぇぉァィゥェォ々〜"];
  const NO_END = [..."（「『【〔〈《"];
  const zh =
    "我们在「支付平台」项目中负责Kubernetes集群的设计与实现，2023年完成了迁移。系统（包括Kafka与ElasticSearch）每天处理数亿条消息！团队规模扩大到十五人。".repeat(
      4,
    );
  const ja =
    "「決済基盤」プロジェクトでKubernetesクラスタの設計と実装を担当し、2023年に移行を完了しました。システム（KafkaとElasticSearchを含む）は毎日数億件のメッセージを処理します！".repeat(
      4,
    );

  it.each(ARRANGEMENTS)("no line starts with closing punctuation or ends with an opening one, in %s", async (theme) => {
    for (const [lang, text] of [
      ["zh", zh],
      ["ja", ja],
    ] as const) {
      const input = writeFixture(
        dir,
        `${lang}-${theme}.yaml`,
        `basics:\n  name: 王小明\n  summary: ${text}\nwork:\n  - name: 公司\n    highlights: [${JSON.stringify(text)}]\n`,
      );
      const output = path.join(dir, `${lang}-${theme}.pdf`);
      await build(input, { output, env: EPOCH, render: { theme } });
      for (const lines of await readers(output)) {
        for (const line of lines) {
          expect(NO_START.includes(line[0]!), `${lang} ${theme}: a line starts with ${line[0]}: ${line}`).toBe(false);
          expect(NO_END.includes(line.at(-1)!), `${lang} ${theme}: a line ends with ${line.at(-1)}: ${line}`).toBe(
            false,
          );
        }
        // Latin words and numbers inside CJK text are never split over two lines.
        for (const word of ["Kubernetes", "ElasticSearch", "Kafka", "2023"])
          expect(lines.filter((l) => l.includes(word)).length).toBeGreaterThan(0);
        expect(squeeze(lines.join(""))).toContain(squeeze(text).slice(0, 60));
      }
    }
  });

  it("breaks CJK between characters by the rules, and never inside a Latin word", () => {
    const parts = breakWord("设计「支付」系统。Kubernetes集群").filter((p) => p !== BREAK);
    expect(parts.join("")).toBe("设计「支付」系统。Kubernetes集群");
    expect(parts).toContain("「支");
    expect(parts.some((p) => p.startsWith("」") || p.startsWith("。"))).toBe(false);
    expect(parts.some((p) => p.endsWith("「"))).toBe(false);
    expect(parts).toContain("Kubernetes");
    // A CJK word in a font run of its own may break at its edges, where the rules allow.
    expect(breakWord("集群")).toEqual([BREAK, "集", BREAK, "群", BREAK]);
    expect(breakWord("、")).toEqual(["、", BREAK]);
    expect(breakWord("「")).toEqual([BREAK, "「"]);
  });
});

describe("long addresses", () => {
  const url =
    "api.certificates.dev/certificates/9ca17bca-7329-42a8/download?signature=e089727a3b245de2cd2f981a98858704e1f8b383d5b5223a0813b416e1374d6a&v=2";

  it("break after slashes, in a query string and, last, inside a long hash, and nowhere in a short one", () => {
    const parts = breakWord(url);
    expect(parts.filter((p) => p !== BREAK).join("")).toBe(url);
    const pieces = parts.filter((p) => p !== BREAK);
    expect(pieces).toContain("certificates/");
    expect(pieces).toContain("?signature=");
    expect(pieces).toContain("&v=2");
    expect(pieces).toContain("e089727a3b245de2");
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(32);
    expect(breakWord("github.com/a/thing")).toEqual(["github.com/a/thing"]);
  });

  it("stay inside a narrow column, and read back whole", async () => {
    const dir = tempDir();
    const input = writeFixture(
      dir,
      "r.yaml",
      `basics: {name: Jane Doe}\ncertificates:\n  - name: Cert\n    date: 2024-07\n    url: https://${url}\n`,
    );
    for (const theme of ARRANGEMENTS) {
      const out = path.join(dir, `${theme}.pdf`);
      await build(input, { output: out, env: EPOCH, render: { theme } });
      const [page] = readPdfPages(readFileSync(out));
      const right = page!.width - themes[theme].margin.right + 0.5;
      for (const it of page!.items) expect(it.x + it.width, `${theme}: "${it.str}"`).toBeLessThanOrEqual(right);
      expect(squeeze(page!.lines.map((l) => l.text).join(""))).toContain(squeeze(url));
    }
  });
});

describe("repeated symbols and emoji", () => {
  it("prints each of them, in every theme", async () => {
    const dir = tempDir();
    const input = writeFixture(
      dir,
      "r.yaml",
      'basics: {name: Jane Doe}\nskills:\n  - name: Go\n    level: ★★★★☆\n    keywords: ["✨✨ launch", "🚀🚀🚀"]\n',
    );
    for (const theme of ARRANGEMENTS) {
      const output = path.join(dir, `${theme}.pdf`);
      await build(input, { output, env: EPOCH, render: { theme } });
      for (const lines of await readers(output)) {
        const text = lines.join(" ");
        for (const run of ["★★★★☆", "✨✨", "🚀🚀🚀"]) expect(text, theme).toContain(run);
      }
    }
  });
});
