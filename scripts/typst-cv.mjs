/**
 * The comparison for `npm run bench`: a JSON Resume document as Typst source in the manner of
 * RenderCV's "classic" theme (New Computer Modern 10 pt, the name 30 pt bold and centred, a
 * contact line, bold section titles over a 0.5 pt rule, entries as a bold title with a right-aligned
 * date column, bulleted highlights; A4, 2 cm margins), so that Typst sets the same words the
 * builder does. Only the fonts built into Typst are used.
 *   toTypst(doc) → Typst source
 *   node scripts/typst-cv.mjs COMPILER IN.typ OUT.pdf   one cold compile, with the
 *     @myriaddreamin/typst-ts-node-compiler package found at COMPILER (the bench installs it)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ---------- escaping ----------
// Markup escape: every character that can start markup/code/shorthand gets a backslash.
// (Quotes are left alone so Typst's smart quotes apply; `\` + any such char is a literal.)
const MARKUP_SPECIAL = /[\\#$*_@<>[\]`~/=\-+.:'"]/g;
export const esc = (s) =>
  String(s ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(MARKUP_SPECIAL, (c) => (c === "'" || c === '"' ? c : "\\" + c))
    .replace(/\n/g, " ");
// String literal for code mode.
export const str = (s) =>
  '"' +
  String(s ?? "")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t") +
  '"';

// Minimal inline Markdown (as RenderCV/JSON Resume texts use it): **bold**, *italic*, [text](url).
export function md(s) {
  s = String(s ?? "");
  let out = "";
  const re = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m; (m = re.exec(s));) {
    out += esc(s.slice(last, m.index));
    if (m[1] !== undefined) out += `#strong[${md(m[1])}]`;
    else if (m[2] !== undefined) out += `#emph[${md(m[2])}]`;
    else out += `#link(${str(m[4])})[${md(m[3])}]`;
    last = re.lastIndex;
  }
  return out + esc(s.slice(last));
}
// Paragraphs (blank-line separated) of inline Markdown.
const paras = (s) =>
  String(s ?? "")
    .split(/\n\s*\n/)
    .map((p) => md(p.trim()))
    .filter(Boolean)
    .join("\n\n");

// ---------- small helpers ----------
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function fmtDate(d) {
  if (d == null || d === "") return "";
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(String(d));
  if (!m) return String(d);
  return m[2] ? `${MONTHS[+m[2] - 1]} ${m[1]}` : m[1];
}
function range(start, end, single) {
  if (single) return esc(fmtDate(single));
  if (!start && !end) return "";
  if (!start) return esc(fmtDate(end));
  return `${esc(fmtDate(start))} – ${end ? esc(fmtDate(end)) : "Present"}`;
}
const bare = (u) =>
  String(u ?? "")
    .replace(/^https?:\/\//, "")
    .replace(/\/$/, "");
const lnk = (u, text) => (u ? `#link(${str(u)})[${esc(text ?? bare(u))}]` : "");
const loc = (l) =>
  !l ? "" : typeof l === "string" ? l : [l.address, l.city, l.region, l.countryCode].filter(Boolean).join(", ");
const join = (parts, sep = ", ") => parts.filter((p) => p != null && p !== "").join(sep);
const bullets = (hs) => (Array.isArray(hs) && hs.length ? `#hl((${hs.map((h) => `[${md(h)}]`).join(", ")},))` : "");

// entry(title, right, sub, subRight, body): two-column head rows, then body (already markup)
function entry({ title, date = "", sub = "", where = "", lines = [], highlights }) {
  const rows = [`[${title}]`, `[${date}]`];
  if (sub || where) rows.push(`[${sub}]`, `[${where}]`);
  const extra = lines
    .filter(Boolean)
    .map((l) => `#par[${l}]`)
    .join("\n");
  return `#entry((${rows.join(", ")}))[${extra ? "\n" + extra : ""}${highlights ? "\n" + bullets(highlights) : ""}\n]`;
}

// ---------- sections ----------
const SECTIONS = {
  summary: (d) => (d.basics?.summary ? ["Summary", paras(d.basics.summary)] : null),
  work: (d) => [
    "Experience",
    d.work.map((w) =>
      entry({
        title: `*${esc(w.name ?? w.company)}*`,
        date: range(w.startDate, w.endDate),
        sub: esc(w.position),
        where: esc(loc(w.location)),
        lines: [w.summary ? md(w.summary) : "", w.url ? lnk(w.url) : ""],
        highlights: w.highlights,
      }),
    ),
  ],
  volunteer: (d) => [
    "Volunteering",
    d.volunteer.map((v) =>
      entry({
        title: `*${esc(v.organization)}*`,
        date: range(v.startDate, v.endDate),
        sub: esc(v.position),
        lines: [md(v.summary)],
        highlights: v.highlights,
      }),
    ),
  ],
  education: (d) => [
    "Education",
    d.education.map((e) =>
      entry({
        title: `*${esc(e.institution)}*`,
        date: range(e.startDate, e.endDate),
        sub: esc(join([e.studyType, e.area], " in ")),
        where: esc(loc(e.location)),
        lines: [
          e.score ? `GPA: ${esc(e.score)}` : "",
          e.courses?.length ? `Courses: ${esc(e.courses.join(", "))}` : "",
        ],
        highlights: e.highlights,
      }),
    ),
  ],
  awards: (d) => [
    "Awards",
    d.awards.map((a) =>
      entry({
        title: `*${esc(a.title)}*`,
        date: range(null, null, a.date),
        sub: esc(a.awarder),
        lines: [md(a.summary)],
      }),
    ),
  ],
  certificates: (d) => [
    "Certificates",
    d.certificates.map((c) =>
      entry({
        title: `*${esc(c.name)}*`,
        date: range(null, null, c.date),
        sub: esc(c.issuer),
        lines: [c.url ? lnk(c.url) : ""],
      }),
    ),
  ],
  publications: (d) => [
    "Publications",
    d.publications.map((p) =>
      entry({
        title: `*${esc(p.name)}*`,
        date: range(null, null, p.releaseDate),
        lines: [
          md(p.summary),
          join([p.url ? lnk(p.url) : "", esc(p.publisher)], " (") + (p.url && p.publisher ? ")" : ""),
        ],
      }),
    ),
  ],
  skills: (d) => [
    "Skills",
    d.skills.map((s) => `#skill[${esc(s.name)}][${esc(join([s.level, (s.keywords ?? []).join(", ")], ": "))}]`),
  ],
  languages: (d) => ["Languages", d.languages.map((l) => `#skill[${esc(l.language)}][${esc(l.fluency)}]`)],
  interests: (d) => [
    "Interests",
    d.interests.map((i) => `#skill[${esc(i.name)}][${esc((i.keywords ?? []).join(", "))}]`),
  ],
  references: (d) => [
    "References",
    d.references.map((r) => entry({ title: `*${esc(r.name)}*`, lines: [md(r.reference)] })),
  ],
  projects: (d) => [
    "Projects",
    d.projects.map((p) =>
      entry({
        title: `*${esc(p.name)}*`,
        date: range(p.startDate, p.endDate ?? (p.startDate ? null : undefined)),
        where: p.url ? lnk(p.url) : "",
        lines: [md(p.description)],
        highlights: p.highlights,
      }),
    ),
  ],
};
const DEFAULT_ORDER = [
  "summary",
  "work",
  "volunteer",
  "education",
  "awards",
  "certificates",
  "publications",
  "skills",
  "languages",
  "interests",
  "references",
  "projects",
];

function customSection(c) {
  const body = [c.summary ? paras(c.summary) : "", c.highlights?.length ? bullets(c.highlights) : ""]
    .filter(Boolean)
    .join("\n\n");
  return [esc(c.title ?? c.id), [body]];
}

const PREAMBLE = `#set document(title: TITLE, author: AUTHOR)
#set page(paper: "a4", margin: 2cm)
#set text(font: "New Computer Modern", size: 10pt, lang: "en", fallback: false)
#set par(justify: true, leading: 0.6em, spacing: 0.6em)
#show link: it => underline(text(fill: rgb(0, 79, 144), it))
#let datecol = 4.15cm
#let section(title) = block(above: 0.5cm, below: 0.3cm, sticky: true, width: 100%)[
  #text(size: 1.4em, weight: "bold")[#title]
  #v(-0.55em)
  #line(length: 100%, stroke: 0.5pt)
]
#let entry(cells, body) = block(above: 1.2em, below: 0pt, width: 100%, inset: (x: 0.2cm))[
  #grid(columns: (1fr, datecol), column-gutter: 0.1cm, row-gutter: 0.6em,
    ..cells.enumerate().map(((i, c)) => if calc.odd(i) { align(right, c) } else { c }))
  #body
]
#let hl(items) = list(tight: true, marker: [•], body-indent: 0.5em, ..items)
#let skill(name, kw) = block(above: 0.6em, below: 0pt, inset: (x: 0.2cm))[*#name:* #kw]
`;

export function toTypst(doc) {
  const b = doc.basics ?? {};
  const out = [PREAMBLE.replace("TITLE", str(`${b.name ?? "CV"} CV`)).replace("AUTHOR", str(b.name ?? ""))];
  // header
  out.push(`#align(center)[#text(size: 30pt, weight: "bold")[${esc(b.name)}]]`);
  if (b.label) out.push(`#align(center)[${esc(b.label)}]`);
  const contacts = [
    loc(b.location) ? esc(loc(b.location)) : "",
    b.email ? `#link(${str("mailto:" + b.email)})[${esc(b.email)}]` : "",
    b.phone ? `#link(${str("tel:" + String(b.phone).replace(/[^\d+]/g, ""))})[${esc(b.phone)}]` : "",
    b.url ? lnk(b.url) : "",
    ...(b.profiles ?? []).map((p) => (p.url ? lnk(p.url) : esc(join([p.network, p.username], ": ")))),
  ]
    .filter(Boolean)
    .map((c) => `#box[${c}]`);
  out.push(
    `#v(0.7cm, weak: true)\n#align(center, par(justify: false)[${contacts.join(" #h(0.2cm)|#h(0.2cm) ")}])\n#v(0.4cm)`,
  );

  // sections, in render.order if given (ids: JSON Resume keys or custom section ids), then the rest
  const customs = new Map((doc.customSections ?? []).map((c) => [c.id ?? c.title, c]));
  const present = (k) =>
    k === "summary"
      ? Boolean(b.summary)
      : customs.has(k)
        ? true
        : Array.isArray(doc[k]) && doc[k].length > 0 && SECTIONS[k];
  const order = [...(doc.render?.order ?? []), ...DEFAULT_ORDER, ...customs.keys()];
  const seen = new Set();
  for (const k of order) {
    if (seen.has(k) || !present(k)) continue;
    seen.add(k);
    const [title, items] = customs.has(k) ? customSection(customs.get(k)) : SECTIONS[k](doc);
    out.push(`#section[${title}]`);
    out.push(Array.isArray(items) ? items.join("\n") : items);
  }
  return out.join("\n") + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [compiler, file, out] = process.argv.slice(2);
  if (!compiler || !file || !out) {
    console.error("usage: node scripts/typst-cv.mjs COMPILER IN.typ OUT.pdf");
    process.exit(2);
  }
  const { NodeCompiler } = createRequire(import.meta.url)(compiler);
  const typst = NodeCompiler.create({ workspace: path.dirname(path.resolve(file)) });
  writeFileSync(out, typst.pdf({ mainFileContent: readFileSync(file, "utf8") }, { creationTimestamp: 1767225600 }));
}
