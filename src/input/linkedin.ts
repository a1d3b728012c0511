/**
 * LinkedIn's data export ("Get a copy of your data": a ZIP of CSV files, or the folder it unpacks
 * to) as a JSON Resume document. Each file maps to a section; a file missing from a partial
 * export is skipped with a note, and files this tool has no use for are named in one note.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { ARCHIVE_LIMITS, readZip } from "./archive.js";
import { CSV_LIMITS, readCsv, type CsvRow } from "./csv.js";
import { withoutEmpty } from "../common/objects.js";
import type { Imported } from "./imported.js";
import { writtenIn } from "./imported.js";
import { readFileBounded } from "./load.js";
import { canonicalDate } from "./dates.js";

/** The files of the export this tool reads, with the columns that mark each one's header row. */
const FILES = {
  profile: ["Profile.csv", ["First Name", "Last Name"]],
  email: ["Email Addresses.csv", ["Email Address"]],
  phone: ["PhoneNumbers.csv", ["Number"]],
  positions: ["Positions.csv", ["Company Name", "Title"]],
  education: ["Education.csv", ["School Name"]],
  skills: ["Skills.csv", ["Name"]],
  certifications: ["Certifications.csv", ["Name", "Authority"]],
  languages: ["Languages.csv", ["Name", "Proficiency"]],
  projects: ["Projects.csv", ["Title", "Description"]],
  publications: ["Publications.csv", ["Name", "Published On"]],
  honors: ["Honors.csv", ["Title", "Issued On"]],
  volunteering: ["Volunteering.csv", ["Company Name", "Role"]],
  recommendations: ["Recommendations_Received.csv", ["First Name", "Text"]],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

type Key = keyof typeof FILES;

/** Other names the same file has had in exports. */
const ALIASES: Partial<Record<Key, string[]>> = {
  phone: ["Phone Numbers.csv"],
  recommendations: ["Recommendations Received.csv"],
  honors: ["Honors and Awards.csv"],
  volunteering: ["Volunteer Experiences.csv", "Volunteering Experiences.csv"],
};

const fileNames = (k: Key) => [FILES[k][0], ...(ALIASES[k] ?? [])].map((n) => n.toLowerCase());

/** Whether a folder looks like LinkedIn's export (it has its profile or its positions). */
export function isLinkedInFolder(dir: string): boolean {
  try {
    const names = readdirSync(dir).map((n) => n.toLowerCase());
    return names.includes("profile.csv") || names.includes("positions.csv");
  } catch {
    return false;
  }
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** `Mar 2021` → `2021-03`, `Mar 15, 2021` → `2021-03-15`, `2021` → `2021`; undefined when it is none of these. */
export function linkedInDate(value: string): string | undefined {
  const v = value.trim();
  const month = (m: string) => {
    const i = MONTHS.indexOf(m.slice(0, 3).toLowerCase());
    return i < 0 ? undefined : String(i + 1).padStart(2, "0");
  };
  let m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(v);
  if (m && month(m[1]!)) return `${m[2]}-${month(m[1]!)}`;
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(v);
  if (m && month(m[1]!)) return `${m[3]}-${month(m[1]!)}-${m[2]!.padStart(2, "0")}`;
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(v);
  if (m && month(m[2]!)) return `${m[3]}-${month(m[2]!)}-${m[1]!.padStart(2, "0")}`;
  const iso = canonicalDate(v);
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso) ? iso : undefined;
}

/** `NATIVE_OR_BILINGUAL` → `Native or bilingual`. */
const humane = (s: string) => (/^[A-Z_]+$/.test(s) ? (s.charAt(0) + s.slice(1).toLowerCase()).replace(/_/g, " ") : s);

/**
 * A description as LinkedIn keeps it: lines that start with a bullet mark become highlights,
 * the rest the summary (paragraphs kept).
 */
function splitDescription(text: string): { summary?: string; highlights: string[] } {
  const highlights: string[] = [];
  const prose: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const bullet = /^\s*(?:[•·▪◦●‣*–-]|\d+[.)])\s+(.*)$/.exec(line);
    if (bullet) highlights.push(bullet[1]!.trim());
    else prose.push(line);
  }
  const summary = prose
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { summary: summary || undefined, highlights };
}

/** `[PORTFOLIO:https://a.dev,COMPANY:https://b.com]` → its links with their kinds. */
function websites(value: string): { kind: string; url: string }[] {
  const inner = value.replace(/^\[|\]$/g, "");
  return [...inner.matchAll(/(?:^|,)\s*(?:([A-Z_ ]+):)?\s*((?:https?:\/\/)?[^\s,]+\.[^\s,]+)/g)].map((m) => ({
    kind: (m[1] ?? "OTHER").trim(),
    url: /^https?:/i.test(m[2]!) ? m[2]! : `https://${m[2]}`,
  }));
}

/** A place as LinkedIn writes it (`Berlin, Germany`) as JSON Resume's location. */
function place(value: string | undefined): { city?: string; region?: string } | undefined {
  if (!value) return undefined;
  const [city, ...rest] = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return { city, ...(rest.length ? { region: rest.join(", ") } : {}) };
}

/** Read LinkedIn's export at `source` (a ZIP or a folder); `label` names it in messages. */
export async function importLinkedIn(source: string, label: string): Promise<Imported> {
  const isDir = statSync(source).isDirectory();
  const texts = new Map<string, { text: string; label: string }>();
  let all: string[];
  // Only the files this tool reads are opened; the rest (messages, connections) are only named.
  const known = new Set((Object.keys(FILES) as Key[]).flatMap(fileNames));
  if (isDir) {
    all = readdirSync(source).filter((n) => n.toLowerCase().endsWith(".csv"));
    for (const n of all.filter((x) => known.has(x.toLowerCase())))
      texts.set(n.toLowerCase(), {
        text: readFileBounded(path.join(source, n), path.join(label, n), CSV_LIMITS.bytes).toString("utf8"),
        label: path.join(label, n),
      });
  } else {
    // The export keeps its CSV files at the top, sometimes in a folder of its own.
    const zip = await readZip(source, label, (name) => known.has(path.posix.basename(name).toLowerCase()), {
      ...ARCHIVE_LIMITS,
      entryBytes: CSV_LIMITS.bytes,
    });
    all = zip.names.filter((n) => n.toLowerCase().endsWith(".csv")).map((n) => path.posix.basename(n));
    for (const [name, data] of zip.files)
      texts.set(path.posix.basename(name).toLowerCase(), {
        text: Buffer.from(data).toString("utf8"),
        label: `${label}/${name}`,
      });
  }
  const notes: Diagnostic[] = [];
  const note = (message: string, at: { file?: string; line?: number } = {}) =>
    notes.push({ file: at.file ?? label, line: at.line, path: "", severity: "note", message });
  const problems: Diagnostic[] = [];
  const missing: string[] = [];

  /** The rows of one file, or none when the export lacks it. */
  const rows = (k: Key): (CsvRow & { file: string })[] => {
    const found = fileNames(k)
      .map((n) => texts.get(n))
      .find(Boolean);
    if (!found) {
      missing.push(FILES[k][0]);
      return [];
    }
    try {
      return readCsv(found.text, found.label, FILES[k][1]).rows.map((r) => ({ ...r, file: found.label }));
    } catch (err) {
      if (!(err instanceof ResumeError)) throw err;
      problems.push(...err.diagnostics);
      return [];
    }
  };
  /** A date cell, or undefined with a note when it is not a date. */
  const date = (r: CsvRow & { file: string }, column: string): string | undefined => {
    const v = r.cells[column];
    if (!v) return undefined;
    const d = linkedInDate(v);
    if (!d)
      note(`"${v}" in ${column} is not a date this tool reads (like Mar 2021); left out`, {
        file: r.file,
        line: r.line,
      });
    return d;
  };

  const doc: Record<string, unknown> = {};
  const profile = rows("profile")[0];
  const name = [profile?.cells["First Name"], profile?.cells["Last Name"]].filter(Boolean).join(" ");
  const basics: Record<string, unknown> = {
    name: name || undefined,
    label: profile?.cells.Headline,
    summary: profile?.cells.Summary,
    location: place(profile?.cells["Geo Location"]),
  };
  const emails = rows("email");
  const email = (emails.find((r) => /^yes$/i.test(r.cells.Primary ?? "")) ?? emails[0])?.cells["Email Address"];
  if (email) basics.email = email;
  const phone = rows("phone")[0]?.cells.Number;
  if (phone) basics.phone = phone;
  const profiles: Record<string, unknown>[] = [];
  const links = profile?.cells.Websites ? websites(profile.cells.Websites) : [];
  const own = links.find((l) => /PORTFOLIO|PERSONAL|BLOG/.test(l.kind)) ?? links[0];
  if (own) basics.url = own.url;
  for (const l of links.filter((x) => x !== own)) profiles.push({ network: humane(l.kind), url: l.url });
  for (const handle of (profile?.cells["Twitter Handles"] ?? "")
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map((h) => h.trim().replace(/^@/, ""))
    .filter(Boolean)) {
    profiles.push({ network: "X", username: handle, url: `https://x.com/${handle}` });
  }
  if (profiles.length) basics.profiles = profiles;
  doc.basics = withoutEmpty(basics);
  if (!name) {
    problems.push({
      file: label,
      path: "",
      message: profile
        ? "Profile.csv has no First Name or Last Name: the résumé needs a name"
        : "has no Profile.csv, so the résumé has no name; export your whole profile, or add Profile.csv",
    });
  }

  const work = rows("positions").map((r) => {
    const d = splitDescription(r.cells.Description ?? "");
    return withoutEmpty({
      name: r.cells["Company Name"],
      position: r.cells.Title,
      location: r.cells.Location,
      startDate: date(r, "Started On"),
      endDate: date(r, "Finished On"),
      summary: d.summary,
      highlights: d.highlights,
    });
  });
  if (work.length) doc.work = work;

  const education = rows("education").map((r) => {
    const notesText = [r.cells.Notes, r.cells.Activities ? `Activities: ${r.cells.Activities}` : undefined]
      .filter(Boolean)
      .join("\n\n");
    return withoutEmpty({
      institution: r.cells["School Name"],
      studyType: r.cells["Degree Name"],
      startDate: date(r, "Start Date"),
      endDate: date(r, "End Date"),
      summary: notesText || undefined,
    });
  });
  if (education.length) doc.education = education;

  const skills = rows("skills")
    .map((r) => r.cells.Name)
    .filter((s): s is string => !!s);
  if (skills.length) doc.skills = [{ name: "Skills", keywords: skills }];

  const certificates = rows("certifications").map((r) =>
    withoutEmpty({
      name: [r.cells.Name, r.cells["License Number"] ? `(licence ${r.cells["License Number"]})` : undefined]
        .filter(Boolean)
        .join(" "),
      issuer: r.cells.Authority,
      date: date(r, "Started On"),
      url: r.cells.Url,
    }),
  );
  if (certificates.length) doc.certificates = certificates;

  const languages = rows("languages").map((r) =>
    withoutEmpty({ language: r.cells.Name, fluency: r.cells.Proficiency ? humane(r.cells.Proficiency) : undefined }),
  );
  if (languages.length) doc.languages = languages;

  const projects = rows("projects").map((r) => {
    const d = splitDescription(r.cells.Description ?? "");
    return withoutEmpty({
      name: r.cells.Title,
      description: d.summary,
      highlights: d.highlights,
      url: r.cells.Url,
      startDate: date(r, "Started On"),
      endDate: date(r, "Finished On"),
    });
  });
  if (projects.length) doc.projects = projects;

  const publications = rows("publications").map((r) =>
    withoutEmpty({
      name: r.cells.Name,
      publisher: r.cells.Publisher,
      releaseDate: date(r, "Published On"),
      url: r.cells.Url,
      summary: r.cells.Description,
    }),
  );
  if (publications.length) doc.publications = publications;

  const awards = rows("honors").map((r) =>
    withoutEmpty({ title: r.cells.Title, date: date(r, "Issued On"), summary: r.cells.Description }),
  );
  if (awards.length) doc.awards = awards;

  const volunteer = rows("volunteering").map((r) => {
    const d = splitDescription(r.cells.Description ?? "");
    const cause = r.cells.Cause ? humane(r.cells.Cause) : undefined;
    return withoutEmpty({
      organization: r.cells["Company Name"],
      position: r.cells.Role,
      startDate: date(r, "Started On"),
      endDate: date(r, "Finished On"),
      summary: [cause, d.summary].filter(Boolean).join(" \u2014 ") || undefined,
      highlights: d.highlights,
    });
  });
  if (volunteer.length) doc.volunteer = volunteer;

  // Recommendations the member chose to show.
  const references = rows("recommendations")
    .filter((r) => !r.cells.Status || /^visible$/i.test(r.cells.Status))
    .map((r) => {
      const who = [r.cells["First Name"], r.cells["Last Name"]].filter(Boolean).join(" ");
      const role = [r.cells["Job Title"], r.cells.Company].filter(Boolean).join(", ");
      return withoutEmpty({ name: [who, role].filter(Boolean).join(", ") || undefined, reference: r.cells.Text });
    });
  if (references.length) doc.references = references;

  // The export names no language: the one its text is written in prints the dates and titles.
  const language = writtenIn(doc);
  if (language && language !== "en") {
    doc.render = { locale: language };
    note(
      `written in ${language} (read from its text, as the export names no language): its dates and section titles print in that language; set render.locale to choose another`,
    );
  }

  if (problems.length) throw new ResumeError(problems);
  const used = new Set((Object.keys(FILES) as Key[]).flatMap(fileNames));
  const skipped = missing.filter((f) => !Object.values(ALIASES).flat().includes(f));
  if (skipped.length) note(`not in this export, so skipped: ${skipped.join(", ")}`);
  const unused = all.filter((n) => !used.has(n.toLowerCase())).sort();
  if (unused.length)
    note(
      `has ${unused.length} file${unused.length === 1 ? "" : "s"} with nothing for a résumé, not read: ${unused.join(", ")}`,
    );
  return { doc, notes };
}
