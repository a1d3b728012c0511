/**
 * The résumé (and a cover letter) as Markdown or plain text, for pasting into application forms: the same values in
 * the same order as the PDF (the theme's reading order), with the inline markup kept (Markdown)
 * or removed (text).
 */
import { plainText } from "../model/markup.js";
import type { LetterModel } from "../model/letter.js";
import type { Entry, Section, ViewModel } from "../model/normalize.js";
import { inlineRows, layoutSections } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

const clean = (s: string) => s.replace(/\u00A0/g, " ");
const join = (parts: (string | undefined)[], sep: string) => parts.filter(Boolean).join(sep);

interface Style {
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

const markdown: Style = {
  heading: (sec) => `## ${sec.title}`,
  entryTitle: (e) => {
    const title = join([e.title ? (e.titleHref ? `[${e.title}](${e.titleHref})` : e.title) : undefined, e.date], " — ");
    return title ? `### ${title}` : "";
  },
  subtitle: (t) => `*${t}*`,
  bullet: (t) => `- ${t}`,
  label: (t) => `**${t}**`,
  rich: (t) => t,
  row: (label, value) => (label && value ? `- **${label}:** ${value}` : label ? `- **${label}**` : `- ${value}`),
  paragraphs: true,
  header: (vm) => [
    `# ${vm.name}`,
    ...(vm.label ? ["", vm.label] : []),
    ...(vm.contacts.length ? ["", vm.contacts.map((c) => (c.href ? `[${c.text}](${c.href})` : c.text)).join(" · ")] : []),
  ],
};

const text: Style = {
  heading: (sec) => sec.caps,
  entryTitle: (e) => join([e.title, e.date], " — "),
  subtitle: (t) => t,
  bullet: (t) => `• ${t}`,
  label: (t) => t,
  rich: plainText,
  row: (label, value) => (label && value ? `${label}: ${value}` : label || value),
  paragraphs: false,
  header: (vm) => [vm.name, ...(vm.label ? [vm.label] : []), ...(vm.contacts.length ? [vm.contacts.map((c) => c.text).join(" | ")] : [])],
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
      if (sec.inline) out.push(inlineRows(sec.rows));
      else for (const r of sec.rows) out.push(st.row(r.label, r.value));
      break;
    case "entries":
      sec.entries.forEach((e, i) => {
        if (i > 0) out.push("");
        const gap = () => void (st.paragraphs && out.push(""));
        const title = st.entryTitle(e);
        if (title) out.push(title);
        const second = join([e.subtitle ? st.subtitle(e.subtitle) : undefined, e.location], " — ");
        const lines = [second, e.note ? st.subtitle(e.note) : "", e.summary ? st.rich(e.summary) : ""].filter(Boolean);
        for (const line of lines) {
          if (out.at(-1) !== "" && st.paragraphs) gap();
          out.push(line);
        }
        if (e.bullets.length && st.paragraphs) gap();
        for (const b of e.bullets) out.push(st.bullet(st.rich(b)));
        if (e.details.length && st.paragraphs) gap();
        for (const d of e.details) out.push(st.paragraphs ? `- ${st.label(`${d.label}:`)} ${d.value}` : `${d.label}: ${d.value}`);
      });
      break;
  }
  return out;
}

function render(vm: ViewModel, tokens: ThemeTokens, st: Style): string {
  const { side, main } = layoutSections(vm, tokens);
  const lines = [...st.header(vm), ...[...side, ...main].flatMap((s) => section(s, st))];
  // Sections add their own blank lines; collapse the runs that meet at section edges.
  return `${clean(lines.join("\n")).replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

export const toMarkdown = (vm: ViewModel, tokens: ThemeTokens) => render(vm, tokens, markdown);
export const toText = (vm: ViewModel, tokens: ThemeTokens) => render(vm, tokens, text);

/** A cover letter under the résumé's header, as Markdown or text, in the order its PDF prints it. */
function renderLetter(l: LetterModel, st: Style): string {
  const md = st === markdown;
  // Markdown keeps a line break inside a paragraph with two trailing spaces.
  const lines = (list: string[]) => list.map((t, i) => (md && i < list.length - 1 ? `${t}  ` : t));
  const out = [
    ...st.header(l.vm),
    "",
    l.date,
    ...(l.to.length ? ["", ...lines(l.to)] : []),
    ...(l.subject ? ["", md ? `**${l.subject}**` : l.subject] : []),
    ...(l.greeting ? ["", l.greeting] : []),
    ...l.body.flatMap((p) => ["", st.rich(p)]),
    "",
    ...lines([...(l.closing ? [l.closing] : []), l.signature]),
  ];
  return `${clean(out.join("\n"))}\n`;
}

export const letterToMarkdown = (l: LetterModel) => renderLetter(l, markdown);
export const letterToText = (l: LetterModel) => renderLetter(l, text);
