/**
 * Thai, Lao and Khmer paragraphs with few spaces, built into a PDF and read back with poppler:
 * every line ends at a space or at a word boundary Intl gives (no word cut at a line's end), no
 * hyphen appears, and nothing runs past the page's margins.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { readPdfPages } from "../../src/pdf/reader.js";
import { themes } from "../../src/render/themes/index.js";
import { pdftotext, tempDir, writeFixture } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

const TEXTS: Record<string, { name: string; text: string }> = {
  th: {
    name: "สมชาย ใจดี",
    text: "ออกแบบและพัฒนาระบบชำระเงินออนไลน์ที่รองรับธุรกรรมมากกว่าหนึ่งล้านรายการต่อวันโดยใช้ภาษาโกและฐานข้อมูลโพสต์เกรสซึ่งช่วยลดเวลาตอบสนองของระบบลงอย่างมากสำหรับผู้ใช้งานทั่วประเทศ พร้อมทั้งดูแลทีมวิศวกรห้าคนและวางแนวทางการทดสอบอัตโนมัติสำหรับบริการทั้งหมดขององค์กร",
  },
  lo: {
    name: "ສົມສັກ ພົມມະຈັນ",
    text: "ພັດທະນາລະບົບການຊຳລະເງິນອອນລາຍທີ່ຮອງຮັບທຸລະກຳຫຼາຍກວ່າໜຶ່ງລ້ານລາຍການຕໍ່ມື້ ແລະຄຸ້ມຄອງທີມວິສະວະກອນຫ້າຄົນໃນການອອກແບບລະບົບທະນາຄານແລະການບໍລິການລູກຄ້າທົ່ວປະເທດ",
  },
  km: {
    name: "សុខ វិចិត្រា",
    text: "អភិវឌ្ឍប្រព័ន្ធទូទាត់ប្រាក់តាមអ៊ីនធឺណិតដែលគាំទ្រប្រតិបត្តិការច្រើនជាងមួយលានក្នុងមួយថ្ងៃ និងគ្រប់គ្រងក្រុមវិស្វករប្រាំនាក់ក្នុងការរចនាប្រព័ន្ធធនាគារនិងសេវាកម្មអតិថិជនទូទាំងប្រទេស",
  },
};

/** Where the reader's lines cut `value` (offsets in it), when its lines follow one another. */
function cutsOf(lines: string[], value: string): number[] | undefined {
  // Offsets in the value of each of its non-space characters.
  const kept = [...value.matchAll(/\S/gu)].map((m) => m.index);
  const v = value.replace(/\s+/gu, "");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i] || !v.startsWith(lines[i]!)) continue;
    const cuts: number[] = [];
    let at = lines[i]!.length;
    for (let j = i + 1; at < v.length && j < lines.length && lines[j] && v.startsWith(lines[j]!, at); j++) {
      cuts.push(at);
      at += lines[j]!.length;
    }
    if (at === v.length) return cuts.map((c) => kept[c]!);
  }
  return undefined;
}

describe("Thai, Lao and Khmer in a PDF", () => {
  const dir = tempDir();
  for (const [lang, { name, text }] of Object.entries(TEXTS)) {
    it.each(["classic", "sidebar"] as const)(
      `${lang}: lines end between words, inside the margins, in %s`,
      async (theme) => {
        const input = writeFixture(
          dir,
          `${lang}-${theme}.yaml`,
          `basics:\n  name: ${name}\n  summary: ${JSON.stringify(text)}\nwork:\n  - name: ${name}\n    highlights: [${JSON.stringify(text)}]\n`,
        );
        const output = path.join(dir, `${lang}-${theme}.pdf`);
        await build(input, { output, env: EPOCH, render: { theme } });

        const read = pdftotext(output);
        expect(read).not.toMatch(/-/);
        const lines = read.split("\n").map((l) => l.replace(/^\s*•/u, "").replace(/\s+/gu, ""));
        const cuts = cutsOf(lines, text);
        expect(cuts, "the paragraph is found, line after line").toBeDefined();
        const words = new Set([...new Intl.Segmenter(lang, { granularity: "word" }).segment(text)].map((s) => s.index));
        let insideRuns = 0;
        for (const at of cuts!) {
          const atSpace = /\s/u.test(text[at - 1]!);
          if (!atSpace) insideRuns++;
          expect(
            atSpace || words.has(at),
            `a word cut at a line's end: …${text.slice(at - 8, at)}|${text.slice(at, at + 8)}…`,
          ).toBe(true);
        }
        // The paragraph wraps inside runs with no space: the word breaks are what made it fit.
        expect(insideRuns).toBeGreaterThan(0);

        const tokens = themes[theme];
        for (const page of readPdfPages(readFileSync(output))) {
          for (const item of page.items) {
            expect(item.x, item.str).toBeGreaterThanOrEqual(tokens.margin.left - 0.5);
            expect(item.x + item.width, item.str).toBeLessThanOrEqual(page.width - tokens.margin.right + 0.5);
          }
        }
      },
    );
  }
});
