/**
 * The résumé (and a cover letter) as Markdown or plain text, for pasting into application forms: the same values in
 * the same order as the PDF (the theme's reading order), with the inline markup kept (Markdown)
 * or removed (text).
 */
import { parseMarkup, plainText } from "../model/markup.js";
import type { LetterModel } from "../model/letter.js";
import type { Entry, Section, ViewModel } from "../model/view-model.js";
import { inlineRows, layoutSections } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

const clean = (s: string) => s.replace(/\u00A0/g, " ");
const join = (parts: (string | undefined)[], sep: string) => parts.filter(Boolean).join(sep);

/**
 * A value as Markdown text that CommonMark and GitHub's Markdown show exactly as written: no link,
 * image, HTML, heading, list, quote, table, emphasis or code made of it. Inline metacharacters are
 * escaped everywhere (a final `!`, which would make an image of a link after it); what starts a block (`#`, `>`, `-`,
 * `1.`, `===`) only where it would start
 * a line, at the start of a value and after each of its line breaks. An address in running text
 * is not linked by GFM's autolinks (`\://`, `www\.`).
 */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_[\]<|~]|!$/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    .replace(/:\/\//g, "\\://")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/@/g, "\\@")
    .replace(/(^|\n)([ \t]*)([#>+=-]|\d{1,9}(?=[.)]))/g, (_, nl: string, sp: string, mark: string) =>
      /\d/.test(mark) ? `${nl}${sp}${mark}\\` : `${nl}${sp}\\${mark}`,
    );
}

/** A link target inside Markdown's `(...)`: what could end it or be read as markup, percent-encoded. */
export function mdUrl(url: string): string {
  return url.replace(/[\s()<>\\`"'[\]*_|~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const mdLink = (text: string, href: string | undefined) => (href ? `[${mdText(text)}](${mdUrl(href)})` : mdText(text));

/** Inline markup (bold, italic, links the markup allows) as Markdown, every run's text escaped. */
function mdRich(src: string): string {
  return parseMarkup(src)
    .map((r) => {
      let t = r.href ? `[${mdText(r.text)}](${mdUrl(r.href)})` : mdText(r.text);
      // Emphasis must touch its text: spaces go outside the markers.
      const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t) ?? [];
      if (!core) return t;
      const mark = r.bold && r.italic ? "***" : r.bold ? "**" : r.italic ? "*" : "";
      t = `${lead}${mark}${core}${mark}${trail}`;
      return t;
    })
    .join("");
}

interface Style {
  /** A plain value as the format writes it. */
  esc(text: string): string;
  heading(sec: Section): string;
  entryTitle(e: Entry): string;
  subtitle(text: string): string;
  bullet(text: string): string;
  label(text: string): string;
  rich(text: string): string;
  header(vm: ViewModel): string[];
  /** Rows (skills) as list items; Markdown would run plain lines together. */
  row(label: string, value: string): string;
  /** Lines of an entry are separate paragraphs (Markdown) or just lines (text). */
  paragraphs: boolean;
}

/** Every value through `esc` (or `rich`); the Markdown style escapes, see mdText. */
const markdown: Style = {
  esc: mdText,
  heading: (sec) => `## ${mdText(sec.title)}`,
  entryTitle: (e) => {
    const title = join(
      [e.title ? mdLink(e.title, e.titleHref) : undefined, e.date ? mdLink(e.date, e.dateHref) : undefined],
      " — ",
    );
    return title ? `### ${title}` : "";
  },
  subtitle: (t) => `*${t}*`,
  bullet: (t) => `- ${t}`,
  label: (t) => `**${t}**`,
  rich: mdRich,
  row: (label, value) =>
    label && value
      ? `- **${mdText(label)}:** ${mdText(value)}`
      : label
        ? `- **${mdText(label)}**`
        : `- ${mdText(value)}`,
  paragraphs: true,
  header: (vm) => [
    `# ${mdText(vm.name)}`,
    ...(vm.label ? ["", mdText(vm.label)] : []),
    ...(vm.contacts.length ? ["", vm.contacts.map((c) => mdLink(c.text, c.href)).join(" · ")] : []),
  ],
};

const text: Style = {
  esc: (t) => t,
  heading: (sec) => sec.caps,
  entryTitle: (e) => join([e.title, e.date], " — "),
  subtitle: (t) => t,
  bullet: (t) => `• ${t}`,
  label: (t) => t,
  rich: plainText,
  row: (label, value) => (label && value ? `${label}: ${value}` : label || value),
  paragraphs: false,
  header: (vm) => [
    vm.name,
    ...(vm.label ? [vm.label] : []),
    ...(vm.contacts.length ? [vm.contacts.map((c) => c.text).join(" | ")] : []),
  ],
};

function section(sec: Section, st: Style): string[] {
  const out = ["", st.heading(sec), ""];
  switch (sec.kind) {
    case "text":
      if (sec.paragraph) out.push(st.rich(sec.paragraph));
      if (sec.paragraph && sec.bullets.length) out.push("");
      for (const b of sec.bullets) out.push(st.bullet(st.rich(b)));
      break;
    case "rows":
      if (sec.inline) out.push(st.esc(inlineRows(sec.rows)));
      else for (const r of sec.rows) out.push(st.row(r.label, r.value));
      break;
    case "entries":
      sec.entries.forEach((e, i) => {
        if (i > 0) out.push("");
        const gap = () => void (st.paragraphs && out.push(""));
        const title = st.entryTitle(e);
        if (title) out.push(title);
        const location =
          e.location === undefined ? undefined : st === markdown ? mdLink(e.location, e.locationHref) : e.location;
        const second = join([e.subtitle ? st.subtitle(st.esc(e.subtitle)) : undefined, location], " — ");
        const lines = [second, e.note ? st.subtitle(st.esc(e.note)) : "", e.summary ? st.rich(e.summary) : ""].filter(
          Boolean,
        );
        for (const line of lines) {
          if (out.at(-1) !== "" && st.paragraphs) gap();
          out.push(line);
        }
        if (e.bullets.length && st.paragraphs) gap();
        for (const b of e.bullets) out.push(st.bullet(st.rich(b)));
        if (e.details.length && st.paragraphs) gap();
        for (const d of e.details)
          out.push(
            st.paragraphs
              ? `- ${st.label(`${mdText(d.label)}:`)} ${mdLink(d.value, d.href)}`
              : `${d.label}: ${d.value}`,
          );
      });
      break;
  }
  return out;
}

function render(vm: ViewModel, tokens: ThemeTokens, st: Style): string {
  const { side, main } = layoutSections(vm, tokens);
  const lines = [...st.header(vm), ...[...side, ...main].flatMap((s) => section(s, st))];
  // Sections add their own blank lines; collapse the runs that meet at section edges.
  return `${clean(lines.join("\n"))
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

export const toMarkdown = (vm: ViewModel, tokens: ThemeTokens) => render(vm, tokens, markdown);
export const toText = (vm: ViewModel, tokens: ThemeTokens) => render(vm, tokens, text);

/** A cover letter under the résumé's header, as Markdown or text, in the order its PDF prints it. */
function renderLetter(l: LetterModel, st: Style): string {
  const md = st === markdown;
  // Markdown keeps a line break inside a paragraph with two trailing spaces.
  const lines = (list: string[]) => list.map((t, i) => (md && i < list.length - 1 ? `${t}  ` : t));
  const e = st.esc;
  const out = [
    ...st.header(l.vm),
    "",
    e(l.date),
    ...(l.to.length ? ["", ...lines(l.to.map(e))] : []),
    ...(l.subject ? ["", md ? `**${e(l.subject)}**` : l.subject] : []),
    ...(l.greeting ? ["", e(l.greeting)] : []),
    ...l.body.flatMap((p) => ["", st.rich(p)]),
    "",
    ...lines([...(l.closing ? [e(l.closing)] : []), e(l.signature)]),
  ];
  return `${clean(out.join("\n"))}\n`;
}

export const letterToMarkdown = (l: LetterModel) => renderLetter(l, markdown);
export const letterToText = (l: LetterModel) => renderLetter(l, text);
