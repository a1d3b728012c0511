/**
 * Where a line may break in the scripts written without spaces between words (Thai, Lao, Khmer,
 * Myanmar): only at the word boundaries ICU's dictionaries give, with no hyphen added; and in every
 * script, never inside a grapheme cluster (an Indic conjunct, a letter and its marks). Latin words
 * break as before.
 */
import { describe, expect, it } from "vitest";
import { BREAK, breakWord } from "../../src/render/linebreak.js";

/** The offsets in `word` between the parts breakWord gives, and whether every two parts are split by an empty break. */
function cuts(word: string): { pieces: string[]; offsets: number[]; hyphenFree: boolean } {
  const parts = breakWord(word);
  const pieces = parts.filter((p) => p !== BREAK);
  const offsets: number[] = [];
  let at = 0;
  for (const p of pieces.slice(0, -1)) offsets.push((at += p.length));
  // react-pdf adds a hyphen between two parts unless the second is an empty break.
  const hyphenFree = parts.every((p, i) => i === 0 || p === BREAK || parts[i - 1] === BREAK);
  return { pieces, offsets, hyphenFree };
}

const boundaries = (text: string, granularity: "word" | "grapheme", lang?: string) =>
  new Set([...new Intl.Segmenter(lang, { granularity }).segment(text)].map((s) => s.index));

const SENTENCES: [string, string][] = [
  [
    "th",
    "ออกแบบและพัฒนาระบบชำระเงินออนไลน์ที่รองรับธุรกรรมมากกว่าหนึ่งล้านรายการต่อวันโดยใช้ภาษาโกและฐานข้อมูลโพสต์เกรสพร้อมทั้งดูแลทีมวิศวกรห้าคน",
  ],
  ["lo", "ພັດທະນາລະບົບການຊຳລະເງິນອອນລາຍທີ່ຮອງຮັບທຸລະກຳຫຼາຍກວ່າໜຶ່ງລ້ານລາຍການຕໍ່ມື້ແລະຄຸ້ມຄອງທີມວິສະວະກອນຫ້າຄົນ"],
  ["km", "អភិវឌ្ឍប្រព័ន្ធទូទាត់ប្រាក់តាមអ៊ីនធឺណិតដែលគាំទ្រប្រតិបត្តិការច្រើនជាងមួយលានក្នុងមួយថ្ងៃនិងគ្រប់គ្រងក្រុមវិស្វករប្រាំនាក់"],
  ["my", "ဆော့ဖ်ဝဲအင်ဂျင်နီယာတစ်ဦးဖြစ်ပြီးငွေပေးချေမှုစနစ်များကိုတည်ဆောက်ခဲ့ပါသည်"],
];

describe("scripts without spaces between words", () => {
  it.each(SENTENCES)("%s breaks only at Intl's word boundaries, with no hyphen", (lang, text) => {
    const { pieces, offsets, hyphenFree } = cuts(text);
    expect(pieces.join("")).toBe(text);
    expect(hyphenFree).toBe(true);
    const words = boundaries(text, "word", lang);
    const graphemes = boundaries(text, "grapheme", lang);
    for (const at of offsets) {
      expect(
        words.has(at),
        `${lang}: a break inside a word at ${at}: …${text.slice(at - 6, at)}|${text.slice(at, at + 6)}…`,
      ).toBe(true);
      expect(graphemes.has(at)).toBe(true);
    }
    // It does break: at most of the boundaries the dictionary gives.
    expect(offsets.length).toBeGreaterThan((words.size - 1) / 2);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(20);
  });

  it("keeps punctuation with its word, and Latin words and numbers whole", () => {
    const text = "(ระบบชำระเงิน),ใช้Kubernetesและ20,000รายการ";
    const { pieces, offsets } = cuts(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.some((p) => /^[),]/.test(p))).toBe(false);
    expect(pieces.some((p) => p.endsWith("("))).toBe(false);
    expect(pieces.slice(0, 3)).toEqual(["(ระบบ", "ชำระ", "เงิน),"]);
    const words = boundaries(text, "word", "th");
    for (const at of offsets) expect(words.has(at)).toBe(true);
    for (const whole of ["Kubernetes", "20,000"])
      expect(
        pieces.some((p) => p.includes(whole)),
        whole,
      ).toBe(true);
  });

  it("adds no break at a word's edges, where a run of another font may follow", () => {
    expect(breakWord("ระบบ")).toEqual(["ระบบ"]);
    expect(breakWord("ระบบ,")).toEqual(["ระบบ,"]);
    expect(breakWord("ระบบชำระเงิน")[0]).not.toBe(BREAK);
    expect(breakWord("ระบบชำระเงิน").at(-1)).not.toBe(BREAK);
  });

  it("does not start a line with a repetition mark", () => {
    const text = "พัฒนาระบบต่างๆให้ทีมงานหลายๆทีม";
    const { pieces } = cuts(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.some((p) => p.startsWith("ๆ"))).toBe(false);
  });
});

describe("grapheme clusters", () => {
  /** Whether `at` in `text` falls inside a cluster, or right after a virama before a letter. */
  const inside = (text: string, at: number) =>
    !boundaries(text, "grapheme").has(at) ||
    (/[\u094D\u09CD\u0BCD]$/u.test(text.slice(0, at)) && /^\p{L}/u.test(text.slice(at)));

  it.each([
    ["Devanagari", "स्वतन्त्रताक्षत्रियप्रौद्योगिकीविश्वविद्यालयअन्तर्राष्ट्रीयसम्मेलन".repeat(2)],
    ["Bengali", "স্বাধীনতাক্ষত্রিয়প্রযুক্তিবিশ্ববিদ্যালয়আন্তর্জাতিকসম্মেলন".repeat(2)],
    ["Tamil", "தொழில்நுட்பப்பல்கலைக்கழகத்தின்சர்வதேசக்கருத்தரங்கம்".repeat(2)],
  ])("a long %s run breaks, but never inside a cluster or a conjunct", (_, text) => {
    const { pieces, offsets, hyphenFree } = cuts(text);
    expect(pieces.join("")).toBe(text);
    expect(hyphenFree).toBe(true);
    expect(offsets.length).toBeGreaterThan(0);
    for (const at of offsets)
      expect(inside(text, at), `…${text.slice(at - 4, at)}|${text.slice(at, at + 4)}…`).toBe(false);
    for (const p of pieces) expect(p).not.toMatch(/^\p{M}/u);
  });

  it("keeps an accent written apart on its letter, and an emoji sequence whole, in a long run", () => {
    const nfd = "re\u0301sume\u0301".repeat(8);
    for (const p of cuts(nfd).pieces) expect(p).not.toMatch(/^\p{M}/u);
    const cjk = "集群👩‍💻设计か\u3099";
    const { pieces } = cuts(cjk);
    expect(pieces.join("")).toBe(cjk);
    expect(pieces).toContain("👩‍💻");
    expect(pieces).toContain("か\u3099");
  });
});

describe("Latin words", () => {
  it("are left whole, as before", () => {
    for (const w of ["Kubernetes", "naïve", "Łódź", "Nguyễn", "e-mail", "PostgreSQL,", "(2019–2021)", "$1.2M"])
      expect(breakWord(w)).toEqual([w]);
    // A run too long for any line breaks every 16 characters, as before.
    expect(cuts("x".repeat(40)).pieces.map((p) => p.length)).toEqual([16, 16, 8]);
  });
});
