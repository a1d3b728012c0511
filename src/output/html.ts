/**
 * The résumé (and a cover letter) as one self-contained, accessible web page: semantic HTML
 * (`header`/`h1`, `address`, `section`/`h2`, `ul`/`li`, `time`, `a`), styled from the theme's
 * tokens, images inlined as data: URIs, a print stylesheet that sets the PDF's paper and margins,
 * and schema.org `Person` data as JSON-LD. No script runs and nothing is fetched: the page's
 * Content-Security-Policy allows its own style and inline images only. The values and their order
 * are the PDF's (the theme's reading order, as in Markdown and text).
 */
import { createHash } from "node:crypto";
import { PAPER_SIZES } from "../common/ids.js";
import { VERSION } from "../common/version.js";
import type { Resume } from "../input/schema.js";
import type { LetterModel } from "../model/letter.js";
import { parseMarkup } from "../model/markup.js";
import type { Entry, Link, Section, ViewModel } from "../model/view-model.js";
import { inlineRows, layoutSections } from "../render/themes/reading.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

/** Text as HTML: the five characters that could start markup or end an attribute, escaped. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An address a page may link to: the schemes the PDF links (http, https, mailto, tel). */
const linkable = (href: string | undefined) => (href && /^(https?:|mailto:|tel:)/i.test(href) ? href : undefined);

/** A link, when its address may be one. */
const a = (text: string, href: string | undefined) => (linkable(href) ? `<a href="${esc(href!)}">${text}</a>` : text);

/** Inline markup (bold, italic, the links it allows) as HTML. */
function rich(src: string): string {
  return parseMarkup(src)
    .map((r) => {
      let t = esc(r.text);
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      return a(t, r.href);
    })
    .join("");
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const time = (text: string, iso: string | undefined) =>
  iso && ISO_DATE.test(iso) ? `<time datetime="${iso}">${esc(text)}</time>` : esc(text);

/** An entry's dates, each end a `time` the page's readers can take as a date. */
function dates(e: Entry): string {
  if (e.date === undefined) return "";
  const w = e.when;
  const text = a(esc(e.date), e.dateHref);
  if (!w || e.dateHref) return text;
  const parts = e.date.split("\u00A0\u2013 ");
  if (parts.length === 2) return `${time(parts[0]!, w.from)}\u00A0\u2013 ${time(parts[1]!, w.to)}`;
  return parts.length === 1 ? time(e.date, w.from ?? w.to) : text;
}

/** A picture as a data: URI, drawn at `size` points on its longer side. */
function img(
  image: { data: Buffer; format: "png" | "jpg"; width: number; height: number },
  alt: string,
  cls: string,
  size: number,
) {
  const scale = size / Math.max(image.width, image.height);
  const mime = image.format === "png" ? "image/png" : "image/jpeg";
  return `<img class="${cls}" src="data:${mime};base64,${image.data.toString("base64")}" alt="${esc(alt)}" width="${Math.round(image.width * scale)}" height="${Math.round(image.height * scale)}">`;
}

function entry(e: Entry, k: ThemeTokens): string {
  const out: string[] = [];
  const title = e.title ? `<h3>${a(esc(e.title), e.titleHref)}</h3>` : "";
  const when = e.date === undefined ? "" : `<p class="dates">${dates(e)}</p>`;
  // The title, then its dates, as every reader takes them (a dates column is drawn first by its style).
  out.push(`<div class="head">${title}${when}</div>`);
  if (e.subtitle || e.location)
    out.push(
      `<div class="sub">${e.subtitle ? `<p class="role">${esc(e.subtitle)}</p>` : ""}${
        e.location ? `<p class="place">${a(esc(e.location), e.locationHref)}</p>` : ""
      }</div>`,
    );
  if (e.note) out.push(`<p class="note">${esc(e.note)}</p>`);
  if (e.summary) out.push(`<p>${rich(e.summary)}</p>`);
  if (e.bullets.length) out.push(`<ul>${e.bullets.map((b) => `<li>${rich(b)}</li>`).join("")}</ul>`);
  for (const d of e.details)
    out.push(`<p class="detail"><span class="label">${esc(d.label)}:</span> ${a(esc(d.value), d.href)}</p>`);
  if (e.badge) out.push(`<p class="badge">${a(img(e.badge, e.badge.alt, "badge", k.badge), e.badge.href)}</p>`);
  return `<article class="entry">${out.join("")}</article>`;
}

function section(sec: Section, k: ThemeTokens): string {
  const id = `s-${sec.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const body: string[] = [];
  switch (sec.kind) {
    case "text":
      if (sec.paragraph) body.push(`<p>${rich(sec.paragraph)}</p>`);
      if (sec.bullets.length) body.push(`<ul>${sec.bullets.map((b) => `<li>${rich(b)}</li>`).join("")}</ul>`);
      break;
    case "rows":
      if (sec.inline) body.push(`<p>${esc(inlineRows(sec.rows))}</p>`);
      else
        body.push(
          `<ul class="rows">${sec.rows
            .map((r) =>
              r.label && r.value
                ? `<li><strong>${esc(r.label)}:</strong> ${esc(r.value)}</li>`
                : `<li>${r.label ? `<strong>${esc(r.label)}</strong>` : esc(r.value)}</li>`,
            )
            .join("")}</ul>`,
        );
      break;
    case "entries":
      body.push(...sec.entries.map((e) => entry(e, k)));
      break;
  }
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(sec.title)}</h2>${body.join("")}</section>`;
}

function header(vm: ViewModel, k: ThemeTokens): string {
  const contacts = vm.contacts.map((c: Link) => `<li>${a(esc(c.text), c.href)}</li>`).join("");
  return `<header>${vm.photo ? img(vm.photo, vm.photo.alt, "photo", k.photo) : ""}<div class="who"><h1>${esc(vm.name)}</h1>${
    vm.label ? `<p class="label">${esc(vm.label)}</p>` : ""
  }</div>${contacts ? `<address><ul class="contacts">${contacts}</ul></address>` : ""}</header>`;
}

const generic = (family: string) => (/serif|garamond/i.test(family) && !/sans/i.test(family) ? "serif" : "sans-serif");
const stack = (family: string) =>
  `"${family}", ${generic(family) === "serif" ? 'Georgia, "Times New Roman"' : '"Helvetica Neue", Arial'}, ${generic(family)}`;
const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;

/** The page's style: the theme's tokens as CSS, on screen as a sheet of its paper, and in print. */
function css(vm: ViewModel, k: ThemeTokens, side: boolean): string {
  const { width } = PAPER_SIZES[vm.paper];
  const m = k.margin;
  const title = k.sectionTitle;
  const decoration =
    title.decoration === "rule"
      ? `border-bottom: 0.75pt solid var(--rule); padding-bottom: 2pt;`
      : title.decoration === "bar"
        ? `border-inline-start: 3pt solid var(--accent); padding-inline-start: 5pt;`
        : "";
  const sideWidth = "32%";
  return `:root{--text:${k.color.text};--muted:${k.color.muted};--accent:${k.color.accent};--rule:${k.color.rule};--link:${k.color.link};--name:${k.color.name};--title:${k.color.title};--place:${k.color.place}}
*{box-sizing:border-box}
html{background:#e8e8e8}
body{margin:0;color:var(--text);font-family:${stack(k.font.body)};font-size:${pt(k.size.body)};line-height:${k.leading}}
main{background:#fff;max-width:${pt(width)};margin:16pt auto;padding:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)};box-shadow:0 1px 4px rgba(0,0,0,.25)}
${
  side
    ? `main{display:grid;grid-template-columns:${k.sidebar.side === "left" ? `${sideWidth} 1fr` : `1fr ${sideWidth}`};column-gap:18pt;align-items:start}
main>header{grid-column:1/-1}
main>.side{grid-column:${k.sidebar.side === "left" ? 1 : 2};grid-row:2}
main>.body{grid-column:${k.sidebar.side === "left" ? 2 : 1};grid-row:2}`
    : ""
}
h1,h2,h3,p,ul{margin:0}
a{color:var(--link);text-decoration:none}
a:hover,a:focus{text-decoration:underline}
a[href^="tel:"]{white-space:nowrap}
p a,li a{text-decoration:underline;text-decoration-thickness:.5pt;text-underline-offset:1.5pt}
.contacts a,.dates a,.place a{text-decoration:none}
header{margin-bottom:${pt(k.space.header)};text-align:${k.header.align === "center" ? "center" : "start"}${k.header.align === "split" ? ";display:flex;justify-content:space-between;align-items:flex-end;gap:12pt" : ""}}
.photo{border-radius:50%;float:inline-end;margin-inline-start:12pt}
h1{font-family:${stack(k.font.heading)};font-size:${pt(k.size.name)};font-weight:${k.header.nameWeight};letter-spacing:${pt(k.header.nameLetterSpacing)};color:var(--name);line-height:1.15}
header .label{font-size:${pt(k.size.label)};color:var(--muted)}
.contacts{list-style:none;padding:0;margin-top:4pt;font-size:${pt(k.size.small)};color:var(--muted);display:flex;flex-wrap:wrap;gap:2pt 12pt;${k.header.align === "center" ? "justify-content:center" : ""}}
address{font-style:normal}
${k.header.align === "split" ? "header .who{flex:1 1 50%}header address{flex:0 1 50%}header .contacts{justify-content:flex-end}" : ""}
section{margin-top:${pt(k.space.section)}}
h2{font-family:${stack(k.font.heading)};font-size:${pt(k.size.section)};font-weight:${title.weight};letter-spacing:${pt(title.letterSpacing)};color:var(--title);margin-bottom:${pt(k.space.title)};${title.uppercase ? "text-transform:uppercase;" : ""}${decoration}}
.entry{margin-top:${pt(k.space.entry)}}
.entry:first-of-type{margin-top:0}
.head,.sub{display:flex;justify-content:space-between;gap:8pt;align-items:baseline}
h3{font-size:1em;font-weight:${k.entry.titleWeight}}
.dates{white-space:nowrap;color:var(--muted)}
${k.entry.dates === "column" ? `.head{justify-content:flex-start}.head .dates{order:-1;flex:0 0 ${pt(k.entry.columnWidth)}}.sub,.entry>p,.entry>ul{margin-inline-start:calc(${pt(k.entry.columnWidth)} + 8pt)}` : ""}
.role{font-style:${k.entry.subtitleItalic ? "italic" : "normal"}}
.place{color:var(--place);font-style:italic;text-align:end}
.note{font-style:italic;color:var(--muted)}
ul{padding-inline-start:1.2em}
li::marker{content:"${k.entry.bullet.replace(/["\\]/g, "\\$&")}  "}
.rows,.contacts{list-style:none;padding:0}
.rows li::marker,.contacts li::marker{content:none}
.detail{font-size:${pt(k.size.small)}}
.label{font-weight:600}
header .label{font-weight:normal}
.badge{margin-top:4pt}
.letter>p{margin-top:10pt}
@page{size:${vm.paper === "letter" ? "letter" : "A4"};margin:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}}
@media print{html{background:none}main{max-width:none;margin:0;padding:0;box-shadow:none}a{color:inherit}.entry{break-inside:avoid}h2{break-after:avoid}}
@media (max-width:40em){main{display:block;margin:0;padding:16pt}.head,.sub{flex-wrap:wrap}}`;
}

/** schema.org's Person, from the résumé as validated: what search engines and tools read. */
function person(r: Resume, vm: ViewModel): Record<string, unknown> {
  const b = r.basics;
  const loc = b.location;
  const current = (r.work ?? [])
    .filter((w) => w.name && !w.endDate)
    .map((w) => ({ "@type": "Organization", name: w.name }));
  const schools = (r.education ?? [])
    .filter((e) => e.institution)
    .map((e) => ({ "@type": "EducationalOrganization", name: e.institution }));
  const skills = [
    ...new Set((r.skills ?? []).flatMap((s) => (s.keywords?.length ? s.keywords : [s.name])).filter(Boolean)),
  ];
  const languages = (r.languages ?? []).map((l) => l.language).filter(Boolean);
  const address =
    loc && (loc.city || loc.region || loc.countryCode)
      ? {
          "@type": "PostalAddress",
          addressLocality: loc.city || undefined,
          addressRegion: loc.region || undefined,
          addressCountry: loc.countryCode || undefined,
        }
      : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: vm.name,
    jobTitle: vm.label,
    email: b.email ? `mailto:${b.email}` : undefined,
    telephone: b.phone || undefined,
    url: b.url || undefined,
    address,
    sameAs: (b.profiles ?? []).map((p) => p.url).filter(Boolean),
    worksFor: current.length ? current : undefined,
    alumniOf: schools.length ? schools : undefined,
    knowsAbout: skills.length ? skills : undefined,
    knowsLanguage: languages.length ? languages : undefined,
    description: b.summary || undefined,
  };
}

/** JSON inside a script element: nothing in it can close the element or start a comment. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (Array.isArray(x) && x.length === 0 ? undefined : x))
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

function page(vm: ViewModel, k: ThemeTokens, body: string, side: boolean, jsonLd?: unknown): string {
  const style = css(vm, k, side);
  const hash = createHash("sha256").update(style).digest("base64");
  const meta = vm.metadata;
  return `<!DOCTYPE html>
<html lang="${esc(meta.language)}" dir="${vm.direction}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-${hash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title>
<meta name="author" content="${esc(meta.author)}">
${meta.subject ? `<meta name="description" content="${esc(meta.subject)}">\n` : ""}${
    meta.keywords.length ? `<meta name="keywords" content="${esc(meta.keywords.join(", "))}">\n` : ""
  }<meta name="generator" content="resume-builder ${esc(VERSION)}">
<style>${style}</style>
${jsonLd ? `<script type="application/ld+json">${scriptJson(jsonLd)}</script>\n` : ""}</head>
<body>
${body}
</body>
</html>
`;
}

/** The résumé as a web page. */
export function toHtml(vm: ViewModel, k: ThemeTokens, resume: Resume): string {
  const { side, main } = layoutSections(vm, k);
  const sections = (list: Section[]) => list.map((s) => section(s, k)).join("\n");
  const body = side.length
    ? `<main>${header(vm, k)}\n<div class="side">${sections(side)}</div>\n<div class="body">${sections(main)}</div></main>`
    : `<main>${header(vm, k)}\n${sections(main)}</main>`;
  return page(vm, k, body, side.length > 0, person(resume, vm));
}

/** A cover letter as a web page, under the résumé's header, in the order its PDF prints it. */
export function letterToHtml(l: LetterModel, k: ThemeTokens): string {
  const vm = { ...l.vm, direction: l.direction, metadata: l.metadata };
  const lines = (list: string[]) => list.map(esc).join("<br>");
  const body = [
    `<p class="date">${esc(l.date)}</p>`,
    l.to.length ? `<p class="to">${lines(l.to)}</p>` : "",
    l.subject ? `<p><strong>${esc(l.subject)}</strong></p>` : "",
    l.greeting ? `<p>${esc(l.greeting)}</p>` : "",
    ...l.body.map((p) => `<p>${rich(p)}</p>`),
    `<p>${lines([...(l.closing ? [l.closing] : []), l.signature])}</p>`,
  ].filter(Boolean);
  return page(vm, k, `<main>${header(vm, k)}\n<div class="letter">${body.join("\n")}</div></main>`, false);
}
