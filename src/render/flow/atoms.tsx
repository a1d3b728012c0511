/**
 * The résumé as the pieces its pages are made of. Each column the theme's layout sets
 * (render/layouts/: one column, or a header above a side and a main column) is a list of
 * sections; a section is its title and its blocks (an entry, or a section's paragraph, bullets or
 * rows); a block is a list of atoms: the smallest pieces a page break may fall between (an
 * entry's heading, its summary, each bullet, each detail line, each row). Nothing here decides
 * where pages break (plan.ts does, from the atoms' measured heights) or draws (compose.ts does,
 * from the measured atoms).
 *
 * The space between atoms is not part of them: each atom is drawn with its outer margins set to
 * zero, and carries the space before and after it as numbers, as a typesetter's glue. So the
 * space at the top of a page can be dropped, and spacing can be tightened (--fit) without
 * measuring any text again.
 */
import { Text, View } from "@react-pdf/renderer";
import { PAPER_SIZES } from "../../common/ids.js";
import type { ReactElement } from "react";
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import type { FlowKit } from "../layouts/layout.js";
import { layoutOf, type FontStack } from "../themes/index.js";
import { pageBox } from "../themes/measure.js";
import {
  BadgeEntry,
  Bullet,
  Contacts,
  Detail,
  EntryHeading,
  Footer,
  Header,
  Rich,
  Row,
  SectionTitle,
} from "../themes/primitives.js";
import { footerText, inlineRows, sectionHeading } from "../themes/reading.js";
import { directed } from "../themes/direction.js";
import { INHERIT_RTL, inDirection, mirrorColumn } from "../themes/mirror.js";
import { makeStyles, type Styles } from "../themes/styles.js";
import { tagged } from "../themes/tagging.js";
import type { ThemeTokens } from "../themes/tokens.js";
import type { Adjusted, Atom, AtomTag, Block, ColumnGeometry, ColumnId, Flows, Role, SectionFlow } from "./types.js";

/**
 * The document's atoms, in the columns the theme's layout sets. `adjusted`: the blocks the layout
 * sets differently after seeing a plan (see render/layouts/layout.ts `repaginate`).
 */
export function resumeFlows(
  vm: ViewModel,
  tokens: ThemeTokens,
  fonts: FontStack,
  adjusted: Adjusted = new Set(),
): Flows {
  const s = makeStyles(tokens, fonts);
  const box = pageBox(tokens, vm.paper);
  const { width: pageWidth, height: pageHeight } = PAPER_SIZES[vm.paper];
  const rtl = vm.direction === "rtl";
  // A right-to-left document is drawn mirrored (themes/mirror.ts): every sheet where it is drawn
  // with, every column where it stands.
  const dir = (sheet: Styles): Styles => inDirection(sheet, vm.direction);
  // …and its paragraphs that hold right-to-left text set right to left (themes/direction.ts).
  const rtlParagraphs = (el: ReactElement): ReactElement => (rtl ? <>{directed(el)}</> : el);
  const inherit = {
    fontFamily: s.page.fontFamily as string[],
    fontSize: tokens.size.body,
    color: tokens.color.text,
    ...(rtl ? INHERIT_RTL : {}),
  };
  const page = {
    width: pageWidth,
    height: pageHeight,
    top: tokens.margin.top,
    bottom: tokens.margin.bottom,
    left: tokens.margin.left,
    right: tokens.margin.right,
  };
  const footer = (n: number, total: number) =>
    rtlParagraphs(<Footer text={footerText(vm.name, n, total)} s={dir(s)} />);
  const keys = new StructureKeys();
  const full: ColumnGeometry = { width: box.width, left: tokens.margin.left, inherit, offset: 0 };
  const kit: FlowKit = {
    vm,
    tokens,
    fonts,
    styles: s,
    full,
    adjusted,
    header: (contacts) => ({ owner: "header", atoms: [headerAtom(vm, dir(s), tokens, "full", contacts)] }),
    contacts: (column, cs) =>
      vm.contacts.length
        ? [
            {
              owner: "contacts",
              atoms: [atom("contacts", column, <Contacts items={vm.contacts} s={dir(cs)} column />)],
            },
          ]
        : [],
    section: (sec, column, styleOf) => sectionFlow(sec, column, (block) => dir(styleOf(block)), keys, tokens),
  };
  const { columns, geometry } = layoutOf(tokens).columns(kit);
  if (!rtl) return { columns, geometry, page, footer };
  for (const c of columns.flatMap((c) => (c.wide ? [c, c.wide] : [c])))
    for (const a of [...c.lead, ...c.sections.flatMap((sec) => [{ atoms: [sec.title] }, ...sec.blocks])].flatMap(
      (b) => b.atoms,
    ))
      a.element = rtlParagraphs(a.element);
  const mirrored = (g: ColumnGeometry): ColumnGeometry => ({ ...g, left: mirrorColumn(g.left, g.width, pageWidth) });
  return {
    columns,
    geometry: { full: mirrored(geometry.full), side: mirrored(geometry.side), main: mirrored(geometry.main) },
    page: { ...page, left: page.right, right: page.left },
    footer,
  };
}

/** Keys that make the atoms of one section, entry or list one structure element, wherever they are drawn. */
class StructureKeys {
  private n = 0;
  next(kind: string): string {
    return `${kind}${++this.n}`;
  }
}

function atom(role: Role, column: ColumnId, element: ReactElement, extra: Partial<Atom> = {}): Atom {
  return { role, column, element, before: 0, after: 0, ...extra };
}

/** An atom that is one paragraph of inline-marked text (a section's paragraph, an entry's summary). */
function richAtom(
  role: Role,
  column: ColumnId,
  style: Styles["text"] | Styles["paragraph"],
  text: Parameters<typeof Rich>[0]["text"],
  f: Styles,
  extra: Partial<Atom>,
): Atom {
  return atom(
    role,
    column,
    <Text style={[style, f.indented]} {...tagged("P")}>
      <Rich text={text} s={f} />
    </Text>,
    extra,
  );
}

const margin = (style: object | undefined, side: "marginTop" | "marginBottom"): number => {
  const v = (style as Record<string, unknown> | undefined)?.[side];
  return typeof v === "number" ? v : 0;
};

/**
 * The style set with the space between atoms taken out (it is the atoms' `before` and `after`):
 * an atom measured with it has the same height whatever the spacing, so tighter spacing (--fit)
 * reuses its measurement.
 */
function withoutGaps(s: Styles): Styles {
  const zero = <T extends object>(style: T, ...sides: ("marginTop" | "marginBottom")[]): T => ({
    ...style,
    ...Object.fromEntries(sides.map((k) => [k, 0])),
  });
  return {
    ...s,
    header: zero(s.header, "marginBottom"),
    headerCentered: zero(s.headerCentered, "marginBottom"),
    headerSplit: zero(s.headerSplit, "marginBottom"),
    sectionTitle: zero(s.sectionTitle, "marginBottom"),
    paragraph: zero(s.paragraph, "marginTop"),
    bullet: zero(s.bullet, "marginBottom"),
    detail: zero(s.detail, "marginTop"),
    row: zero(s.row, "marginBottom"),
    entryWithBadge: zero(s.entryWithBadge, "marginBottom"),
  };
}

const flatStyles = new WeakMap<Styles, Styles>();
const flat = (s: Styles): Styles => {
  let f = flatStyles.get(s);
  if (!f) flatStyles.set(s, (f = withoutGaps(s)));
  return f;
};

function headerAtom(vm: ViewModel, s: Styles, tokens: ThemeTokens, column: ColumnId, contacts: boolean): Atom {
  const style = tokens.header.align === "center" ? s.headerCentered : s.header;
  return atom("header", column, <Header vm={vm} s={flat(s)} tokens={tokens} contacts={contacts} />, {
    after: margin(style, "marginBottom"),
  });
}

function sectionFlow(
  sec: Section,
  column: ColumnId,
  styleOf: (block: Entry | Section) => Styles,
  keys: StructureKeys,
  tokens: ThemeTokens,
): SectionFlow {
  const s = styleOf(sec);
  const f = flat(s);
  const sect = keys.next("sect");
  const title = atom("title", column, <SectionTitle text={sectionHeading(sec, tokens)} s={f} />, {
    before: margin(s.section, "marginTop"),
    after: margin(s.sectionTitle, "marginBottom"),
    tag: { tag: "Sect", key: sect },
    bookmark: sec.title,
  });
  const inSect: AtomTag = { tag: "Sect", key: sect };
  switch (sec.kind) {
    case "entries":
      return { section: sec, title, blocks: sec.entries.map((e) => entryBlock(e, column, styleOf(e), sect, keys)) };
    case "text": {
      const atoms: Atom[] = [];
      if (sec.paragraph) {
        // A paragraph keeps below it the space it has above a list, list or none.
        atoms.push(
          richAtom("paragraph", column, f.text, sec.paragraph, f, {
            tag: inSect,
            textKey: keys.next("p"),
            after: sec.bullets.length ? 0 : margin(s.bullets, "marginTop"),
          }),
        );
      }
      const list: AtomTag = { tag: "L", key: keys.next("list"), parent: sect };
      sec.bullets.forEach((b, i) => {
        atoms.push(
          atom("bullet", column, <Bullet text={b} s={f} />, {
            before: i === 0 && sec.paragraph ? margin(s.bullets, "marginTop") : 0,
            after: margin(s.bullet, "marginBottom"),
            tag: list,
          }),
        );
      });
      return { section: sec, title, blocks: [{ owner: sec, atoms }] };
    }
    case "rows": {
      if (sec.inline) {
        const text = (
          <Text style={[f.text, f.indented]} {...tagged("P")}>
            {inlineRows(sec.rows)}
          </Text>
        );
        return {
          section: sec,
          title,
          blocks: [{ owner: sec, atoms: [atom("row", column, text, { tag: inSect, textKey: keys.next("p") })] }],
        };
      }
      const atoms = sec.rows.map((r) =>
        atom("row", column, <Row label={r.label} value={r.value} s={f} />, {
          after: margin(s.row, "marginBottom"),
          tag: inSect,
          textKey: keys.next("p"),
        }),
      );
      return { section: sec, title, blocks: [{ owner: sec, atoms }] };
    }
  }
}

function entryBlock(e: Entry, column: ColumnId, s: Styles, sect: string, keys: StructureKeys): Block {
  const f = flat(s);
  const div = keys.next("entry");
  if (e.badge) {
    // A badge stands beside the whole entry: it never splits.
    const b = { ...s, entryWithBadge: f.entryWithBadge };
    const badged = e as Entry & { badge: NonNullable<Entry["badge"]> };
    return {
      owner: e,
      atoms: [
        atom("badge", column, <BadgeEntry e={badged} s={b} />, {
          after: margin(s.entryWithBadge, "marginBottom"),
          tag: { tag: "Div", key: div, parent: sect },
        }),
      ],
    };
  }
  const inEntry: AtomTag = { tag: "Div", key: div };
  const atoms: Atom[] = [];
  if (e.title || e.date || e.subtitle || e.location || e.note) {
    atoms.push(
      atom("heading", column, <EntryHeading e={e} s={f} withSummary={false} />, {
        tag: { tag: "Div", key: div, parent: sect },
      }),
    );
  }
  if (e.summary) {
    atoms.push(
      richAtom("summary", column, f.paragraph, e.summary, f, {
        before: margin(s.paragraph, "marginTop"),
        tag: atoms.length ? inEntry : { tag: "Div", key: div, parent: sect },
        textKey: keys.next("p"),
      }),
    );
  }
  const list: AtomTag = { tag: "L", key: keys.next("list"), parent: div };
  e.bullets.forEach((b, i) => {
    atoms.push(
      atom("bullet", column, <Bullet text={b} s={f} />, {
        before: i === 0 ? margin(s.bullets, "marginTop") : 0,
        after: margin(s.bullet, "marginBottom"),
        tag: list,
      }),
    );
  });
  for (const d of e.details)
    atoms.push(atom("detail", column, <Detail d={d} s={f} />, { before: margin(s.detail, "marginTop"), tag: inEntry }));
  if (!atoms.length) return { owner: e, atoms };
  // The first atom opens the entry's structure element.
  const first = atoms[0]!;
  if (first.tag?.tag !== "Div" || first.tag.key !== div) {
    atoms.unshift(atom("heading", column, <View />, { tag: { tag: "Div", key: div, parent: sect } }));
  }
  atoms.at(-1)!.after += margin(s.entry, "marginBottom");
  return { owner: e, atoms };
}
