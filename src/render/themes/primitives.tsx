/**
 * The résumé's primitives, written once and styled by a style sheet (styles.ts): header, contacts,
 * inline markup, section title, entry heading, bullet, detail, row, badge and page footer.
 * render/flow/atoms.tsx composes them into the pieces a page is made of, in the columns the
 * theme's layout sets (render/layouts/).
 */
import { Image, Link, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import { Fragment, type ReactNode } from "react";
import { SHORT_ADDRESS, type Entry, type Link as LinkModel, type ViewModel } from "../../model/normalize.js";
import { parseMarkup } from "../../model/markup.js";
import { hasRtlLetter } from "../../model/scripts.js";
import { ContactIcon, iconPlace } from "./icons.js";
import { mirror } from "./mirror.js";
import { CONTACT_SEPARATOR, rowLabel } from "./text.js";
import type { Styles } from "./styles.js";
import { tagged } from "./tagging.js";
import type { ThemeTokens } from "./tokens.js";

/**
 * The separator between contacts, a line break allowed before it: a line that ended in it would
 * end in a neutral between two left-to-right contacts, which the bidirectional algorithm sets
 * beside the first, and a reader that orders the line on its own beside the line's start.
 */
const BREAKABLE_SEPARATOR = CONTACT_SEPARATOR.replace(/^\u00A0/, " ");
/**
 * The separator in a right-to-left row, between right-to-left marks: without them the contacts
 * in Latin letters (an email, a phone, a URL, a place's country code) and the separators between
 * them were one left-to-right stretch, its first contact drawn at the far left ("AE | mail | …
 * دبي,"); with them each contact is a stretch of its own, and the contacts read right to left.
 */
const RTL_SEPARATOR = `\u200F${BREAKABLE_SEPARATOR}\u200F`;
/**
 * A contact with no right-to-left letter (an email, a URL, a phone) after a left-to-right mark, so
 * that it reads left to right whole: a phone's "+" before its digits, between a right-to-left
 * mark and a number, would otherwise be set right to left, after the number ("971 50 123 4567+").
 */
const ltrMarked = (text: string) => (hasRtlLetter(text) ? text : `\u200E${text}`);

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
 * Contacts in a row (items wrap whole, never inside an address or URL), or as a column, one per
 * line (`column`: a narrow column's, in its `sideContact` style). A mirrored sheet's row is one
 * paragraph (see below).
 */
export function Contacts({ items, s, column = false }: { items: LinkModel[]; s: Styles; column?: boolean }) {
  if (s.icons) return <IconContacts items={items} s={s} column={column} />;
  if (s.mirrored && !column) {
    // Mirrored, the contacts are one paragraph, which reads right to left when it holds
    // right-to-left text (direction.ts): the bidirectional algorithm then sets each contact in its
    // own direction (an address left to right, an Arabic place right to left) and their order
    // right to left, as every reader that reads the line back by that algorithm expects. Each
    // contact's spaces do not break, and the separator starts with one that does, so that a line
    // breaks only between contacts.
    const { marginTop, justifyContent } = s.contacts;
    return (
      <Text
        style={{ ...s.contact, marginTop, ...(justifyContent === "center" ? { textAlign: "center" } : {}) }}
        {...tagged("P")}
      >
        {items.map((c, i) => (
          <Fragment key={i}>
            <ContactLink c={{ ...c, text: ltrMarked(c.text.replace(/ /g, "\u00A0")) }} s={s} />
            {i < items.length - 1 ? RTL_SEPARATOR : ""}
          </Fragment>
        ))}
      </Text>
    );
  }
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

/**
 * Contacts with an icon before each (icons.tsx): each contact and its icon side by side, the icon
 * an artifact and the text the same paragraph it is without icons, separator included. In a
 * mirrored sheet the icon stands on the contact's right, and the separator, on the contact's left,
 * is a paragraph of its own (no marks needed around it), joined to the contact's element in the tagged PDF:
 * the contact's paragraph keeps the direction of its own text (an address left to right, after a
 * left-to-right mark outside its link, so that readers that order the line on its own keep a
 * phone's "+" before its digits).
 */
function IconContacts({ items, s, column }: { items: LinkModel[]; s: Styles; column: boolean }) {
  const text = column ? s.sideContact : s.contact;
  const unit: Style = column
    ? { flexDirection: "row", alignItems: "flex-start", marginBottom: (text as Style).marginBottom ?? 0 }
    : { flexDirection: "row", alignItems: "flex-start" };
  const paragraph: Style = {
    ...text,
    ...(column ? { marginBottom: 0, flexGrow: 1, flexShrink: 1, flexBasis: 0 } : { flexShrink: 1 }),
  };
  return (
    <View style={column ? undefined : s.contacts}>
      {items.map((c, i) => {
        const separator = !column && i < items.length - 1;
        const icon = <ContactIcon kind={c.icon ?? "link"} text={text} color={s.iconColor} mirrored={s.mirrored} />;
        return s.mirrored ? (
          <View key={i} style={mirror(unit)}>
            {icon}
            <Text style={paragraph} {...tagged("P", { key: `contact-${i}` })}>
              {hasRtlLetter(c.text) ? null : ltrMarked("")}
              <ContactLink c={c} s={s} />
            </Text>
            {separator ? (
              <Text style={text} {...tagged("P", { key: `contact-${i}` })}>
                {`\u200F${CONTACT_SEPARATOR}`}
              </Text>
            ) : null}
          </View>
        ) : column ? (
          <View key={i} style={unit}>
            {icon}
            <Text style={paragraph} {...tagged("P")}>
              <ContactLink c={c} s={s} />
            </Text>
          </View>
        ) : (
          <RowContact key={i} c={c} s={s} first={i === 0} last={i === items.length - 1} />
        );
      })}
    </View>
  );
}

/**
 * One contact of a left-to-right row with its icon. The row reads as it does without icons:
 * "…  |  next": the separator's two no-break spaces after the bar open the next contact, spaced
 * to hold its icon, which is drawn over them. poppler (and the parsers built on it) keeps a word
 * in a line's block when the gap before it is under an em, and reads a row of wider gaps as one
 * block per contact, out of order when the row wraps: the gap before the icon, the icon and the
 * gap after it stay well under that (0.13 + 0.6 + 0.15 em), and the spaces before the bar close
 * up to match. The first contact has room for its icon before it.
 */
function RowContact({ c, s, first, last }: { c: LinkModel; s: Styles; first: boolean; last: boolean }) {
  const { side, space, size } = iconPlace(s.contact);
  const [lead, close] = [CONTACT_SEPARATOR.slice(3), CONTACT_SEPARATOR.slice(0, 3)];
  const [before, after, bar] = [size * 0.13, size * 0.15, size * 0.28];
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  // Letter spacing that makes two spaces `width` wide.
  const spaced = (width: number) => ({ letterSpacing: round3((width - 2 * space) / 2) });
  return (
    <View>
      <Text style={first ? { ...s.contact, paddingLeft: round3(side + after) } : s.contact} {...tagged("P")}>
        {first ? null : <Text style={spaced(before + side + after)}>{lead}</Text>}
        <ContactLink c={c} s={s} />
        {last ? "" : <Text style={spaced(bar)}>{close.slice(0, 2)}</Text>}
        {last ? "" : close.slice(2)}
      </Text>
      <ContactIcon
        kind={c.icon ?? "link"}
        text={s.contact}
        color={s.iconColor}
        mirrored={false}
        at={{ left: first ? 0 : round3(before) }}
      />
    </View>
  );
}

/**
 * A split header's contacts: one per line, on the right of the name (on the left in a mirror),
 * each with its icon before it when the theme draws icons.
 */
function SplitContacts({ items, s, label }: { items: LinkModel[]; s: Styles; label: boolean }) {
  const text = s.headerSideContact;
  return (
    <View style={label ? s.headerSide : s.headerSideNoLabel}>
      {items.map((c, i) =>
        s.icons ? (
          <View key={i} style={s.headerSideUnit}>
            <ContactIcon kind={c.icon ?? "link"} text={text} color={s.iconColor} mirrored={s.mirrored} />
            <Text style={text} {...tagged("P")}>
              {s.mirrored && !hasRtlLetter(c.text) ? ltrMarked("") : null}
              <ContactLink c={c} s={s} />
            </Text>
          </View>
        ) : (
          <Text key={i} style={text} {...tagged("P")}>
            {s.mirrored && !hasRtlLetter(c.text) ? ltrMarked("") : null}
            <ContactLink c={c} s={s} />
          </Text>
        ),
      )}
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

/**
 * The page header: the name, the label, the photo, and the contacts in a row under them unless
 * the layout sets them elsewhere (`contacts` false).
 */
export function Header({
  vm,
  s,
  tokens,
  contacts = true,
}: {
  vm: ViewModel;
  s: Styles;
  tokens: ThemeTokens;
  contacts?: boolean;
}) {
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
      <Text style={tracked(s.name, vm.name)} {...tagged("H1")}>
        {vm.name}
      </Text>
      {vm.label ? (
        <Text style={s.label} {...tagged("P")}>
          {vm.label}
        </Text>
      ) : null}
      {vm.contacts.length && contacts ? <Contacts items={vm.contacts} s={s} /> : null}
    </View>
  );
  if (tokens.header.align === "split")
    return (
      // The name across the top (it may wrap), then the label on the left and the contacts on
      // the right, set from the label's first line.
      <View style={s.headerSplit}>
        {photo}
        <View style={s.headerText}>
          <Text style={tracked(s.name, vm.name)} {...tagged("H1")}>
            {vm.name}
          </Text>
          <View style={s.headerSplitRow}>
            <View style={s.headerSplitLabel}>
              {vm.label ? (
                <Text style={s.label} {...tagged("P")}>
                  {vm.label}
                </Text>
              ) : null}
            </View>
            {vm.contacts.length && contacts ? <SplitContacts items={vm.contacts} s={s} label={!!vm.label} /> : null}
          </View>
        </View>
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

/**
 * Scripts whose letters join (Arabic, Syriac, N'Ko, Mongolian) or hang from one headline
 * (Devanagari, Bengali, Gurmukhi): space between their letters would break a word apart.
 */
const CONNECTED =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}]/u;

/** `style`, without its letter spacing when `text` is in a script whose letters connect. */
export const tracked = (style: Style, text: string): Style =>
  style.letterSpacing && CONNECTED.test(text) ? { ...style, letterSpacing: 0 } : style;

/**
 * A section's title, a level-2 heading: on a line of its own, or, beside a dates column, in it
 * (the rule beside it) or beside it (a bar decoration in it).
 */
export function SectionTitle({ text, s }: { text: string; s: Styles }) {
  if (s.titleInColumn)
    return (
      <View style={s.titleRow}>
        <View style={s.titleCell}>
          <Text style={tracked(s.titleText, text)} {...tagged("H2")}>
            {text}
          </Text>
        </View>
        <View style={s.columnRule} />
      </View>
    );
  if (s.datesColumn && s.columnBar.height)
    return (
      <View style={s.titleRow}>
        <View style={s.columnBar} />
        <Text style={tracked(s.titleBeside, text)} {...tagged("H2")}>
          {text}
        </Text>
      </View>
    );
  return (
    <Text style={tracked(s.sectionTitle, text)} {...tagged("H2")}>
      {text}
    </Text>
  );
}

/** One bullet: its mark and its text, with a hanging indent. */
export function Bullet({ text, s }: { text: string; s: Styles }) {
  return (
    <View style={[s.bullet, s.indented]} wrap={false} {...tagged("LI")}>
      <Text style={s.bulletMark} {...tagged("Lbl")}>
        {s.bulletGlyph}
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

/** An entry's heading: title and dates, subtitle and place (stacked in a narrow column), note, summary. */
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
  // The role and the place (beside a dates column, indented by it: `indented` is empty without one).
  const subtitleLine =
    e.subtitle || place ? (
      <View style={[s.line, s.indented]}>
        <Text style={s.subtitle} {...tagged(e.subtitle ? "P" : "Artifact")}>
          {e.subtitle ?? ""}
        </Text>
        {place}
      </View>
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
      ) : s.datesColumn ? (
        // The dates in the column on the left, on the first line (where parsers look for them),
        // the rest of the entry beside the column.
        <>
          {title || date ? (
            <View style={s.line}>
              <View style={s.dateCell}>
                <Text style={s.dateText} {...tagged(date && !e.dateHref ? "P" : "Artifact")}>
                  {e.date && !e.dateHref ? e.date : ""}
                </Text>
              </View>
              <Text style={s.title} {...tagged(title ? "H3" : "Artifact")}>
                {title}
              </Text>
              {/* An address in the dates' place (a project's) is no date: at the line's end. */}
              {e.dateHref ? date : null}
            </View>
          ) : null}
          {subtitleLine}
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
          {subtitleLine}
        </>
      )}
      {ownLine ? (
        <Text style={[s.address, s.indented]} {...tagged("P")}>
          {linked(e.location!, e.locationHref, s.link)}
        </Text>
      ) : null}
      {e.note ? (
        <Text style={[s.note, s.indented]} {...tagged("P")}>
          {e.note}
        </Text>
      ) : null}
      {e.summary && withSummary ? (
        <Text style={[s.paragraph, s.indented]} {...tagged("P")}>
          <Rich text={e.summary} s={s} />
        </Text>
      ) : null}
    </>
  );
}

/** One of an entry's labelled lines: "Courses: …". */
export function Detail({ d, s }: { d: Entry["details"][number]; s: Styles }) {
  return (
    <Text style={[s.detail, s.indented]} {...tagged("P")}>
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
 * The badge contained in its square, its proportions kept: a wide or tall image takes the
 * square's width or height and is centred along the other.
 */
function containedIn<T extends { width?: string | number; height?: string | number }>(
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
      style={containedIn(s.badge, e.badge)}
      src={{ data: e.badge.data, format: e.badge.format }}
      {...tagged("Figure", { alt: e.badge.alt })}
    />
  );
  const badge = e.badge.href ? <Link src={e.badge.href}>{img}</Link> : img;
  if (s.datesColumn)
    // The badge in the dates column, its entry beside it (the dates, if any, after the title).
    return (
      <View style={s.entryWithBadge}>
        <View style={s.badgeCell}>
          <View style={s.badgeBox}>{badge}</View>
        </View>
        <EntryBody e={e} s={{ ...s, datesColumn: false, indented: {} }} />
      </View>
    );
  return (
    <View style={s.entryWithBadge}>
      <View style={s.badgeBox}>{badge}</View>
      <EntryBody e={e} s={s} />
    </View>
  );
}

/** One row of a rows section: "Label: value". */
export function Row({ label, value, s }: { label: string; value: string; s: Styles }) {
  if (s.datesColumn && label && value)
    // The label in the column on the left, the value beside it: one paragraph, read "Label: value",
    // each part a span of it (boxes of their own, whose baselines differ when their scripts'
    // fonts do: the paragraph is read part after part, not line by line).
    return (
      <View style={{ ...s.row, flexDirection: s.mirrored ? "row-reverse" : "row" }} {...tagged("P")}>
        <View style={s.labelCell}>
          <Text style={s.labelText} {...tagged("Span")}>
            {rowLabel(label, value)}
          </Text>
        </View>
        <Text style={s.rowValue} {...tagged("Span")}>
          {value}
        </Text>
      </View>
    );
  return (
    <Text style={[s.row, s.indented]} {...tagged("P")}>
      {label ? <Text style={s.rowLabel}>{rowLabel(label, value)}</Text> : null}
      {value}
    </Text>
  );
}

/** The page footer on page 2 and after: the name and the page number, an artifact. */
export function Footer({ text, s }: { text: string; s: Styles }) {
  return (
    <Text style={s.footer} {...tagged("Artifact", { artifact: "Pagination" })}>
      {text}
    </Text>
  );
}
