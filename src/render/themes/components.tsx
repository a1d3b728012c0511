/**
 * The résumé's building blocks, written once and styled by a theme's tokens: header, section
 * title, entry heading, bullet, detail, row, badge, footer, and the style sets of the columns.
 * render/flow/atoms.tsx puts them together into the pieces a page is made of.
 */
import { Image, Link, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { ReactNode } from "react";
import { SHORT_ADDRESS, type Entry, type Link as LinkModel, type ViewModel } from "../../model/normalize.js";
import type { FontStack } from "./index.js";
import { gridMetrics, sideMetrics } from "./measure.js";
import { parseMarkup } from "../../model/markup.js";
import { CONTACT_SEPARATOR, rowLabel } from "./reading.js";
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
      headerText: {
        flexGrow: 1,
        flexShrink: 1,
        flexBasis: 0,
        alignItems: k.header.align === "center" ? "center" : "flex-start",
      },
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
      subtitle: {
        ...lh,
        fontStyle: k.entry.subtitleItalic ? "italic" : "normal",
        color: k.entry.subtitleItalic ? k.color.text : k.color.muted,
        flexGrow: 1,
        flexShrink: 1,
        flexBasis: 0,
        paddingRight: 8,
      },
      place: {
        ...lh,
        fontStyle: k.entry.subtitleItalic ? "italic" : "normal",
        flexShrink: 0,
        maxWidth: "45%",
        textAlign: "right",
        color: k.color.muted,
      },
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
 * steps — and the sidebar's, shifted by half a line, fall midway between the main column's. A parser that groups the
 * page's text into lines by baseline, across its
 * whole width, then never joins a sidebar line to a main-column line (check/layout-rules.ts proves it).
 *
 * The main column: the theme's styles on the grid.
 */
export function gridMainStyles(k: ThemeTokens, fonts: FontStack): Styles {
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
export function sideStyles(k: ThemeTokens, fonts: FontStack) {
  const { size } = sideMetrics(k);
  const { pitch, half } = gridMetrics(k);
  const t: ThemeTokens = { ...k, size: { ...k.size, body: size, section: size, small: size - 0.5 } };
  const s = onGrid(makeStyles(t, fonts), k);
  const lh = { lineHeight: `${pitch}pt` };
  // Too narrow for a date beside a title: each on its own line, in reading order.
  const stacked = <T,>(style: T) =>
    ({ ...style, ...lh, flexGrow: 0, flexBasis: "auto", maxWidth: "100%", paddingRight: 0, textAlign: "left" }) as T;
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
export const tagged = (
  tag: string,
  opts: { key?: string; parent?: string; alt?: string; artifact?: string } = {},
): object => ({
  tag,
  ...(opts.key === undefined ? {} : { tagKey: opts.key }),
  ...(opts.parent === undefined ? {} : { tagParent: opts.parent }),
  ...(opts.alt === undefined ? {} : { alt: opts.alt }),
  ...(opts.artifact === undefined ? {} : { artifact: opts.artifact }),
});

export function Contacts({ items, s, column = false }: { items: LinkModel[]; s: Styles; column?: boolean }) {
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
    <Image
      style={[s.photo, centered ? s.photoAbove : s.photoLeft]}
      src={{ data: vm.photo.data, format: vm.photo.format }}
      {...tagged("Figure", { alt: vm.name })}
    />
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

export function Bullet({ text, s }: { text: string; s: Styles }) {
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

export function EntryHeading({ e, s, withSummary = true }: { e: Entry; s: Styles; withSummary?: boolean }) {
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

/** One of an entry's labelled lines: "Courses: …". */
export function Detail({ d, s }: { d: Entry["details"][number]; s: Styles }) {
  return (
    <Text style={s.detail} {...tagged("P")}>
      <Text style={s.detailLabel}>{`${d.label}: `}</Text>
      {d.href ? (
        <Link src={d.href} style={s.link}>
          {d.value}
        </Link>
      ) : (
        d.value
      )}
    </Text>
  );
}

function EntryBody({ e, s }: { e: Entry; s: Styles }) {
  return (
    <View style={s.besideBadge}>
      <EntryHeading e={e} s={s} />
      <Bullets items={e.bullets} s={s} />
      {e.details.map((d, i) => (
        <Detail key={i} d={d} s={s} />
      ))}
    </View>
  );
}

/**
 * The badge inside its square, its proportions kept: a wide or tall image takes the square's
 * width or height and is centred along the other.
 */
function badgeFit<T extends { width?: string | number; height?: string | number }>(
  box: T,
  image: { width: number; height: number },
): T {
  const w = Number(box.width);
  const h = Number(box.height);
  const ratio = image.width / image.height;
  if (!(ratio > 0) || !Number.isFinite(ratio) || !(w > 0 && h > 0)) return box;
  const width = ratio >= w / h ? w : h * ratio;
  const height = ratio >= w / h ? w / ratio : h;
  return { ...box, width, height, marginLeft: (w - width) / 2, marginTop: (h - height) / 2 };
}

/** An entry with a certificate's badge: the image (linked to the certificate) beside the entry. */
export function BadgeEntry({ e, s }: { e: Entry & { badge: NonNullable<Entry["badge"]> }; s: Styles }) {
  const img = (
    <Image
      style={badgeFit(s.badge, e.badge)}
      src={{ data: e.badge.data, format: e.badge.format }}
      {...tagged("Figure", { alt: e.badge.alt })}
    />
  );
  return (
    <View style={s.entryWithBadge}>
      <View style={s.badgeBox}>{e.badge.href ? <Link src={e.badge.href}>{img}</Link> : img}</View>
      <EntryBody e={e} s={s} />
    </View>
  );
}

export function Row({ label, value, s }: { label: string; value: string; s: Styles }) {
  return (
    <Text style={s.row} {...tagged("P")}>
      {label ? <Text style={s.rowLabel}>{rowLabel(label, value)}</Text> : null}
      {value}
    </Text>
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
