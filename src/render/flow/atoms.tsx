/**
 * The résumé as the pieces its pages are made of. Each column (the single column, or the sidebar
 * theme's header, side and main columns) is a list of sections; a section is its title and its
 * blocks (an entry, or a section's paragraph, bullets or rows); a block is a list of atoms: the
 * smallest pieces a page break may fall between (an entry's heading, its summary, each bullet,
 * each detail line, each row). Nothing here decides where pages break (plan.ts does, from the
 * atoms' measured heights) or draws (compose.ts does, from the measured atoms).
 *
 * The space between atoms is not part of them: each atom is drawn with its outer margins set to
 * zero, and carries the space before and after it as numbers, as a typesetter's glue. So the
 * space at the top of a page can be dropped, and spacing can be tightened (--fit) without
 * measuring any text again.
 */
import { Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { Entry, Section, ViewModel } from "../../model/normalize.js";
import {
  BadgeEntry,
  Bullet,
  Contacts,
  Detail,
  EntryHeading,
  gridMainStyles,
  Header,
  makeStyles,
  Rich,
  Row,
  sideStyles,
  tagged,
  type Styles,
} from "../themes/components.js";
import type { FontStack } from "../themes/index.js";
import { columnEdges, pageBox } from "../themes/measure.js";
import { footerText, inlineRows, layoutSections, sectionHeading } from "../themes/reading.js";
import type { ThemeTokens } from "../themes/tokens.js";

export type ColumnId = "full" | "side" | "main";

/** What an atom is in its block: the planner's rules for breaking pages go by it. */
export type Role =
  "header" | "contacts" | "title" | "heading" | "summary" | "paragraph" | "bullet" | "detail" | "row" | "badge";

/** The structure element (tagged PDF) an atom belongs to, set on it when it is drawn. */
export interface AtomTag {
  tag: string;
  key?: string;
  parent?: string;
}

export interface Atom {
  role: Role;
  column: ColumnId;
  /** What it draws, as react-pdf elements (function components are expanded when measured). */
  element: ReactElement;
  /** Space before and after it, in points: dropped at the top of a page, hanging into the margin at its foot. */
  before: number;
  after: number;
  /** The structure element it is drawn into; undefined: the document's. */
  tag?: AtomTag;
  /** A paragraph that may break between its lines: its text element joins both pieces under this key. */
  textKey?: string;
  /** An outline entry (the section titles). */
  bookmark?: string;
}

export interface Block {
  /** The view model's entry or section it prints (a section's title and any content but entries). */
  owner: Entry | Section | "header" | "contacts";
  atoms: Atom[];
}

export interface SectionFlow {
  section: Section;
  title: Atom;
  blocks: Block[];
}

export interface ColumnFlow {
  column: ColumnId;
  /** Blocks before the sections (the header, the sidebar's contacts). */
  lead: Block[];
  sections: SectionFlow[];
}

/** Where a column stands on the page, and what its atoms inherit from it. */
export interface ColumnGeometry {
  /** Content width, in points. */
  width: number;
  /** Left edge, from the page's left edge. */
  left: number;
  /** Style inherited by the column's text (font, size, colour). */
  inherit: { fontFamily: string[]; fontSize: number; color: string };
  /** Extra space above the column's first line (the sidebar stands half a line lower). */
  offset: number;
}

export interface Flows {
  /** The single column, or the sidebar theme's header ("full"), side and main columns. */
  columns: ColumnFlow[];
  geometry: Record<ColumnId, ColumnGeometry>;
  /** Page size and the text area (margins) in points. */
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  /** The page footer on page `n` of `total`. */
  footer(page: number, total: number): ReactElement;
}

/** Which of the sidebar theme's main-column entries and sections are set in the theme's own spacing, off the grid. */
export type OffGrid = ReadonlySet<Entry | Section>;

/**
 * The document's atoms. `offGrid`: the sidebar theme's main-column blocks that begin below the
 * sidebar and are set in the theme's own, tighter spacing (see pipeline/paginate.ts).
 */
export function resumeFlows(vm: ViewModel, tokens: ThemeTokens, fonts: FontStack, offGrid: OffGrid = new Set()): Flows {
  const s = makeStyles(tokens, fonts);
  const box = pageBox(tokens, vm.paper);
  const [pageWidth, pageHeight] = vm.paper === "letter" ? [612, 792] : [595.28, 841.89];
  const inherit = { fontFamily: s.page.fontFamily as string[], fontSize: tokens.size.body, color: tokens.color.text };
  const page = {
    width: pageWidth,
    height: pageHeight,
    top: tokens.margin.top,
    bottom: tokens.margin.bottom,
    left: tokens.margin.left,
    right: tokens.margin.right,
  };
  const footer = (n: number, total: number) => (
    <Text style={s.footer} {...tagged("Artifact", { artifact: "Pagination" })}>
      {footerText(vm.name, n, total)}
    </Text>
  );
  const keys = new StructureKeys();
  const header: Block = { owner: "header", atoms: [headerAtom(vm, s, tokens, "full")] };
  const full: ColumnGeometry = { width: box.width, left: tokens.margin.left, inherit, offset: 0 };
  const { side, main } = layoutSections(vm, tokens);
  if (tokens.layout.kind !== "sidebar") {
    return {
      columns: [
        {
          column: "full",
          lead: [header],
          sections: main.map((sec) => sectionFlow(sec, "full", () => s, keys, tokens)),
        },
      ],
      geometry: { full, side: full, main: full },
      page,
      footer,
    };
  }
  const ss = sideStyles(tokens, fonts);
  const grid = gridMainStyles(tokens, fonts);
  const edges = columnEdges(tokens, vm.paper);
  const sideWidth = box.width * tokens.layout.width - tokens.layout.gap / 2;
  const sideColumn = ss.side as { fontSize: number; paddingTop: number };
  const sideGeometry: ColumnGeometry = {
    width: sideWidth,
    left: tokens.margin.left,
    inherit: { ...inherit, fontSize: sideColumn.fontSize },
    offset: sideColumn.paddingTop,
  };
  const mainGeometry: ColumnGeometry = {
    width: box.width - box.width * tokens.layout.width - tokens.layout.gap / 2,
    left: edges.mainLeft,
    inherit,
    offset: 0,
  };
  const contacts: Block[] = vm.contacts.length
    ? [{ owner: "contacts", atoms: [atom("contacts", "side", <Contacts items={vm.contacts} s={ss} column />)] }]
    : [];
  const styleOf = (block: Entry | Section) => (offGrid.has(block) ? s : grid);
  return {
    columns: [
      { column: "full", lead: [header], sections: [] },
      { column: "side", lead: contacts, sections: side.map((sec) => sectionFlow(sec, "side", () => ss, keys, tokens)) },
      { column: "main", lead: [], sections: main.map((sec) => sectionFlow(sec, "main", styleOf, keys, tokens)) },
    ],
    geometry: { full, side: sideGeometry, main: mainGeometry },
    page,
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
    <Text style={style} {...tagged("P")}>
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

function headerAtom(vm: ViewModel, s: Styles, tokens: ThemeTokens, column: ColumnId): Atom {
  const style = tokens.header.align === "center" ? s.headerCentered : s.header;
  return atom("header", column, <Header vm={vm} s={flat(s)} tokens={tokens} />, {
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
  const title = atom(
    "title",
    column,
    <Text style={f.sectionTitle} {...tagged("H2")}>
      {sectionHeading(sec, tokens)}
    </Text>,
    {
      before: margin(s.section, "marginTop"),
      after: margin(s.sectionTitle, "marginBottom"),
      tag: { tag: "Sect", key: sect },
      bookmark: sec.title,
    },
  );
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
          <Text style={f.text} {...tagged("P")}>
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
