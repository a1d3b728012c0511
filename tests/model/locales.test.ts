/**
 * The languages written in Arabic, Hebrew, Indic and Thai script, Vietnamese and Indonesian: their
 * titles, labels and "Present", their dates (Gregorian, in the digits each one writes), and the
 * language a résumé written in one of them is given when render.locale does not say.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { formatDate, formatRange, LOCALES, WORDS, type Locale } from "../../src/model/locale.js";
import { letterDate } from "../../src/model/letter.js";
import { detectLocale } from "../../src/model/scripts.js";
import { resumeText } from "../../src/model/resume-text.js";
import { isPresentWord } from "../../src/input/languages.js";
import { readOneDate } from "../../src/input/dates.js";
import { BUILTIN_SECTIONS } from "../../src/common/ids.js";
import { ROOT } from "../helpers.js";

const NBSP = /\u00A0/g;

/** For each new locale: its script, "Present", June (short and long), and its digits. */
const EXPECTED: Record<
  string,
  { script: RegExp; present: string; june: string; juneLong: string; digits: "latin" | "persian" }
> = {
  ar: { script: /\p{Script=Arabic}/u, present: "حتى الآن", june: "يونيو", juneLong: "يونيو", digits: "latin" },
  he: { script: /\p{Script=Hebrew}/u, present: "היום", june: "יוני", juneLong: "יוני", digits: "latin" },
  fa: { script: /\p{Script=Arabic}/u, present: "تاکنون", june: "ژوئن", juneLong: "ژوئن", digits: "persian" },
  ur: { script: /\p{Script=Arabic}/u, present: "تاحال", june: "جون", juneLong: "جون", digits: "latin" },
  hi: { script: /\p{Script=Devanagari}/u, present: "वर्तमान", june: "जून", juneLong: "जून", digits: "latin" },
  bn: { script: /\p{Script=Bengali}/u, present: "বর্তমান", june: "জুন", juneLong: "জুন", digits: "latin" },
  ta: { script: /\p{Script=Tamil}/u, present: "தற்போது", june: "ஜூன்", juneLong: "ஜூன்", digits: "latin" },
  th: { script: /\p{Script=Thai}/u, present: "ปัจจุบัน", june: "มิ.ย.", juneLong: "มิถุนายน", digits: "latin" },
  vi: { script: /^[\p{Script=Latin} ]+$/u, present: "nay", june: "thg 6", juneLong: "tháng 6", digits: "latin" },
  id: { script: /^[\p{Script=Latin} ]+$/u, present: "sekarang", june: "Jun", juneLong: "Juni", digits: "latin" },
};
const NEW = Object.keys(EXPECTED) as Locale[];

/** Digits other than 0–9 (Persian, Arabic-Indic, Bengali, Devanagari, Thai …). */
const OTHER_DIGITS = /(?![0-9])\p{Nd}/u;

describe("the languages of Arabic, Hebrew, Indic and Thai script, Vietnamese and Indonesian", () => {
  it("are locales, with every word a résumé prints", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(NEW));
    for (const locale of NEW) {
      const w = WORDS[locale];
      expect(Object.keys(w.titles).sort(), locale).toEqual([...BUILTIN_SECTIONS].sort());
      const titles = Object.values(w.titles);
      expect(new Set(titles).size, locale).toBe(titles.length);
      for (const word of [...titles, w.courses, w.score, w.keywords, w.verify, w.resume, w.letter]) {
        expect(word.trim(), locale).toBe(word);
        expect(word, locale).toMatch(EXPECTED[locale]!.script);
        expect(word, locale).not.toBe(WORDS.en.titles.work);
      }
      expect(w.degreeIn.length, locale).toBeGreaterThan(0);
      expect(w.titles.work).not.toBe(WORDS.en.titles.work);
      expect(w.resume).not.toBe(WORDS.en.resume);
    }
    // Most Vietnamese titles carry letters only Vietnamese writes.
    expect(Object.values(WORDS.vi.titles).filter((t) => /[ơưăđạ-ỹ]/iu.test(t)).length).toBeGreaterThan(6);
  });

  it.each(NEW)("%s: says Present in its own word, which also reads as an ongoing end date", (locale) => {
    expect(WORDS[locale].present).toBe(EXPECTED[locale]!.present);
    expect(isPresentWord(WORDS[locale].present)).toBe(true);
    expect(formatRange("2021-06", undefined, locale)!.replace(NBSP, " ")).toMatch(
      new RegExp(` – ${EXPECTED[locale]!.present.replace(/[.]/g, "\\.")}$`, "u"),
    );
  });

  it.each(NEW)("%s: prints June 2021 with its month name, in the Gregorian calendar and its digits", (locale) => {
    const { june, juneLong, digits } = EXPECTED[locale]!;
    const short = formatDate("2021-06", locale, "short").replace(NBSP, " ");
    const long = formatDate("2021-06", locale, "long").replace(NBSP, " ");
    const numeric = formatDate("2021-06", locale, "numeric");
    const letter = letterDate("2024-03-15", { locale });
    expect(short).toContain(june);
    expect(long).toContain(juneLong);
    if (digits === "persian") {
      for (const s of [short, long]) expect(s).toContain("۲۰۲۱");
      expect(numeric).toMatch(/۲۰۲۱.*۰۶|۰۶.*۲۰۲۱/u);
      expect(letter).toContain("۲۰۲۴");
      for (const s of [short, long, numeric, letter]) expect(s).not.toMatch(/[0-9]/);
    } else {
      for (const s of [short, long]) expect(s).toContain("2021");
      expect(numeric).toMatch(/2021.*06|0?6.*2021/u);
      expect(letter).toContain("2024");
      expect(letter).toContain("15");
      for (const s of [short, long, numeric, letter]) expect(s).not.toMatch(OTHER_DIGITS);
    }
  });

  it("never prints a Buddhist or a Solar Hijri year", () => {
    expect(formatDate("2021-06", "th", "long")).not.toContain("2564");
    expect(formatDate("2021-06", "fa", "long")).not.toMatch(/۱۴۰۰|1400/);
    expect(formatDate("2021-06", "fa", "long")).not.toContain("خرداد"); // the Persian calendar's month
    expect(letterDate("2021-06-15", { locale: "th" })).toBe("15 มิถุนายน 2021");
  });

  it("reads month names of these languages in dates written in the file", () => {
    expect(readOneDate("ژوئن 2021")).toEqual({ iso: "2021-06", assumed: "read as 2021-06" });
    expect(readOneDate("يونيو 2021")).toEqual({ iso: "2021-06", assumed: "read as 2021-06" });
    expect(readOneDate("Juni 2021")).toEqual({ iso: "2021-06", assumed: "read as 2021-06" });
    expect(readOneDate("Agustus 2019")).toEqual({ iso: "2019-08", assumed: "read as 2019-08" });
  });
});

describe("the language of a résumé that does not name one", () => {
  const fixture = (name: string) =>
    resumeText(parse(readFileSync(path.join(ROOT, "tests/fixtures/scripts", name), "utf8")) as unknown);

  it.each([
    ["ar.yaml", "ar"],
    ["fa.yaml", "fa"],
    ["ur.yaml", "ur"],
    ["he.yaml", "he"],
    ["hi.yaml", "hi"],
    ["bn.yaml", "bn"],
    ["ta.yaml", "ta"],
    ["th.yaml", "th"],
    ["vi.yaml", "vi"],
  ])("%s is %s", (file, locale) => {
    expect(detectLocale(fixture(file))).toBe(locale);
  });

  it("is none for scripts with no locale here, and for an English résumé with a Hebrew name", () => {
    expect(detectLocale(fixture("lo.yaml"))).toBeUndefined();
    expect(detectLocale(fixture("km.yaml"))).toBeUndefined();
    expect(detectLocale(fixture("en-hebrew-name.yaml"))).toBeUndefined();
  });

  it("tells Arabic, Persian and Urdu apart by their letters", () => {
    expect(detectLocale("مهندس برمجيات أول في شركة تقنية المعلومات، خبرة في Kubernetes و Go و AWS")).toBe("ar");
    // A Persian name in an Arabic text: Arabic-only letters (ة ي ك) still outnumber Persian ones.
    expect(detectLocale("مهندس برمجيات في شركة كبيرة للاتصالات، عمل مع بابک")).toBe("ar");
    expect(detectLocale("مهندس نرم\u200Cافزار با تجربه در طراحی سیستم\u200Cهای پرداخت")).toBe("fa");
    expect(detectLocale("سافٹ ویئر انجینئر، ادائیگی کے نظام میں پانچ سال کا تجربہ")).toBe("ur");
  });

  it("names Hebrew, Hindi, Bengali, Tamil, Thai and Vietnamese", () => {
    expect(detectLocale("מהנדס תוכנה בכיר עם ניסיון בפיתוח מערכות תשלומים")).toBe("he");
    expect(detectLocale("वरिष्ठ सॉफ़्टवेयर इंजीनियर, भुगतान प्रणालियों का अनुभव")).toBe("hi");
    expect(detectLocale("সফটওয়্যার প্রকৌশলী, পেমেন্ট সিস্টেমে অভিজ্ঞতা")).toBe("bn");
    expect(detectLocale("மென்பொருள் பொறியாளர், கட்டண அமைப்புகளில் அனுபவம்")).toBe("ta");
    // Thai words are counted as ICU's dictionary finds them, not as runs between spaces.
    expect(detectLocale("วิศวกรซอฟต์แวร์อาวุโสที่มีประสบการณ์ด้านระบบชำระเงิน with Go, Kafka and PostgreSQL")).toBe("th");
    expect(detectLocale("Kỹ sư phần mềm với tám năm kinh nghiệm xây dựng hệ thống thanh toán")).toBe("vi");
    // Decomposed (NFD) Vietnamese is the same text.
    expect(detectLocale("Kỹ sư phần mềm với tám năm kinh nghiệm xây dựng hệ thống".normalize("NFD"))).toBe("vi");
  });

  it("leaves a résumé in English or another Latin-script language when a few words are not", () => {
    const english = "Senior software engineer with ten years of experience building payment systems in Go";
    expect(detectLocale(`${english}. Contact: דנה כהן`)).toBeUndefined();
    expect(detectLocale(`${english}, born in Bangkok as สมชาย ใจดี`)).toBeUndefined();
    expect(detectLocale(`Nguyễn Thị Hương. ${english} at a bank in Đà Nẵng`)).toBeUndefined();
    expect(detectLocale(`${english}; سارا محمدی`)).toBeUndefined();
    expect(detectLocale(`${english}. प्रिया शर्मा`)).toBeUndefined();
    // Romanian and French write ă, â, ê, ô, but none of Vietnamese's own letters.
    expect(detectLocale("Inginer software în această echipă, dezvoltare și mentenanță a aplicațiilor")).toBeUndefined();
    expect(detectLocale("Ingénieur logiciel à Paris, conçu des systèmes de paiement rapides et sûrs")).toBeUndefined();
    // Assamese shares the Bengali script, with letters of its own (ৰ ৱ).
    expect(detectLocale("অসমৰ চৰকাৰী বিষয়া, পৰিৱহণ বিভাগ")).toBeUndefined();
  });
});

describe("titles and names in scripts whose letters connect", () => {
  it("are set without letter spacing, which would break their words apart", async () => {
    const { tracked } = await import("../../src/render/themes/primitives.js");
    const style = { fontSize: 11, letterSpacing: 0.8 };
    for (const locale of ["ar", "fa", "ur", "hi", "bn"] as const)
      expect(tracked(style, WORDS[locale].titles.work).letterSpacing, locale).toBe(0);
    for (const locale of ["en", "ru", "el", "he", "th", "vi"] as const)
      expect(tracked(style, WORDS[locale].titles.work)).toBe(style);
    expect(tracked({ letterSpacing: -0.5 }, "سارا محمدی").letterSpacing).toBe(0);
  });
});
