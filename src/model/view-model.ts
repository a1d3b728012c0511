/**
 * The view model every output draws (the PDF's themes, the Word file, Markdown and text): the
 * résumé's name, contact line and sections in print order, with the theme, paper, language,
 * scripts and style they are drawn in. normalize.ts makes it from a validated résumé.
 */
import type { Paper, TextFont } from "../common/ids.js";
import type { ImageAsset } from "../input/assets.js";
import type { Resume } from "../input/schema.js";
import type { Locale } from "./locale.js";
import type { Direction, ScriptNeeds } from "./scripts.js";

export interface Link {
  text: string;
  href?: string;
  /** In the contact line: what the contact is, for the icon a theme may draw before it (icons.ts). */
  icon?: ContactIcon;
}

/** What a contact is: a place, an email, a phone, a web address, or a profile on a network. */
export type ContactIcon =
  | "location"
  | "email"
  | "phone"
  | "website"
  | "github"
  | "linkedin"
  | "gitlab"
  | "x"
  | "mastodon"
  | "orcid"
  | "scholar"
  | "stackoverflow"
  /** A profile on any other network. */
  | "link";

export interface Entry {
  /** Bold first line, left: organisation, institution, project or award. */
  title?: string;
  titleHref?: string;
  /** First line, right-aligned: the dates, or a project's address when it has no dates. */
  date?: string;
  /** Makes `date` a link (it is then the readable form of this URL). */
  dateHref?: string;
  /**
   * The dates `date` prints, as the input gives them (`2021-06`): `from` its first (or only) one,
   * `to` its end, absent when the range is open ("Present"). For outputs that mark dates up.
   */
  when?: { from?: string; to?: string };
  /** Second line, left (italic): role, degree, issuer. */
  subtitle?: string;
  /** Second line, right: place, or the address of a project or publication. */
  location?: string;
  /** Makes `location` a link (it is then the readable form of this URL). */
  locationHref?: string;
  /** Italic note under the heading, e.g. what the company does. */
  note?: string;
  summary?: string;
  bullets: string[];
  /** Small labelled lines after the bullets: "Courses: …", "Keywords: …". */
  details: { label: string; value: string; href?: string }[];
  badge?: ImageAsset & { href?: string; alt: string };
}

/** A section's title, and the same in capitals as its language writes them (Turkish `i` → `İ`). */
export interface Titled {
  id: string;
  title: string;
  caps: string;
}

export type Section =
  | (Titled & { kind: "text"; paragraph?: string; bullets: string[] })
  | (Titled & { kind: "entries"; entries: Entry[] })
  | (Titled & { kind: "rows"; rows: { label: string; value: string }[]; inline: boolean });

export interface ViewModel {
  name: string;
  label?: string;
  contacts: Link[];
  sections: Section[];
  /**
   * The theme: a built-in name, or the absolute path of the theme file `render.theme` names
   * (resolved by pipeline/resume.ts; render/themes draws with its tokens).
   */
  theme: string;
  paper: Paper;
  /** The emoji, CJK and script fonts the text needs (render.cjk forces its CJK choice). */
  scripts: ScriptNeeds;
  locale: Locale;
  /**
   * The direction the document reads in: `rtl` mirrors the layout (header, dates, bullets,
   * sidebar and rules on the other side) and sets every paragraph right to left.
   */
  direction: Direction;
  style: Style;
  photo?: ImageAsset & { alt: string };
  metadata: {
    title: string;
    author: string;
    subject?: string;
    keywords: string[];
    language: string;
  };
}

/** Render options that the command line may set over the file's `render`. */
export type RenderOptions = Partial<
  Pick<
    NonNullable<Resume["render"]>,
    | "theme"
    | "paper"
    | "accent"
    | "font"
    | "fontSize"
    | "lineSpacing"
    | "margins"
    | "locale"
    | "dateFormat"
    | "photo"
    | "order"
    | "hide"
    | "titles"
    | "cjk"
    | "icons"
  >
>;

/** How a document is styled beyond its theme: the knobs the file and command line set. */
export interface Style {
  accent?: string;
  font?: TextFont;
  fontSize?: number;
  lineSpacing?: number;
  margins?: number;
  /** Icons before the contacts, over the theme's own choice. */
  icons?: boolean;
}
