/**
 * How a simple font without a ToUnicode map turns its one-byte codes into text: its encoding
 * (WinAnsi, MacRoman or Standard, the first being what pdfkit, Word and most writers use for the
 * standard fonts) with the `Differences` it lists, by glyph name. Enough for PDFs made elsewhere
 * (`resume ats` reads any PDF); our own PDFs carry ToUnicode maps.
 */

/** WinAnsiEncoding's 0x80–0x9F (the rest is Latin-1). */
const WIN_ANSI_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** MacRomanEncoding's 0x80–0xFF. */
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/** Glyph names beyond the letters and `uniXXXX` that encodings' Differences commonly use. */
const GLYPHS: Record<string, string> = {
  space: " ",
  exclam: "!",
  quotedbl: '"',
  numbersign: "#",
  dollar: "$",
  percent: "%",
  ampersand: "&",
  quotesingle: "'",
  quoteright: "’",
  quoteleft: "‘",
  parenleft: "(",
  parenright: ")",
  asterisk: "*",
  plus: "+",
  comma: ",",
  hyphen: "-",
  minus: "−",
  period: ".",
  slash: "/",
  colon: ":",
  semicolon: ";",
  less: "<",
  equal: "=",
  greater: ">",
  question: "?",
  at: "@",
  bracketleft: "[",
  backslash: "\\",
  bracketright: "]",
  asciicircum: "^",
  underscore: "_",
  grave: "`",
  braceleft: "{",
  bar: "|",
  braceright: "}",
  asciitilde: "~",
  bullet: "•",
  endash: "–",
  emdash: "—",
  quotedblleft: "“",
  quotedblright: "”",
  quotesinglbase: "‚",
  quotedblbase: "„",
  ellipsis: "…",
  dagger: "†",
  daggerdbl: "‡",
  periodcentered: "·",
  section: "§",
  paragraph: "¶",
  copyright: "©",
  registered: "®",
  trademark: "™",
  degree: "°",
  fi: "fi",
  fl: "fl",
  ff: "ff",
  ffi: "ffi",
  ffl: "ffl",
  dotlessi: "ı",
  germandbls: "ß",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  oslash: "ø",
  Oslash: "Ø",
  eth: "ð",
  Eth: "Ð",
  thorn: "þ",
  Thorn: "Þ",
  lslash: "ł",
  Lslash: "Ł",
  Euro: "€",
  sterling: "£",
  yen: "¥",
  cent: "¢",
  guillemotleft: "«",
  guillemotright: "»",
  exclamdown: "¡",
  questiondown: "¿",
  multiply: "×",
  divide: "÷",
  nbspace: "\u00A0",
  zero: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};
/** Accents a glyph name may end in (`eacute`, `Udieresis`), as combining marks. */
const ACCENTS: Record<string, string> = {
  acute: "\u0301",
  grave: "\u0300",
  circumflex: "\u0302",
  dieresis: "\u0308",
  tilde: "\u0303",
  ring: "\u030A",
  cedilla: "\u0327",
  caron: "\u030C",
  breve: "\u0306",
  macron: "\u0304",
  ogonek: "\u0328",
  dotaccent: "\u0307",
  hungarumlaut: "\u030B",
};

/** The text a glyph name stands for, or undefined. */
export function glyphText(name: string): string | undefined {
  if (GLYPHS[name]) return GLYPHS[name];
  if (/^[A-Za-z]$/.test(name)) return name;
  const uni = /^uni([0-9A-F]{4,6})$/.exec(name) ?? /^u([0-9A-F]{4,6})$/.exec(name);
  if (uni) return String.fromCodePoint(parseInt(uni[1]!, 16));
  const base = name.split(".")[0]!;
  if (base !== name) return glyphText(base);
  for (const [accent, mark] of Object.entries(ACCENTS)) {
    if (name.endsWith(accent) && name.length === accent.length + 1) return (name[0]! + mark).normalize("NFC");
  }
  return undefined;
}

/** The text of each code of a simple font's encoding (a base name and its Differences). */
export function simpleEncoding(
  base: string | undefined,
  differences: readonly (number | string)[],
): Map<number, string> {
  const map = new Map<number, string>();
  for (let c = 0x20; c < 0x100; c++) {
    if (c < 0x7f) map.set(c, String.fromCharCode(c));
    else if (base === "MacRomanEncoding") map.set(c, c >= 0x80 ? MAC_ROMAN_HIGH[c - 0x80]! : "");
    else map.set(c, c >= 0x80 && c < 0xa0 ? WIN_ANSI_HIGH[c - 0x80]! : String.fromCharCode(c));
  }
  if (base === "StandardEncoding") {
    map.set(0x27, "’");
    map.set(0x60, "‘");
  }
  let code = 0;
  for (const d of differences) {
    if (typeof d === "number") code = d;
    else {
      const text = glyphText(d);
      if (text !== undefined) map.set(code, text);
      code++;
    }
  }
  return map;
}
