/**
 * Inline markup in summaries and bullets: `**bold**`, `*italic*` and `[text](https://…)`.
 * A marker without its partner, or a link that may not be one (common/links.ts: anything but
 * http(s), mailto and tel, or an address with a user name before its host), stays literal text;
 * a backslash makes the next marker literal (`\*`).
 */
import { linkRefusal } from "../common/links.js";

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  href?: string;
}

const LINK = /^\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:|tel:)[^)\s]+)\)/;
const linkAt = (src: string) => {
  const m = LINK.exec(src);
  return m && linkRefusal(m[2]!) === undefined ? m : null;
};

/** Whether a closing `*` (not part of `**`) follows position `from`. */
function hasClosingStar(src: string, from: number): boolean {
  for (let k = from; k < src.length; k++) {
    if (src[k] === "\\") k++;
    else if (src[k] === "*" && src[k + 1] !== "*" && src[k - 1] !== "*" && src[k - 1] !== " ") return true;
  }
  return false;
}

export function parseMarkup(src: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buf = "";
  const flush = () => {
    if (buf) runs.push({ text: buf, bold, italic });
    buf = "";
  };
  for (let i = 0; i < src.length;) {
    const ch = src[i]!;
    if (ch === "\\" && i + 1 < src.length && "*[]()\\".includes(src[i + 1]!)) {
      buf += src[i + 1];
      i += 2;
    } else if (src.startsWith("**", i) && (bold || (src[i + 2] !== " " && src.indexOf("**", i + 3) > 0))) {
      flush();
      bold = !bold;
      i += 2;
    } else if (ch === "*" && (italic || (src[i + 1] !== " " && hasClosingStar(src, i + 2)))) {
      flush();
      italic = !italic;
      i += 1;
    } else if (ch === "[" && linkAt(src.slice(i))) {
      const m = linkAt(src.slice(i))!;
      flush();
      runs.push({ text: m[1]!, bold, italic, href: m[2]! });
      i += m[0].length;
    } else {
      buf += ch;
      i += 1;
    }
  }
  flush();
  return runs;
}

/** The text a reader sees: markup removed. */
export function plainText(src: string): string {
  return parseMarkup(src)
    .map((r) => r.text)
    .join("");
}
