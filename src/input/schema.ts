/**
 * The résumé schema: JSON Resume 1.3 plus this tool's documented extensions
 * (`certificates[].badge`, `customSections`, `render`). One zod source gives the validator,
 * the TypeScript types and the JSON Schema for editors.
 */
import { z } from "zod";
import { didYouMean, noSuchName } from "../common/errors.js";
import { BUILTIN_SECTIONS, CJK, FONT_IDS, PAPERS, THEMES, themeSpecKind } from "../common/ids.js";
import { slug } from "../common/text.js";
import { canonicalDate, checkDate } from "./dates.js";
import { editorJsonSchema, withJsonSchema } from "./json-schema.js";
import { DATE_FORMATS, isPresentWord, LOCALES } from "./languages.js";
import { completeUrl } from "./urls.js";
import { LANGUAGE_TAG_PATTERN, languageTagOf, translatable, TRANSLATIONS_JSON_SCHEMA } from "./translations.js";

export { BUILTIN_SECTIONS, type BuiltinSection } from "../common/ids.js";

const text = () => z.string({ error: "expected text" });

/** One of `values`, in any case (`A4`, `Classic`), as the lower-case value. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, what = "one of") {
  return withJsonSchema(
    z.preprocess(
      (v) => (typeof v === "string" ? (values.find((x) => x.toLowerCase() === v.trim().toLowerCase()) ?? v) : v),
      z.enum(values, { error: `expected ${what}: ${values.join(", ")}` }),
    ),
    { type: "string", enum: [...values] },
  );
}

/**
 * Objects of this tool's own extensions (render, variants, custom sections, tagged bullets):
 * every key in them must be known, since no other tool writes them. JSON Resume's own objects
 * accept keys they do not print (see coerce.ts).
 */
export const CLOSED_OBJECTS = new WeakSet<z.core.$ZodType>();
function closed<T extends z.core.$ZodType>(schema: T): T {
  CLOSED_OBJECTS.add(schema);
  return schema;
}

const DATE_JSON_SCHEMA = {
  anyOf: [
    {
      type: "string",
      pattern:
        "^([12][0-9]{3}([-/][01]?[0-9]([-/][0-3]?[0-9](T[0-9:.]+(Z|[+-][0-9:]+)?)?)?)?|[01]?[0-9][/.][12][0-9]{3})$",
    },
    { type: "integer", minimum: 1900, maximum: 2199 },
  ],
};

/** A letter's date. YAML reads an unquoted 2018 as a number, so whole numbers are accepted as years. */
const isoDate = withJsonSchema(
  z.preprocess(
    (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : typeof v === "string" ? canonicalDate(v) : v),
    z.string({ error: "expected a date like 2021, 2021-06 or 2021-06-30" }).check((ctx) => {
      const why = isPresentWord(ctx.value)
        ? "is not a date; only an end date can be ongoing (write when it started)"
        : checkDate(ctx.value);
      if (why) ctx.issues.push({ code: "custom", message: `"${ctx.value}" ${why}`, input: ctx.value });
    }),
  ),
  { description: "YYYY, YYYY-MM or YYYY-MM-DD (also YYYY/MM, MM/YYYY, or an ISO date-time)", ...DATE_JSON_SCHEMA },
);

/**
 * A résumé's date fields: coerce.ts has read each value as people write it (dates.ts) and said
 * what it assumed, so what reaches the schema is a date, or text printed as written (with a
 * warning, and refused under --strict). The JSON Schema still asks editors for a date.
 */
export const DATE_FIELDS = new WeakSet<z.core.$ZodType>();
const asWritten = (v: unknown) =>
  typeof v === "number" && Number.isInteger(v) ? String(v) : typeof v === "string" ? canonicalDate(v) : v;
const resumeDate = withJsonSchema(
  z.preprocess(asWritten, z.string({ error: "expected a date like 2021, 2021-06 or 2021-06-30" })),
  {
    description: "YYYY, YYYY-MM or YYYY-MM-DD (also YYYY/MM, MM/YYYY, or an ISO date-time)",
    ...DATE_JSON_SCHEMA,
  },
);
const resumeEndDate = withJsonSchema(
  z.preprocess((v) => (typeof v === "string" && isPresentWord(v) ? undefined : v), resumeDate.optional()),
  {
    description: "YYYY, YYYY-MM or YYYY-MM-DD; leave it out (or write Present) for an ongoing role",
    anyOf: [...DATE_JSON_SCHEMA.anyOf, { type: "string", enum: ["Present", "present"] }],
  },
);
DATE_FIELDS.add(resumeDate);
DATE_FIELDS.add(resumeEndDate);

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/**
 * A web address. One that cannot be a link (`https://scecom`, a `javascript:` link) still prints,
 * as text: coerce.ts warns with the reason (urlProblem, urls.ts), --strict refuses it, and the view model
 * links only what urlProblem accepts.
 */
export const URL_FIELDS = new WeakSet<z.core.$ZodType>();
const url = withJsonSchema(
  z.preprocess(
    (v) => (typeof v === "string" ? emptyToUndefined(completeUrl(v)) : v),
    z.string({ error: "expected a URL" }).optional(),
  ),
  { type: "string", format: "uri" },
);
URL_FIELDS.add(url);

/**
 * An email address. One that is not valid (`jane(at)example.com`) still prints, as text: coerce.ts
 * warns, --strict refuses it, and the view model links only a valid one.
 */
export const EMAIL_FIELDS = new WeakSet<z.core.$ZodType>();
const email = withJsonSchema(
  z.preprocess(emptyToUndefined, z.string({ error: "expected an email address" }).optional()),
  { type: "string", format: "email" },
);
EMAIL_FIELDS.add(email);

const list = <T extends z.ZodType>(item: T) => z.array(item, { error: "expected a list" });

/** A language tag this tool prints (`de`, `pt-BR`, `zh-Hant`), in any case; read as its canonical form. */
export const languageTag = withJsonSchema(
  z.preprocess(
    (v) => (typeof v === "string" ? (languageTagOf(v) ?? v) : v),
    z.string({ error: "expected a language tag, e.g. de" }).refine((v) => languageTagOf(v) !== undefined, {
      error: (iss) =>
        `"${String(iss.input)}" is not a language this tool prints; languages: ${LOCALES.join(", ")} (with a region or script too, e.g. pt-BR)`,
    }),
  ),
  { type: "string", pattern: LANGUAGE_TAG_PATTERN },
);
const strings = () => list(text());

const TAG_RE = /^[a-z0-9][a-z0-9-]*$/;
/** Extension: tags choose what a variant prints; untagged content is in every variant. */
const tags = () =>
  list(text().regex(TAG_RE, "a tag is lower-case letters, digits and dashes, e.g. backend"))
    .optional()
    .describe("Extension: tags for variants (render only in variants that include them)");

/** A bullet: text, or (extension) text with tags. */
const bullet = z.union([text(), closed(z.strictObject({ text: text(), tags: tags() }))], {
  error: "expected a bullet as text, or as { text, tags }",
});
const bullets = () => list(bullet);

const location = z.strictObject({
  address: text().optional(),
  postalCode: text().optional(),
  city: text().optional(),
  countryCode: text().optional(),
  region: text().optional(),
});

const profile = z.strictObject({
  network: text().optional(),
  username: text().optional(),
  url: url,
});

const basics = z.strictObject({
  name: z.string({ error: "expected the person's name as text" }).trim().min(1, "the name must not be empty"),
  label: text().optional(),
  image: text().optional(),
  email: email,
  phone: text().optional(),
  url: url,
  summary: text().optional(),
  location: location.optional(),
  profiles: list(profile).optional(),
});

/** Shared date-range fields plus the "end before start" rule. */
const dated = {
  startDate: resumeDate.optional(),
  endDate: resumeEndDate,
};

/** Refinements run even when sibling fields have problems, so that every problem is reported at
 *  once; they therefore look at their input defensively. */
const always = { when: () => true };

const work = z.strictObject({
  tags: tags(),
  name: text().optional(),
  location: z
    .union([text(), location], { error: "expected a place as text or as a location (city, region, …)" })
    .optional(),
  description: text().optional(),
  position: text().optional(),
  url: url,
  ...dated,
  summary: text().optional(),
  highlights: bullets().optional(),
});

const volunteer = z.strictObject({
  tags: tags(),
  organization: text().optional(),
  position: text().optional(),
  url: url,
  ...dated,
  summary: text().optional(),
  highlights: bullets().optional(),
});

const education = z.strictObject({
  tags: tags(),
  institution: text().optional(),
  url: url,
  area: text().optional(),
  studyType: text().optional(),
  ...dated,
  score: text().optional(),
  courses: strings().optional(),
  location: z
    .union([text(), location], { error: "expected a place as text or as a location (city, region, …)" })
    .optional()
    .describe("Extension: where the institution is"),
  summary: text().optional().describe("Extension: a paragraph under the degree"),
  highlights: bullets().optional().describe("Extension: bullets (thesis, honours, activities)"),
});

const award = z.strictObject({
  tags: tags(),
  title: text().optional(),
  date: resumeDate.optional(),
  awarder: text().optional(),
  summary: text().optional(),
});

const certificate = z.strictObject({
  tags: tags(),
  name: text().optional(),
  date: resumeDate.optional(),
  url: url,
  issuer: text().optional(),
  badge: text()
    .min(1, "the badge path must not be empty")
    .optional()
    .describe(
      "Extension: path to a PNG or JPEG badge, relative to the résumé file; drawn beside the certificate and linked to its url",
    ),
});

const publication = z.strictObject({
  tags: tags(),
  name: text().optional(),
  publisher: text().optional(),
  releaseDate: resumeDate.optional(),
  url: url,
  summary: text().optional(),
});

const skill = z.strictObject({
  tags: tags(),
  name: text().optional(),
  level: text().optional(),
  keywords: strings().optional(),
});

const language = z.strictObject({
  tags: tags(),
  language: text().optional(),
  fluency: text().optional(),
});

const interest = z.strictObject({
  tags: tags(),
  name: text().optional(),
  keywords: strings().optional(),
});

const reference = z.strictObject({
  tags: tags(),
  name: text().optional(),
  reference: text().optional(),
});

const project = z.strictObject({
  tags: tags(),
  name: text().optional(),
  description: text().optional(),
  highlights: bullets().optional(),
  keywords: strings().optional(),
  ...dated,
  url: url,
  roles: strings().optional(),
  entity: text().optional(),
  type: text().optional(),
});

const SECTION_ID_RE = /^[a-z][a-z0-9-]*$/;

const customSection = closed(
  z
    .strictObject({
      id: text()
        .regex(SECTION_ID_RE, "an id is lower-case letters, digits and dashes, starting with a letter")
        .optional()
        .describe("Name used in render.order; defaults to the title in lower case with dashes"),
      title: text().trim().min(1, "the title must not be empty"),
      tags: tags(),
      summary: text().optional().describe("A paragraph"),
      highlights: bullets().optional().describe("Bullets"),
    })
    .superRefine((raw, ctx) => {
      const s = asRecord(raw);
      if (s.summary === undefined && (!Array.isArray(s.highlights) || s.highlights.length === 0)) {
        ctx.addIssue({ code: "custom", message: "a custom section needs a summary, highlights, or both" });
      }
    }, always)
    .describe("Extension: a section with its own title, holding a paragraph and/or bullets"),
);

/** The rendering knobs; each is also a command-line option, checked by the same schema. */
export const RENDER_KNOBS = {
  accent: z
    .string({ error: "expected a colour like #1f3a5f" })
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "expected a colour like #1f3a5f")
    .optional()
    .describe("Accent colour (#rgb or #rrggbb) for the name, titles and links"),
  font: choice(FONT_IDS).optional().describe("Text font family"),
  fontSize: z
    .number({ error: "expected a size in points, like 10" })
    .min(9, "at least 9 pt, to stay legible")
    .max(13, "at most 13 pt")
    .optional()
    .describe("Body text size in points; headings scale with it"),
  lineSpacing: z
    .number({ error: "expected a multiple of the font size, like 1.3" })
    .min(1, "at least 1")
    .max(2, "at most 2")
    .optional()
    .describe("Line height as a multiple of the font size"),
  margins: z
    .number({ error: "expected millimetres, like 15" })
    .min(12, "at least 12 mm, so nothing prints within 10 mm of the edge")
    .max(30, "at most 30 mm")
    .optional()
    .describe("Page margins in millimetres, all four sides"),
  locale: choice(LOCALES).optional().describe("Language of section titles, month names and 'Present'"),
  dateFormat: choice(DATE_FORMATS)
    .optional()
    .describe("short (Jun 2021), long (June 2021), numeric (06/2021) or year (2021)"),
  photo: z
    .boolean({ error: "expected true or false" })
    .optional()
    .describe("Print basics.image (a PNG or JPEG beside the résumé) as a photo"),
  icons: z
    .boolean({ error: "expected true or false" })
    .optional()
    .describe(
      "Draw small icons before the email, phone, place, web address and profiles (drawings, never text); the theme decides when not set",
    ),
};

const THEME_EXPECTED = `expected a theme: one of ${THEMES.join(", ")}, a theme file (./my-theme.yaml) or a theme package (resume-theme-x)`;

/**
 * A theme: a built-in name in any case (`Classic`), a theme file's path (relative to the résumé)
 * or the name of a package that holds one. Whether the file or package is there is checked when
 * the theme is read (render/themes/files.ts).
 */
const themeSpec = withJsonSchema(
  z.preprocess(
    (v) => (typeof v === "string" ? (THEMES.find((x) => x === v.trim().toLowerCase()) ?? v.trim()) : v),
    z.string({ error: THEME_EXPECTED }).refine((v) => themeSpecKind(v) !== undefined, THEME_EXPECTED),
  ),
  {
    anyOf: [
      { type: "string", enum: [...THEMES] },
      { type: "string", minLength: 1 },
    ],
    description: "A built-in theme, a theme file (./my-theme.yaml, relative to this file) or a theme package",
  },
);

const render = closed(
  z
    .strictObject({
      ...RENDER_KNOBS,
      theme: themeSpec.optional(),
      paper: choice(PAPERS).optional(),
      cjk: choice(CJK)
        .optional()
        .describe(
          "Noto CJK font for Chinese (sc simplified, tc traditional), Japanese (jp) or Korean (kr) text; chosen from the text when not set",
        ),
      strict: z
        .boolean({ error: "expected true or false" })
        .optional()
        .describe("Refuse keys that are not printed (as --strict does) instead of warning about them"),
      maxPages: z
        .int({ error: "expected a whole number of pages" })
        .min(1, "at least 1 page")
        .optional()
        .describe("Fail the build when the résumé needs more pages (the command line's --max-pages overrides it)"),
      fit: z
        .int({ error: "expected a whole number of pages" })
        .min(1, "at least 1 page")
        .optional()
        .describe("Tighten spacing, leading, then size and margins until the résumé fits this many pages"),
      order: list(text())
        .optional()
        .describe("Section ids in the order to print them; unlisted sections follow in the default order"),
      hide: list(text()).optional().describe("Section ids not to print"),
      languages: list(languageTag)
        .min(1, "name at least one language")
        .optional()
        .describe(
          "The languages the résumé is written in (translations: { en: …, de: … } in place of any text); one PDF each, <Name>-Resume-de.pdf. The first is the default: a text with no translation prints in it",
        ),
      titles: closed(z.partialRecord(z.enum(BUILTIN_SECTIONS), text().trim().min(1, "a title must not be empty")))
        .optional()
        .describe("Titles for built-in sections, e.g. { projects: Open source }"),
    })
    .describe("Extension: rendering options; the command line overrides them"),
);

const variant = closed(
  z
    .strictObject({
      include: list(text()).optional().describe("Print tagged content only if it has one of these tags"),
      exclude: list(text()).optional().describe("Never print content with one of these tags"),
      order: list(text()).optional().describe("Section order for this variant"),
      hide: list(text()).optional().describe("Sections this variant does not print"),
      maxPages: z.int({ error: "expected a whole number of pages" }).min(1, "at least 1 page").optional(),
      fit: z.int({ error: "expected a whole number of pages" }).min(1, "at least 1 page").optional(),
      output: text()
        .regex(/^[^/\\]+\.pdf$/i, "an output is a file name ending in .pdf, like Jane-Doe-Backend.pdf")
        .optional()
        .describe("File name of this variant's PDF (default <Name>-Resume-<variant>.pdf)"),
    })
    .describe("Extension: a tailored version of the résumé"),
);

const VARIANT_NAME_RE = /^[a-z0-9][a-z0-9-]*$/;

/** What a cover letter says; in the résumé's `letters` list, or in a file of its own. */
const letterFields = {
  language: languageTag
    .optional()
    .describe(
      "The one language this letter is written in: it is built in that language only (default: every language of the résumé)",
    ),
  variant: text().optional().describe("The variant of the résumé this letter goes with (its header is that variant's)"),
  to: closed(
    z.strictObject({
      name: text().optional().describe("Who the letter is addressed to"),
      organization: text().optional(),
      address: z
        .union([text(), strings()], { error: "expected the address as text or a list of lines" })
        .optional()
        .describe("Address lines"),
    }),
  )
    .optional()
    .describe("The recipient, printed above the subject"),
  date: isoDate.optional().describe("The letter's date (default: the build's date, SOURCE_DATE_EPOCH when set)"),
  subject: text().optional().describe("The subject line, printed in bold"),
  greeting: text().optional().describe("e.g. Dear Ms Rivera,"),
  body: z
    .union(
      [
        text().trim().min(1, "the letter's body must not be empty"),
        list(text()).min(1, "the letter's body must not be empty"),
      ],
      {
        error: "expected the body as text (paragraphs separated by blank lines) or a list of paragraphs",
      },
    )
    .describe("Paragraphs, with the inline markup of summaries (**bold**, *italic*, [links](https://…))"),
  closing: text().optional().describe("e.g. Kind regards,; the name follows it"),
};

const LETTER_ID = text().regex(VARIANT_NAME_RE, "a letter id is lower-case letters, digits and dashes, e.g. acme");

const letter = closed(
  z
    .strictObject({
      id: LETTER_ID.describe("Name used by --letter and in the file name <Name>-Letter-<id>.pdf"),
      ...letterFields,
    })
    .describe("Extension: a cover letter"),
);

/** A letter in a file of its own: `resume:` names the résumé it goes with. */
export const LetterFileSchema = closed(
  z
    .strictObject({
      $schema: text().optional(),
      resume: text()
        .trim()
        .min(1, "name the résumé file this letter goes with")
        .describe("The résumé file this letter goes with, relative to this file"),
      id: LETTER_ID.optional().describe("Used in the file name <Name>-Letter-<id>.pdf (default: this file's name)"),
      ...letterFields,
    })
    .describe("A cover letter that goes with a résumé"),
);

export type Letter = z.output<typeof letter>;
export type LetterFile = z.output<typeof LetterFileSchema>;

const meta = z
  .looseObject({
    canonical: url,
    version: text().optional(),
    lastModified: text().optional(),
  })
  .describe("Tooling information; other keys are allowed and ignored");

export const ResumeSchema = z
  .strictObject({
    $schema: text().optional(),
    basics: basics,
    work: list(work).optional(),
    volunteer: list(volunteer).optional(),
    education: list(education).optional(),
    awards: list(award).optional(),
    certificates: list(certificate).optional(),
    publications: list(publication).optional(),
    skills: list(skill).optional(),
    languages: list(language).optional(),
    interests: list(interest).optional(),
    references: list(reference).optional(),
    projects: list(project).optional(),
    meta: meta.optional(),
    customSections: list(customSection).optional(),
    render: render.optional(),
    variants: z
      .record(z.string().regex(VARIANT_NAME_RE, "a variant name is lower-case letters, digits and dashes"), variant, {
        error: "expected variants by name",
      })
      .optional()
      .describe("Extension: named tailored versions (resume build --variant NAME)"),
    letters: list(letter)
      .optional()
      .describe("Extension: cover letters that go with the résumé (resume build --letter ID)"),
  })
  .superRefine((raw, ctx) => {
    // Section ids must be unique, and render.order may only name sections that can exist.
    const doc = asRecord(raw);
    const ids = new Set<string>(BUILTIN_SECTIONS);
    const custom = Array.isArray(doc.customSections) ? doc.customSections.map(asRecord) : [];
    custom.forEach((s, i) => {
      if (typeof s.title !== "string" || (s.id !== undefined && typeof s.id !== "string")) return;
      const id = customSectionId({ id: s.id as string | undefined, title: s.title });
      if (ids.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["customSections", i, s.id ? "id" : "title"],
          message: `section id "${id}" is already taken; give this section a different id`,
        });
      }
      ids.add(id);
    });
    // Tags a variant names must be on some entry or bullet: a typo would silently drop content.
    const used = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v !== null && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "tags" && Array.isArray(x)) x.forEach((t) => typeof t === "string" && used.add(t));
          else if (k !== "variants") collect(x);
        }
      }
    };
    collect(doc);
    for (const [name, raw] of Object.entries(asRecord(doc.variants))) {
      const v = asRecord(raw);
      for (const key of ["include", "exclude"] as const) {
        (Array.isArray(v[key]) ? (v[key] as unknown[]) : []).forEach((tag, i) => {
          if (typeof tag === "string" && !used.has(tag)) {
            const guess = didYouMean(tag, [...used]);
            ctx.addIssue({
              code: "custom",
              path: ["variants", name, key, i],
              message: `no entry or bullet has the tag "${tag}"${guess ? `; did you mean "${guess}"?` : ""}`,
            });
          }
        });
      }
      for (const key of ["order", "hide"] as const) {
        (Array.isArray(v[key]) ? (v[key] as unknown[]) : []).forEach((id, i) => {
          if (typeof id === "string" && !ids.has(id)) {
            ctx.addIssue({
              code: "custom",
              path: ["variants", name, key, i],
              message: unknownSectionMessage(id, [...ids]),
            });
          }
        });
      }
    }
    // Letter ids name output files; each must be unique, and a letter's variant must exist.
    const letterIds = new Set<string>();
    (Array.isArray(doc.letters) ? doc.letters.map(asRecord) : []).forEach((l, i) => {
      if (typeof l.id === "string") {
        if (letterIds.has(l.id))
          ctx.addIssue({
            code: "custom",
            path: ["letters", i, "id"],
            message: `the letter id "${l.id}" is already taken; give this letter a different id`,
          });
        letterIds.add(l.id);
      }
      if (typeof l.variant === "string" && !(l.variant in asRecord(doc.variants))) {
        ctx.addIssue({
          code: "custom",
          path: ["letters", i, "variant"],
          message: noSuchName(
            "variant",
            l.variant,
            Object.keys(asRecord(doc.variants)),
            "the résumé defines no variants",
          ),
        });
      }
    });
    // Each language once; a letter written in one language names one of the résumé's.
    const languages = asRecord(doc.render).languages;
    const tags = Array.isArray(languages)
      ? languages.map((l) => (typeof l === "string" ? languageTagOf(l) : undefined))
      : [];
    tags.forEach((t, i) => {
      if (t !== undefined && tags.indexOf(t) < i)
        ctx.addIssue({ code: "custom", path: ["render", "languages", i], message: `${t} is listed twice` });
    });
    (Array.isArray(doc.letters) ? doc.letters.map(asRecord) : []).forEach((l, i) => {
      const tag = typeof l.language === "string" ? languageTagOf(l.language) : undefined;
      if (tag !== undefined && tags.length && !tags.includes(tag))
        ctx.addIssue({
          code: "custom",
          path: ["letters", i, "language"],
          message: `${tag} is not one of the résumé's languages (render.languages: ${tags.join(", ")})`,
        });
    });
    const hide = asRecord(doc.render).hide;
    (Array.isArray(hide) ? hide : []).forEach((id: unknown, i) => {
      if (typeof id === "string" && !ids.has(id)) {
        ctx.addIssue({ code: "custom", path: ["render", "hide", i], message: unknownSectionMessage(id, [...ids]) });
      }
    });
    const seen = new Set<string>();
    const order = asRecord(doc.render).order;
    (Array.isArray(order) ? order : []).forEach((id: unknown, i) => {
      if (typeof id !== "string") return;
      if (!ids.has(id)) {
        ctx.addIssue({ code: "custom", path: ["render", "order", i], message: unknownSectionMessage(id, [...ids]) });
      } else if (seen.has(id)) {
        ctx.addIssue({ code: "custom", path: ["render", "order", i], message: `"${id}" is listed twice` });
      }
      seen.add(id);
    });
  }, always);

/** `v` as a plain object's entries, or none: for looking into data that may not be valid. */
export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export type Resume = z.output<typeof ResumeSchema>;
export type CustomSection = NonNullable<Resume["customSections"]>[number];

/** A custom section's id: the one it gives, or its title as a slug (`Open Source` → `open-source`). */
export function customSectionId(s: { id?: string; title: string }): string {
  return s.id ?? slug(s.title);
}

export function unknownSectionMessage(id: string, known: readonly string[]): string {
  const guess = didYouMean(id, known);
  return guess
    ? `no section "${id}"; did you mean "${guess}"?`
    : `no section "${id}"; sections are: ${known.join(", ")}`;
}

/** The JSON Schema editors use to check and complete `resume.yaml` (json-schema.ts). */
export function resumeJsonSchema(): Record<string, unknown> {
  return withTranslations(editorJsonSchema(ResumeSchema, "Résumé (JSON Resume 1.3 with resume-builder extensions)"));
}

/**
 * Every text that may be translated (translations.ts) shown to editors as text or a translation
 * map: `{ anyOf: [{ type: string }, { $ref: "#/$defs/translations" }] }`. `base`: the data path of
 * the schema's root (a letter file's fields are a letter's).
 */
function withTranslations(json: Record<string, unknown>, base: PropertyKey[] = []): Record<string, unknown> {
  const visit = (node: unknown, at: PropertyKey[]): unknown => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
    const n = node as Record<string, unknown>;
    const plainText = n.type === "string" && !n.enum && !n.pattern && !n.format && !n.const;
    if (plainText && translatable(at)) {
      const { description, ...text } = n;
      return { ...(description ? { description } : {}), anyOf: [text, { $ref: "#/$defs/translations" }] };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === "properties" && v && typeof v === "object")
        out[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, visit(x, [...at, p])]));
      else if (k === "items" || k === "additionalProperties") out[k] = visit(v, [...at, 0]);
      else if (k === "anyOf" || k === "oneOf") out[k] = (v as unknown[]).map((x) => visit(x, at));
      else out[k] = v;
    }
    return out;
  };
  const root = visit(json, base) as Record<string, unknown>;
  return { ...root, $defs: { ...(root.$defs as object), translations: TRANSLATIONS_JSON_SCHEMA } };
}
