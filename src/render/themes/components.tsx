/**
 * The résumé's building blocks, written once and styled by a theme's tokens: header, section,
 * entry, bullet list, rows, link, badge, footer.
 */
import { Document, Image, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { ReactNode } from "react";
import { SHORT_ADDRESS, type Entry, type Link as LinkModel, type Section, type ViewModel } from "../../model/normalize.js";
import type { FontStack } from "./index.js";
import { estimateLines, estimateSectionHeight, gridMetrics, LONG_SUMMARY, pageBox, sideMetrics, NO_PLAN, splittable, tooTallToKeep, type Plan } from "./measure.js";
import { parseMarkup } from "../../model/markup.js";
import { CONTACT_SEPARATOR, footerText, inlineRows, layoutSections, rowLabel, sectionHeading } from "./reading.js";
import { mm, type ThemeTokens } from "./tokens.js";

export type Styles = ReturnType<typeof makeStyles>;

const round = (v: number) => Math.round(v * 100) / 100;

export function makeStyles(k: ThemeTokens, fonts: FontStack) {
  // Each text style names its family first, then the fallbacks react-pdf tries per character.
  const body = [k.font.body, ...fonts.fallbacks];
  const heading = [k.font.heading, ...fonts.fallbacks];
  // Leading is set on each text style, never inherited: a lineHeight on the page stops react-pdf
  // drawing the dynamic footer, and one inherited through a View is applied twice after a page break.
  // Absolute values (in pt) because a unitless one is multiplied again when a page is split.
  const lh = { lineHeight: `${round(k.size.body * k.leading)}pt` };
  const lhAt = (size: number) => ({ lineHeight: `${round(size * k.leading)}pt` });
  const layout = k.layout;
  return {
    // Whether entry headings stack their parts, dates first (the sidebar column), or set the dates
    // beside the title.
    stacked: false as boolean,
    ...StyleSheet.create({
      page: {
        fontFamily: body,
        fontSize: k.size.body,
        color: k.color.text,
        paddingTop: k.margin.top,
        paddingRight: k.margin.right,
        paddingBottom: k.margin.bottom,
        paddingLeft: k.margin.left,
      },
      header: { marginBottom: k.space.header, flexDirection: "row", alignItems: "center" },
      headerCentered: { marginBottom: k.space.header, alignItems: "center" },
      headerText: { flexGrow: 1, flexShrink: 1, flexBasis: 0, alignItems: k.header.align === "center" ? "center" : "flex-start" },
      photo: { width: k.photo, height: k.photo, borderRadius: k.photo / 2, objectFit: "cover" },
      photoLeft: { marginRight: 14 },
      photoAbove: { marginBottom: 6 },
      name: {
        fontFamily: heading,
        fontSize: k.size.name,
        fontWeight: k.header.nameWeight,
        letterSpacing: k.header.nameLetterSpacing,
        color: k.color.name,
        lineHeight: 1.15,
      },
      label: { ...lhAt(k.size.label), fontSize: k.size.label, color: k.color.muted, marginTop: 2 },
      contacts: {
        flexDirection: "row",
        flexWrap: "wrap",
        justifyContent: k.header.align === "center" ? "center" : "flex-start",
        marginTop: 4,
      },
      contact: { ...lhAt(k.size.small + 0.5), fontSize: k.size.small + 0.5, color: k.color.muted },
      // The sidebar layout: contacts one per line, then the sidebar's sections.
      columns: { flexDirection: "row" },
      side: layout.kind === "sidebar" ? { width: `${layout.width * 100}%`, paddingRight: layout.gap / 2 } : {},
      main: layout.kind === "sidebar" ? { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingLeft: layout.gap / 2 } : {},
      sideContact: { ...lhAt(k.size.small + 0.5), fontSize: k.size.small + 0.5, color: k.color.muted, marginBottom: 2 },
      bold: { fontWeight: 700 },
      italic: { fontStyle: "italic" },
      text: { ...lh },
      section: { marginTop: k.space.section },
      sectionTitle: {
        fontFamily: heading,
        fontSize: k.size.section,
        fontWeight: 700,
        color: k.color.title,
        letterSpacing: k.sectionTitle.letterSpacing,
        marginBottom: k.space.title,
        ...(k.sectionTitle.decoration === "rule"
          ? { borderBottomWidth: k.sectionTitle.weight, borderBottomColor: k.color.rule, paddingBottom: 1.5 }
          : k.sectionTitle.decoration === "bar"
            ? { borderLeftWidth: k.sectionTitle.weight, borderLeftColor: k.color.rule, paddingLeft: 6 }
            : {}),
      },
      entry: { marginBottom: k.space.entry },
      entryWithBadge: { flexDirection: "row", marginBottom: k.space.entry },
      badgeBox: { width: k.badge, height: k.badge, marginRight: 8 },
      badge: { width: k.badge, height: k.badge },
      // Beside a badge, the entry takes exactly the rest of the row (a definite width, so that the
      // heading rows inside it can wrap).
      besideBadge: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      // Top-aligned: when a title wraps, its dates stay on its first line (where parsers look).
      line: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
      // The left text takes the room the right one leaves (basis 0, so it wraps instead of running
      // under it); the right one is capped so that a long place cannot crowd the left out.
      title: { ...lh, fontWeight: k.entry.titleWeight, flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: 8 },
      // Room for a long range ("janeiro de 1990 – setembro de 1990") on one line, beside the title.
    date: { ...lh, flexShrink: 0, maxWidth: "55%", textAlign: "right", color: k.color.text },
      subtitle: { ...lh, fontStyle: k.entry.subtitleItalic ? "italic" : "normal", color: k.entry.subtitleItalic ? k.color.text : k.color.muted, flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: 8 },
      place: { ...lh, fontStyle: k.entry.subtitleItalic ? "italic" : "normal", flexShrink: 0, maxWidth: "45%", textAlign: "right", color: k.color.muted },
      note: { ...lh, fontStyle: "italic", color: k.color.muted },
      // A long address, on a line of its own under the subtitle.
      address: { ...lh, fontStyle: k.entry.subtitleItalic ? "italic" : "normal", color: k.color.muted },
      paragraph: { ...lh, marginTop: k.space.line },
      bullets: { marginTop: k.space.line },
      bullet: { flexDirection: "row", marginBottom: k.space.line },
      bulletMark: { ...lh, width: 10, color: k.color.muted },
      bulletText: { ...lh, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
      detail: { ...lhAt(k.size.body - 0.5), marginTop: k.space.line, fontSize: k.size.body - 0.5 },
      detailLabel: { fontWeight: 600 },
      row: { ...lh, marginBottom: k.space.line + 0.5 },
      rowLabel: { fontWeight: 700 },
      link: { color: k.color.link, textDecoration: "none" },
      plainLink: { color: k.color.text, textDecoration: "none" },
      footer: {
        position: "absolute",
        bottom: Math.max(k.margin.bottom - 16, mm(10.5)),
        left: k.margin.left,
        right: k.margin.right,
        fontSize: k.size.small - 0.5,
        color: k.color.muted,
        textAlign: "center",
      },
    }),
  };
}

/**
 * The two columns of the sidebar theme stand on one baseline grid (`gridMetrics`): every line is
 * one body line high and every gap a whole line, so each column's baselines fall on the grid's
 * steps — and the sidebar's, shifted by half a line, fall midway between the main column's. A parser that groups the page's text into lines by baseline, across its
 * whole width, then never joins a sidebar line to a main-column line (check/parse.ts proves it).
 *
 * The main column: the theme's styles on the grid.
 */
function gridMainStyles(k: ThemeTokens, fonts: FontStack) {
  const s = makeStyles(k, fonts);
  const { pitch } = gridMetrics(k);
  const lh = { lineHeight: `${pitch}pt` };
  return {
    ...onGrid(s, k),
    entry: { marginBottom: pitch },
    entryWithBadge: { ...s.entryWithBadge, marginBottom: pitch },
    badgeBox: { ...s.badgeBox, height: Math.ceil(k.badge / pitch) * pitch },
    title: { ...s.title, ...lh },
    date: { ...s.date, ...lh },
    subtitle: { ...s.subtitle, ...lh },
    place: { ...s.place, ...lh },
  };
}

/** Styles with every line one grid pitch high and every gap a whole pitch (both columns). */
function onGrid(s: Styles, k: ThemeTokens): Styles {
  const { pitch } = gridMetrics(k);
  const lh = { lineHeight: `${pitch}pt` };
  const rule = k.sectionTitle.decoration === "rule" ? k.sectionTitle.weight : 0;
  return {
    ...s,
    text: { ...s.text, ...lh },
    section: { marginTop: pitch },
    sectionTitle: { ...s.sectionTitle, ...lh, paddingBottom: 1.5, marginBottom: round(pitch - 1.5 - rule) },
    note: { ...s.note, ...lh },
    address: { ...s.address, ...lh },
    paragraph: { ...s.paragraph, ...lh, marginTop: 0 },
    bullets: { marginTop: 0 },
    bullet: { ...s.bullet, marginBottom: 0 },
    bulletMark: { ...s.bulletMark, ...lh },
    bulletText: { ...s.bulletText, ...lh },
    detail: { ...s.detail, ...lh, marginTop: 0 },
    row: { ...s.row, ...lh, marginBottom: 0 },
  };
}

/**
 * The sidebar column: the theme's styles in one smaller size, on the main column's grid, half a
 * line lower. Its steps stay under 1.5 times its size, so that poppler's text extraction
 * (pdftotext, and the ATS built on it) reads it as one block, whole, before the main column
 * (tests/render/themes.test.ts): a sidebar of several blocks would be read interleaved with the
 * main column, blocks that line up across the columns taken for a table and read row by row.
 */
function sideStyles(k: ThemeTokens, fonts: FontStack) {
  const { size } = sideMetrics(k);
  const { pitch, half } = gridMetrics(k);
  const t: ThemeTokens = { ...k, size: { ...k.size, body: size, section: size, small: size - 0.5 } };
  const s = onGrid(makeStyles(t, fonts), k);
  const lh = { lineHeight: `${pitch}pt` };
  // Too narrow for a date beside a title: each on its own line, in reading order.
  const stacked = <T,>(style: T) => ({ ...style, ...lh, flexGrow: 0, flexBasis: "auto", maxWidth: "100%", paddingRight: 0, textAlign: "left" }) as T;
  return {
    ...s,
    // Text inherits its size from the column. The column starts half a line down, plus what
    // sets its baselines midway between the main column's body lines and its larger titles (a
    // baseline sits its font's ascent, about one size, below the top of its line).
    side: { ...s.side, fontSize: size, paddingTop: round(half + (k.size.body + k.size.section) / 2 - size) },
    // Wider letter spacing reads as word breaks (poppler splits words at gaps over 0.1 em).
    sectionTitle: { ...s.sectionTitle, letterSpacing: Math.min(k.sectionTitle.letterSpacing, size * 0.06) },
    entry: { marginBottom: 0 },
    entryWithBadge: { ...s.entryWithBadge, marginBottom: 0 },
    stacked: true,
    title: stacked(s.title),
    date: stacked(s.date),
    subtitle: stacked(s.subtitle),
    place: stacked(s.place),
    detail: { ...s.detail, fontSize: size },
    sideContact: { ...s.sideContact, ...lh, fontSize: size, marginBottom: 0 },
    // A badge two lines high, so that the text beside it stays on the grid.
    badgeBox: { ...s.badgeBox, width: 2 * pitch, height: 2 * pitch },
    badge: { width: 2 * pitch, height: 2 * pitch },
  };
}

/** One contact: its readable text, linked when it has an address. */
function ContactLink({ c, s }: { c: LinkModel; s: Styles }) {
  return c.href ? (
    <Link src={c.href} style={s.link}>
      {c.text}
    </Link>
  ) : (
    <>{c.text}</>
  );
}

/**
 * Contacts in a row (items wrap whole, never inside an address or URL), or as a column in the
 * sidebar layout, one per line.
 */
/**
 * The structure element a node opens in the tagged PDF: read by the render step's patch
 * (patches/@react-pdf+render+*.patch, see render/pdfkit-patches.ts). `key` joins the pieces of one
 * element that a page break (or a split between bullets) spreads over several blocks, and `parent`
 * the element a block belongs to when it is not inside it; `alt` is a figure's text. "Artifact"
 * marks decoration.
 */
export const tagged = (tag: string, opts: { key?: string; parent?: string; alt?: string; artifact?: string } = {}): object => ({
  tag,
  ...(opts.key === undefined ? {} : { tagKey: opts.key }),
  ...(opts.parent === undefined ? {} : { tagParent: opts.parent }),
  ...(opts.alt === undefined ? {} : { alt: opts.alt }),
  ...(opts.artifact === undefined ? {} : { artifact: opts.artifact }),
});

function Contacts({ items, s, column = false }: { items: LinkModel[]; s: Styles; column?: boolean }) {
  return (
    <View style={column ? undefined : s.contacts}>
      {items.map((c, i) => (
        <Text key={i} style={column ? s.sideContact : s.contact} {...tagged("P")}>
          <ContactLink c={c} s={s} />
          {!column && i < items.length - 1 ? CONTACT_SEPARATOR : ""}
        </Text>
      ))}
    </View>
  );
}

/** Summaries and bullets with their inline markup: **bold**, *italic*, [links](https://…). */
export function Rich({ text, s }: { text: string; s: Styles }) {
  const runs = parseMarkup(text);
  if (runs.length === 1 && !runs[0]!.bold && !runs[0]!.italic && !runs[0]!.href) return <>{runs[0]!.text}</>;
  return (
    <>
      {runs.map((r, i) => {
        const style = [r.bold ? s.bold : {}, r.italic ? s.italic : {}];
        return r.href ? (
          <Link key={i} src={r.href} style={[s.link, ...style]}>
            {r.text}
          </Link>
        ) : (
          <Text key={i} style={style}>
            {r.text}
          </Text>
        );
      })}
    </>
  );
}

export function Header({ vm, s, tokens }: { vm: ViewModel; s: Styles; tokens: ThemeTokens }) {
  const centered = tokens.header.align === "center";
  const photo = vm.photo ? (
    <Image style={[s.photo, centered ? s.photoAbove : s.photoLeft]} src={{ data: vm.photo.data, format: vm.photo.format }} {...tagged("Figure", { alt: vm.name })} />
  ) : null;
  const text = (
    <View style={centered ? { alignItems: "center" } : s.headerText}>
      <Text style={s.name} {...tagged("H1")}>
        {vm.name}
      </Text>
      {vm.label ? (
        <Text style={s.label} {...tagged("P")}>
          {vm.label}
        </Text>
      ) : null}
      {vm.contacts.length && tokens.layout.kind === "single" ? <Contacts items={vm.contacts} s={s} /> : null}
    </View>
  );
  return centered ? (
    <View style={s.headerCentered}>
      {photo}
      {text}
    </View>
  ) : (
    <View style={s.header}>
      {photo}
      {text}
    </View>
  );
}

function Bullet({ text, s }: { text: string; s: Styles }) {
  return (
    <View style={s.bullet} wrap={false} {...tagged("LI")}>
      <Text style={s.bulletMark} {...tagged("Lbl")}>
        {"\u2022"}
      </Text>
      <Text style={s.bulletText} {...tagged("LBody")}>
        <Rich text={text} s={s} />
      </Text>
    </View>
  );
}

function Bullets({ items, s, tag = tagged("L") }: { items: string[]; s: Styles; tag?: object }) {
  if (!items.length) return null;
  return (
    <View style={s.bullets} {...tag}>
      {items.map((b, i) => (
        <Bullet key={i} text={b} s={s} />
      ))}
    </View>
  );
}

/** Text, as a link when it has an address. */
function linked(text: string, href: string | undefined, style: Style): ReactNode {
  return href ? (
    <Link src={href} style={style}>
      {text}
    </Link>
  ) : (
    text
  );
}

function EntryHeading({ e, s, withSummary = true }: { e: Entry; s: Styles; withSummary?: boolean }) {
  // A long address would wrap in the place's narrow slot: it takes a line of its own.
  const ownLine = e.location !== undefined && e.locationHref !== undefined && e.location.length > SHORT_ADDRESS;
  const title = e.title ? (
    e.titleHref ? (
      <Link src={e.titleHref} style={s.plainLink}>
        {e.title}
      </Link>
    ) : (
      e.title
    )
  ) : null;
  const date = e.date ? (
    <Text style={s.date} {...tagged("P")}>
      {linked(e.date, e.dateHref, s.link)}
    </Text>
  ) : null;
  const place =
    e.location && !ownLine ? (
      <Text style={s.place} {...tagged("P")}>
        {linked(e.location, e.locationHref, s.link)}
      </Text>
    ) : null;
  return (
    <>
      {s.stacked ? (
        // Too narrow for the dates beside the title: they come first, on the entry's first line,
        // where parsers look for them.
        <>
          {date}
          {title ? (
            <Text style={s.title} {...tagged("H3")}>
              {title}
            </Text>
          ) : null}
          {e.subtitle ? (
            <Text style={s.subtitle} {...tagged("P")}>
              {e.subtitle}
            </Text>
          ) : null}
          {place}
        </>
      ) : (
        <>
          {title || date ? (
            <View style={s.line}>
              <Text style={s.title} {...tagged(title ? "H3" : "Artifact")}>
                {title}
              </Text>
              {date}
            </View>
          ) : null}
          {e.subtitle || place ? (
            <View style={s.line}>
              <Text style={s.subtitle} {...tagged(e.subtitle ? "P" : "Artifact")}>
                {e.subtitle ?? ""}
              </Text>
              {place}
            </View>
          ) : null}
        </>
      )}
      {ownLine ? (
        <Text style={s.address} {...tagged("P")}>
          {linked(e.location!, e.locationHref, s.link)}
        </Text>
      ) : null}
      {e.note ? (
        <Text style={s.note} {...tagged("P")}>
          {e.note}
        </Text>
      ) : null}
      {e.summary && withSummary ? (
        <Text style={s.paragraph} {...tagged("P")}>
          <Rich text={e.summary} s={s} />
        </Text>
      ) : null}
    </>
  );
}

function Details({ e, s }: { e: Entry; s: Styles }) {
  return (
    <>
      {e.details.map((d, i) => (
        <Text key={i} style={s.detail} {...tagged("P")}>
          <Text style={s.detailLabel}>{`${d.label}: `}</Text>
          {d.href ? (
            <Link src={d.href} style={s.link}>
              {d.value}
            </Link>
          ) : (
            d.value
          )}
        </Text>
      ))}
    </>
  );
}

function EntryBody({ e, s, besideBadge = false }: { e: Entry; s: Styles; besideBadge?: boolean }) {
  return (
    <View style={besideBadge ? s.besideBadge : undefined}>
      <EntryHeading e={e} s={s} />
      <Bullets items={e.bullets} s={s} />
      <Details e={e} s={s} />
    </View>
  );
}

/**
 * What the layout knows about sizes: which blocks are too tall to keep whole, and which the
 * pagination chose to split (kept whole, they would leave too much of a page empty).
 */
interface Fit {
  tallEntry(e: Entry): boolean;
  tallSection(sec: Section): boolean;
  longText(text: string): boolean;
  /** Split this entry or section between pages, though it would fit on one. */
  split(block: Entry | Section): boolean;
}


/**
 * Blocks that may break between them, each kept whole; the last two stay together so that a
 * page never starts with a lone bullet (or row) of a list begun on the page before.
 */
interface FlowOptions {
  /** Keep the first two together too (a list's start after a paragraph); a list too short for two on each side stays whole. */
  headTwo?: boolean;
  /** Style of the last block (an entry's bottom margin, so that nothing after its text is pushed onto a page of its own). */
  tailStyle?: Style;
  /** The structure tag of each block (a list's pieces). */
  tag?: object;
}

function flowing(items: ReactNode[], key: string, opts: FlowOptions = {}): ReactNode[] {
  const tag = opts.tag ?? {};
  if (opts.headTwo && items.length < 4)
    return items.length
      ? [
          <View key={`${key}all`} wrap={false} style={opts.tailStyle} {...tag}>
            {items}
          </View>,
        ]
      : [];
  const head = opts.headTwo ? items.slice(0, 2) : [];
  const lone = items.slice(head.length, Math.max(head.length, items.length - 2));
  const tail = items.slice(head.length + lone.length);
  return [
    ...(head.length
      ? [
          <View key={`${key}head`} wrap={false} {...tag}>
            {head}
          </View>,
        ]
      : []),
    ...lone.map((item, i) => (
      <View key={`${key}${i}`} wrap={false} {...tag}>
        {item}
      </View>
    )),
    ...(tail.length
      ? [
          <View key={`${key}tail`} wrap={false} style={opts.tailStyle} {...tag}>
            {tail}
          </View>,
        ]
      : []),
  ];
}

/** Keys that make the blocks of one entry, or one list, one structure element. */
let blockKeys = 0;
const blockKey = (kind: string) => `${kind}${++blockKeys}`;

const flowingBullets = (items: string[], s: Styles, key: string, opts: FlowOptions = {}) =>
  flowing(
    items.map((b, i) => <Bullet key={i} text={b} s={s} />),
    key,
    // One list, whichever pages its pieces fall on.
    { ...opts, tag: opts.tag ?? tagged("L", { key: blockKey("list") }) },
  );

/**
 * An entry as page-breakable blocks. One that fits on a page is a single unbreakable block; a
 * taller one splits between bullets, never inside its heading (which keeps its first bullet, or
 * the start of its summary).
 */
function entryBlocks(e: Entry, s: Styles, fit: Fit, key: string): ReactNode[] {
  if (e.badge) {
    const img = <Image style={s.badge} src={{ data: e.badge.data, format: e.badge.format }} {...tagged("Figure", { alt: e.badge.alt })} />;
    return [
      <View key={key} style={s.entryWithBadge} wrap={false} {...tagged("Div")}>
        <View style={s.badgeBox}>{e.badge.href ? <Link src={e.badge.href}>{img}</Link> : img}</View>
        <EntryBody e={e} s={s} besideBadge />
      </View>,
    ];
  }
  if (!fit.tallEntry(e) && !fit.split(e)) {
    return [
      <View key={key} style={s.entry} wrap={false} {...tagged("Div")}>
        <EntryBody e={e} s={s} />
      </View>,
    ];
  }
  // Split between bullets: the heading keeps its first two (one when the entry is taller than a
  // page and has few), and the last two stay together.
  const flowingSummary = e.summary !== undefined && (fit.longText(e.summary) || (fit.split(e) && (e.bullets.length < 4 || e.summary.length >= LONG_SUMMARY)));
  const keep = flowingSummary ? 0 : e.bullets.length >= 4 ? 2 : 1;
  const first = e.bullets.slice(0, keep);
  const rest = e.bullets.slice(keep);
  // The blocks are one Div, and the bullets in them one list.
  const entry = blockKey("entry");
  const list = tagged("L", { key: blockKey("list"), parent: entry });
  return [
    <View key={`${key}h`} wrap={false} minPresenceAhead={flowingSummary ? 40 : undefined} {...tagged("Div", { key: entry })}>
      <EntryHeading e={e} s={s} withSummary={!flowingSummary} />
      {first.length ? <Bullets items={first} s={s} tag={list} /> : null}
    </View>,
    ...(flowingSummary
      ? [
          <Text key={`${key}s`} style={s.paragraph} {...tagged("P", { parent: entry })}>
            <Rich text={e.summary!} s={s} />
          </Text>,
        ]
      : []),
    ...flowingBullets(rest, s, `${key}b`, { headTwo: flowingSummary, tailStyle: e.details.length ? undefined : s.entry, tag: list }),
    ...(e.details.length
      ? [
          <View key={`${key}d`} style={s.entry} {...tagged("Div", { key: entry })}>
            <Details e={e} s={s} />
          </View>,
        ]
      : []),
  ];
}

function Row({ label, value, s }: { label: string; value: string; s: Styles }) {
  return (
    <Text style={s.row} {...tagged("P")}>
      {label ? <Text style={s.rowLabel}>{rowLabel(label, value)}</Text> : null}
      {value}
    </Text>
  );
}

/** The blocks of a section; the first is kept on the same page as the section title. */
function sectionBlocks(sec: Section, s: Styles, fit: Fit, es: (e: Entry) => Styles): ReactNode[] {
  switch (sec.kind) {
    case "text": {
      const paragraph = sec.paragraph ? (
        <Text key="p" style={s.text} {...tagged("P")}>
          <Rich text={sec.paragraph} s={s} />
        </Text>
      ) : null;
      const bulletsStyle = sec.paragraph ? s.bullets : undefined;
      // A section that fits on a page is kept whole, like an entry, unless the pagination split it.
      if (!fit.tallSection(sec) && !fit.split(sec)) {
        return [
          <View key="all" wrap={false}>
            {paragraph}
            <View style={bulletsStyle} {...(sec.bullets.length ? tagged("L") : {})}>
              {sec.bullets.map((b, i) => (
                <Bullet key={i} text={b} s={s} />
              ))}
            </View>
          </View>,
        ];
      }
      // The title keeps the first bullet (two, when the list is long enough to split evenly).
      const keep = sec.bullets.length >= 4 ? 2 : 1;
      const first = sec.bullets.slice(0, keep);
      const rest = sec.bullets.slice(keep);
      const list = tagged("L", { key: blockKey("list") });
      return [
        ...(paragraph ? [paragraph] : []),
        ...(first.length
          ? [
              <View key="b0" style={bulletsStyle} {...list}>
                {first.map((b, i) => (
                  <Bullet key={i} text={b} s={s} />
                ))}
              </View>,
            ]
          : []),
        ...flowingBullets(rest, s, "b", { tag: list }),
      ];
    }
    case "entries":
      return sec.entries.flatMap((e, i) => entryBlocks(e, es(e), fit, String(i)));
    case "rows": {
      if (sec.inline) {
        return [
          <Text key="inline" style={s.text} {...tagged("P")}>
            {inlineRows(sec.rows)}
          </Text>,
        ];
      }
      const rows = sec.rows.map((r, i) => <Row key={i} label={r.label} value={r.value} s={s} />);
      // Split: the title keeps the first row; each row may then break, two lines on each side.
      if (fit.split(sec)) return rows;
      return fit.tallSection(sec) ? rows : [<View key="rows" wrap={false}>{rows}</View>];
    }
  }
}

/**
 * One outline (bookmark) entry per section. react-pdf supports `bookmark` on any node, but its
 * types only declare it on Page.
 */
const bookmark = (title: string) => ({ bookmark: { title, fit: false } }) as object;

/** `s` styles the section, `es` each of its entries (in the sidebar theme, on or off the grid). */
function SectionView({ sec, s, es = () => s, fit, k }: { sec: Section; s: Styles; es?: (e: Entry) => Styles; fit: Fit; k: ThemeTokens }) {
  const [first, ...rest] = sectionBlocks(sec, s, fit, es);
  // A title never ends a page: it travels with the section's first block. A paragraph too long
  // to move whole flows instead, and the title asks for room for its first lines.
  if (sec.kind === "text" && sec.paragraph && fit.longText(sec.paragraph)) {
    return (
      <View style={s.section} {...tagged("Sect", { key: sec.id })}>
        <Text style={s.sectionTitle} minPresenceAhead={40} {...bookmark(sec.title)} {...tagged("H2")}>
          {sectionHeading(sec, k)}
        </Text>
        {first}
        {rest}
      </View>
    );
  }
  return (
    <View style={s.section} {...tagged("Sect", { key: sec.id })}>
      <View wrap={false}>
        <Text style={s.sectionTitle} {...bookmark(sec.title)} {...tagged("H2")}>
          {sectionHeading(sec, k)}
        </Text>
        {first}
      </View>
      {rest}
    </View>
  );
}

export interface DocumentInfo {
  creator: string;
  creationDate: Date;
}

/** Every PDF's document settings: tagged PDF 1.7, PDF/A-3b, its metadata and its date. */
export function documentProps(meta: ViewModel["metadata"], info: DocumentInfo) {
  return {
    pdfVersion: "1.7",
    conformance: "PDF/A-3b",
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(", "),
    language: meta.language,
    creator: info.creator,
    producer: info.creator,
    creationDate: info.creationDate,
  } as const;
}

export function ResumeDocument({ vm, tokens, fonts, info, plan = NO_PLAN }: { vm: ViewModel; tokens: ThemeTokens; fonts: FontStack; info: DocumentInfo; plan?: Plan }) {
  const s = makeStyles(tokens, fonts);
  const ss = sideStyles(tokens, fonts);
  const box = pageBox(tokens, vm.paper);
  const { side, main } = layoutSections(vm, tokens);
  const fitFor = (width: number): Fit => ({
    tallEntry: (e) => tooTallToKeep(e, tokens, box.height, width),
    tallSection: (sec) => estimateSectionHeight(sec, tokens, width) > box.height * 0.85,
    // Longer than a third of a page: moving it whole to the next page would leave a large gap.
    longText: (text) => estimateLines(text, tokens.size.body, width) * tokens.size.body * tokens.leading > box.height / 3,
    split: (block) => plan.splits.has(block) && splittable(block),
  });
  const sections = (list: Section[], fit: Fit, st: (block: Entry | Section) => Styles = () => s) =>
    list.map((sec) => <SectionView key={sec.id} sec={sec} s={st(sec)} es={st} fit={fit} k={tokens} />);
  const grid = gridMainStyles(tokens, fonts);
  const onGrid = (block: Entry | Section) => (plan.offGrid.has(block) ? s : grid);
  const layout = tokens.layout;
  return (
    <Document {...documentProps(vm.metadata, info)}>
      <Page size={vm.paper === "letter" ? "LETTER" : "A4"} style={s.page} {...tagged("Document", { key: "document" })}>
        <Header vm={vm} s={s} tokens={tokens} />
        {layout.kind === "sidebar" ? (
          <View style={s.columns}>
            <View style={ss.side}>
              <Contacts items={vm.contacts} s={ss} column />
              {sections(side, fitFor(box.width * layout.width - layout.gap / 2), () => ss)}
            </View>
            <View style={s.main}>
              {sections(main, fitFor(box.width * (1 - layout.width) - layout.gap / 2), onGrid)}
            </View>
          </View>
        ) : (
          sections(main, fitFor(box.width))
        )}
        <Text
          style={s.footer}
          fixed
          {...tagged("Artifact", { artifact: "Pagination" })}
          render={({ pageNumber, totalPages }) => (pageNumber > 1 ? footerText(vm.name, pageNumber, totalPages) : "")}
        />
      </Page>
    </Document>
  );
}
