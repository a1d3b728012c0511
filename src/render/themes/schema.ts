/**
 * The theme file's format: every design token of a theme (tokens.ts), as a person writes them in
 * YAML or JSON. Fonts by the ids `render.font` knows, sizes in points, margins in millimetres,
 * colours as #hex. One zod source gives the validator and the JSON Schema for editors
 * (theme.schema.json). A file with `extends` sets only the tokens it changes.
 *
 * What a theme may not do is refused here with its reason, at the value that does it: body text
 * too small to read on paper, margins a printer clips, text colours too pale to read on white, a
 * name or entry title that is not bold (résumé parsers find the name and each entry by it).
 */
import { z } from "zod";
import { BUILTIN_SECTIONS, FONT_IDS, type TextFont } from "../../common/ids.js";
import { choice } from "../../input/schema.js";
import { editorJsonSchema, withJsonSchema } from "../../input/json-schema.js";
import { LAYOUTS } from "../layouts/ids.js";
import type { ThemeTokens } from "./tokens.js";

/** The smallest body size a printed résumé stays readable at, in points. */
export const MIN_BODY_PT = 7;
/** The smallest size of any other text (dates, footers), in points. */
export const MIN_TEXT_PT = 6;
/** The narrowest margin, in millimetres: printers clip closer to the edge. */
export const MIN_MARGIN_MM = 5;
/** The contrast text needs against white paper (WCAG AA for text). */
export const MIN_CONTRAST = 4.5;

/** The marks a bullet may have: each in the theme fonts or the symbols font, each read as a list mark. */
export const BULLETS = ["•", "–", "▪", "◦", "‣", "·", "›"] as const;

/** WCAG 2 contrast of a #rrggbb colour against white. */
export function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

const points = (what: string, min: number, max: number, why?: (v: number) => string) =>
  z.number({ error: `expected ${what} in points, like 10` }).check((ctx) => {
    const v = ctx.value;
    if (v < min)
      ctx.issues.push({ code: "custom", message: why ? why(v) : `${v} pt is below the ${min} pt allowed`, input: v });
    else if (v > max) ctx.issues.push({ code: "custom", message: `${v} pt is above the ${max} pt allowed`, input: v });
  });

const textSize = (max: number) =>
  points(
    "a size",
    MIN_TEXT_PT,
    max,
    (v) => `${v} pt is below the ${MIN_TEXT_PT} pt any printed text stays readable at`,
  );

const spacing = (max = 40) => points("a space", 0, max);

/**
 * The schema's parts, made when first needed: a build with a built-in theme never needs them
 * (a theme of the package is checked by its tests, not on every start).
 */
let made: ReturnType<typeof makeSchemas> | undefined;
const schemas = () => (made ??= makeSchemas());

function makeSchemas() {
  const millimetres = z.number({ error: "expected millimetres, like 15" }).check((ctx) => {
    const v = ctx.value;
    if (v < MIN_MARGIN_MM)
      ctx.issues.push({
        code: "custom",
        message: `${v} mm is below the ${MIN_MARGIN_MM} mm printers keep clear of the edge (they clip there)`,
        input: v,
      });
    else if (v > 50) ctx.issues.push({ code: "custom", message: `${v} mm is above the 50 mm allowed`, input: v });
  });

  /** A colour as `#rgb` or `#rrggbb` (the pattern is what editors check), read as lower-case `#rrggbb`. */
  const hex = z.preprocess(
    (v) =>
      typeof v !== "string"
        ? v
        : /^#[0-9a-f]{3}$/i.test(v.trim())
          ? `#${[...v.trim().slice(1)].map((c) => c + c).join("")}`.toLowerCase()
          : v.trim().toLowerCase(),
    z
      .string({ error: "expected a colour like #1f3a5f" })
      .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "expected a colour like #1f3a5f"),
  );

  /** A colour text is drawn in: readable on white, or refused with the contrast it has. */
  const textColour = (what: string) =>
    hex.check((ctx) => {
      if (typeof ctx.value !== "string" || !/^#[0-9a-f]{6}$/.test(ctx.value)) return;
      const ratio = contrastOnWhite(ctx.value);
      if (ratio < MIN_CONTRAST)
        ctx.issues.push({
          code: "custom",
          message: `${ctx.value} on white has contrast ${Math.floor(ratio * 10) / 10}:1; ${what} ${MIN_CONTRAST}:1`,
          input: ctx.value,
        });
    });

  const bool = z.boolean({ error: "expected true or false" });

  /** A weight that reads as bold: parsers find the name and each entry by their bold lines. */
  const boldWeight = (what: string, description: string) =>
    withJsonSchema(
      z
        .number({ error: "expected a weight: 600 or 700" })
        .check((ctx) => {
          if (ctx.value !== 600 && ctx.value !== 700)
            ctx.issues.push({
              code: "custom",
              message:
                ctx.value < 600
                  ? `${ctx.value} is not bold; ${what} must be bold (600 or 700): résumé parsers find it by its bold line`
                  : `expected a weight: 600 or 700, got ${ctx.value}`,
              input: ctx.value,
            });
        })
        .describe(description),
      { type: "number", enum: [600, 700], description },
    );

  /** The tokens, as nested shapes: the schema of a complete theme and of an override are made from it. */
  const TOKENS = {
    font: {
      body: choice(FONT_IDS).describe("Font of the text: one of the ids render.font takes"),
      heading: choice(FONT_IDS).describe("Font of the name and the titles"),
    },
    size: {
      name: points("a size", 12, 60).describe("The name, in points"),
      label: textSize(30).describe("The headline under the name, in points"),
      section: textSize(30).describe("Section titles, in points"),
      body: points(
        "a size",
        MIN_BODY_PT,
        16,
        (v) => `${v} pt is below the ${MIN_BODY_PT} pt a printed résumé stays readable at`,
      ).describe("Body text, in points"),
      small: textSize(16).describe("Dates, details and the footer, in points"),
    },
    leading: z
      .number({ error: "expected a multiple of the font size, like 1.3" })
      .min(1, "at least 1")
      .max(2, "at most 2")
      .describe("Line height as a multiple of the font size"),
    color: {
      text: textColour("body text needs").describe("Body text"),
      muted: textColour("dates and details need").describe("Dates, places and details"),
      accent: hex.describe("The accent (rules and bars; the roles that share it follow render.accent)"),
      rule: hex.describe("The rule or bar of a section title"),
      link: textColour("links need").describe("Links"),
      name: textColour("the name needs").describe("The name"),
      title: textColour("titles need").describe("Section titles"),
      place: textColour("places need").optional().describe("An entry's place (the muted colour when not set)"),
    },
    margin: {
      top: millimetres.describe("In millimetres"),
      right: millimetres.describe("In millimetres"),
      bottom: millimetres.describe("In millimetres"),
      left: millimetres.describe("In millimetres"),
    },
    space: {
      header: spacing().describe("Below the header, in points"),
      section: spacing().describe("Above a section, in points"),
      title: spacing().describe("Below a section title, in points"),
      entry: spacing().describe("Between entries, in points"),
      line: spacing(12).describe("Between bullets, in points"),
    },
    sectionTitle: {
      uppercase: bool.describe("Section titles in capitals"),
      letterSpacing: z
        .number({ error: "expected points, like 0.8" })
        .min(-1, "at least -1 pt")
        .max(4, "at most 4 pt")
        .describe("Letter spacing of section titles, in points"),
      decoration: choice(["rule", "bar", "plain"]).describe(
        "rule: a line under the title; bar: an accent bar before it; plain: neither",
      ),
      weight: points("a width", 0, 6).describe("Width of the rule or bar, in points"),
      position: choice(["above", "column"])
        .optional()
        .describe(
          "above (the default): the title on a line of its own; column: in the labels column (entry.dates: column), the rule across the rest of the line",
        ),
    },
    header: {
      align: choice(["left", "center", "split"]).describe(
        "left or center: the name, the label and a row of contacts one under the other; split: name and label on the left, the contacts one per line on the right",
      ),
      nameWeight: boldWeight("the name", "Weight of the name: 600 or 700"),
      nameLetterSpacing: z
        .number({ error: "expected points, like 0" })
        .min(-2, "at least -2 pt")
        .max(4, "at most 4 pt")
        .describe("Letter spacing of the name, in points"),
    },
    entry: {
      titleWeight: boldWeight("an entry's first line", "Weight of an entry's first line: 600 or 700"),
      subtitleItalic: bool.describe("Whether the second line (role, degree) is italic"),
      dates: choice(["right", "column"])
        .optional()
        .describe(
          "right (the default): the dates at the end of an entry's first line; column: in a column on the left, on the first line, the entry beside it",
        ),
      columnWidth: points("a width", 50, 160)
        .optional()
        .describe("Width of the dates (labels) column, in points (90 when not set)"),
      bullet: choice(BULLETS).optional().describe("The mark before each bullet (• when not set)"),
    },
    sidebar: {
      side: choice(["left", "right"]).describe("The side the column stands on"),
      sections: z
        .array(choice(BUILTIN_SECTIONS), { error: "expected a list of section ids, like [skills, languages]" })
        .min(1, "name at least one section")
        .describe("The sections the side column holds, as far as they fit on page 1"),
    },
    layout: choice(LAYOUTS).describe("single: one column; sidebar: contacts, skills and languages in a side column"),
    badge: points("a size", 16, 120).describe("Printed size of a certificate badge, in points"),
    photo: points("a size", 24, 160).describe("Printed size of the photo, in points"),
    icons: bool
      .optional()
      .describe("Small icons before the contacts (drawings that readers skip); render.icons overrides it"),
  };

  const HEAD = {
    $schema: z.string({ error: "expected text" }).optional().describe("The JSON Schema of this file (for editors)"),
    extends: z
      .string({ error: "expected a theme: a built-in name, a path or a package" })
      .trim()
      .min(1, "expected a theme: a built-in name, a path or a package")
      .optional()
      .describe("The theme this one changes: a built-in name (classic), a path (./base.yaml) or a package"),
    name: z.string({ error: "expected text" }).trim().min(1).optional().describe("The theme's name"),
    description: z.string({ error: "expected text" }).optional().describe("One line about the theme"),
  };
  return {
    shape: { ...TOKENS, ...HEAD } as Shape,
    complete: object(TOKENS, false).extend(HEAD),
    override: object(TOKENS, true).extend(HEAD),
  };
}

type Shape = { [key: string]: z.ZodType | Shape };

/** Groups of tokens a complete theme may leave out (their defaults are in files.ts). */
const OPTIONAL_GROUPS = new Set(["sidebar"]);

function object(shape: Shape, partial: boolean): z.ZodObject {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(shape)) {
    const field = value instanceof z.ZodType ? value : object(value, partial);
    fields[key] = partial || OPTIONAL_GROUPS.has(key) ? field.optional() : field;
  }
  return z.strictObject(fields);
}

/** The schema of a theme that sets every token (no `extends`). */
export const completeThemeSchema = () => schemas().complete;
/** The schema of a theme that changes some tokens of the one it extends. */
export const themeOverrideSchema = () => schemas().override;

/** Every token as a theme file writes it: fonts by their ids, margins in millimetres. */
export type ThemeFileTokens = Omit<
  ThemeTokens,
  "name" | "description" | "font" | "color" | "sectionTitle" | "entry" | "sidebar"
> & {
  font: { body: TextFont; heading: TextFont };
  color: Omit<ThemeTokens["color"], "place"> & Partial<Pick<ThemeTokens["color"], "place">>;
  sectionTitle: Omit<ThemeTokens["sectionTitle"], "position"> & Partial<Pick<ThemeTokens["sectionTitle"], "position">>;
  entry: Omit<ThemeTokens["entry"], "dates" | "columnWidth" | "bullet"> &
    Partial<Pick<ThemeTokens["entry"], "dates" | "columnWidth" | "bullet">>;
  sidebar?: ThemeTokens["sidebar"];
};

/** A theme file as read: its head and its tokens (all of them, unless it extends another). */
export interface ThemeFile extends Partial<ThemeFileTokens> {
  $schema?: string;
  extends?: string;
  name?: string;
  description?: string;
}

/** The keys the object at `path` of a theme file may have ([] when it is not an object). */
export function themeKeysAt(path: readonly PropertyKey[]): string[] {
  let shape: Shape | z.ZodType = schemas().shape;
  for (const seg of path) {
    if (shape instanceof z.ZodType || typeof seg !== "string" || !Object.hasOwn(shape, seg)) return [];
    shape = shape[seg]!;
  }
  return shape instanceof z.ZodType ? [] : Object.keys(shape);
}

/** The JSON Schema of a theme file, for editors (theme.schema.json). */
export function themeJsonSchema(): Record<string, unknown> {
  return {
    ...editorJsonSchema(themeOverrideSchema(), "Résumé theme"),
    description:
      "A theme for resume-builder: the design tokens of a theme. Without `extends` a theme sets every token; " +
      "with it, only those it changes.",
  };
}
