/**
 * A value's text split into the runs a Word file needs for its scripts: each stretch of a script
 * with a font of its own (Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Lao, Khmer) is a run
 * of its own, to carry its complex-script font and language, and a stretch of right-to-left text
 * is marked right to left. Word chooses the font and the direction of spaces, punctuation and
 * digits from the run they are in, so they go where the Unicode bidirectional algorithm puts
 * them: with the text around them when it is in one direction, else in the paragraph's direction
 * (digits after a left-to-right letter read left to right, as they do in the algorithm).
 * Pure: no docx here; docx-runs.ts makes the runs.
 */
import type { ScriptFont } from "../common/ids.js";
import { scriptFonts } from "../model/scripts.js";

/** How a stretch of text is set: its direction and the script font it needs, if any. */
export interface Stretch {
  text: string;
  rtl: boolean;
  script?: ScriptFont;
}

type Kind = Omit<Stretch, "text">;

/** The scripts with a font here that are written right to left. */
export const RTL_SCRIPTS: ReadonlySet<ScriptFont> = new Set<ScriptFont>(["arabic", "hebrew"]);

/** Other right-to-left letters (no font of their own here: the reader's fallback draws them). */
const OTHER_RTL = /[\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
/** Marks (variation selectors among them) and joiners belong to the character before them. */
const ATTACHED = /\p{M}|\u200C|\u200D/u;
const LRM = "\u200E";
const RLM = "\u200F";

const LTR: Kind = { rtl: false };
const key = (k: Kind) => `${k.rtl ? "r" : "l"}${k.script ?? ""}`;

/**
 * A strong character's kind, "digit" for a European digit, "attached" for a mark, or undefined for
 * a neutral character (space, punctuation). A right-to-left mark is a right-to-left letter of `rtl`.
 */
function classify(ch: string, rtl: Kind = { rtl: true }): Kind | "digit" | "attached" | undefined {
  if (ch === LRM) return LTR;
  if (ch === RLM) return rtl;
  if (ATTACHED.test(ch)) return "attached";
  const [script] = scriptFonts(ch);
  if (script) return { rtl: RTL_SCRIPTS.has(script), script };
  if (OTHER_RTL.test(ch)) return { rtl: true };
  if (/\p{L}/u.test(ch)) return LTR;
  if (/[0-9]/.test(ch)) return "digit";
  return undefined;
}

/**
 * `text` as stretches of one direction and script, in logical order, for a paragraph that reads
 * right to left (`rtl`) or left to right. `rtlScript`: the script of right-to-left spaces and
 * punctuation that touch no right-to-left letter (the document's), when the text has none.
 */
export function stretches(text: string, rtl: boolean, rtlScript?: ScriptFont): Stretch[] {
  const chars = [...text];
  const own = chars.map((ch) => classify(ch)).find((c): c is Kind => typeof c === "object" && c.rtl && !!c.script);
  const rtlDefault: Kind = { rtl: true, script: own?.script ?? rtlScript };
  const kinds: (Kind | undefined)[] = [];
  let lastStrong: Kind | undefined;
  for (const ch of chars) {
    const c = classify(ch, rtlDefault);
    if (c === "attached") kinds.push(kinds.length ? kinds.at(-1) : undefined);
    else if (c === "digit") kinds.push(lastStrong && !lastStrong.rtl ? lastStrong : undefined);
    else {
      kinds.push(c);
      if (c) lastStrong = c;
    }
  }
  // Each run of neutral characters: as its neighbours when they agree, else as the paragraph.
  for (let i = 0; i < kinds.length;) {
    if (kinds[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < kinds.length && !kinds[j]) j++;
    const before = kinds[i - 1];
    const after = kinds[j];
    let kind: Kind;
    if (before && after && key(before) === key(after)) kind = before;
    else if (rtl)
      kind =
        before && after && !before.rtl && !after.rtl ? before : before?.rtl ? before : after?.rtl ? after : rtlDefault;
    else kind = before && after && before.rtl && after.rtl ? before : before && !before.rtl ? before : LTR;
    for (let k = i; k < j; k++) kinds[k] = kind;
    i = j;
  }
  const out: Stretch[] = [];
  chars.forEach((ch, i) => {
    const kind = kinds[i] ?? LTR;
    const last = out.at(-1);
    if (last && key(last) === key(kind)) last.text += ch;
    else out.push({ text: ch, ...kind });
  });
  return out;
}

/**
 * A value that reads left to right as a whole (a telephone number, an address) inside a
 * right-to-left paragraph: a left-to-right mark before it when it does not start with a
 * left-to-right letter, so that its digits and spaces stay in their order (`+971 50 123 4567`
 * would otherwise read `4567 123 50 971+`). Text with right-to-left letters is left as it is.
 */
export function leftToRightValue(text: string): string {
  if (stretches(text, false).some((s) => s.rtl)) return text;
  const first = [...text].find((ch) => classify(ch) !== undefined);
  return first && classify(first) === LTR ? text : `${LRM}${text}`;
}

/**
 * A separator between values in a right-to-left paragraph, held to the paragraph's direction by
 * right-to-left marks: two left-to-right values on either side would otherwise join into one
 * left-to-right stretch and read in the opposite order.
 */
export const rtlSeparator = (separator: string) => `${RLM}${separator}${RLM}`;

/** The language of `script` as a run's complex-script language: the document's when it is written in it. */
export function scriptLanguage(script: ScriptFont, documentLanguage: string): string {
  const primary = documentLanguage.toLowerCase().split("-")[0]!;
  const languages = SCRIPT_LANGUAGES[script];
  return languages.includes(primary) ? documentLanguage : languages[0]!;
}

/** Languages written in each script, the most used first. */
const SCRIPT_LANGUAGES: Record<ScriptFont, string[]> = {
  arabic: ["ar", "fa", "ur", "ps", "sd", "ckb", "ug"],
  hebrew: ["he", "yi"],
  devanagari: ["hi", "mr", "ne", "sa", "mai"],
  bengali: ["bn", "as"],
  tamil: ["ta"],
  thai: ["th"],
  lao: ["lo"],
  khmer: ["km"],
};
