/**
 * What `resume ats` prints: the fields a parser took from a PDF (check/parser.ts) as a readable
 * table, the lines it joined across columns, and the job posting's keywords found and missing.
 */
import type { AtsEntry, AtsResult } from "../check/parser.js";
import type { JobMatch } from "../check/keywords.js";

const WIDTH = 14;
const row = (label: string, value: string | undefined, indent = "") =>
  `${indent}${label.padEnd(WIDTH)}${value ?? "—"}\n`;

export function formatAts(r: AtsResult, job?: JobMatch): string {
  let out = "";
  out += row("Name", r.name);
  out += row("Email", r.email);
  out += row("Phone", r.phone);
  out += row("Location", r.location);
  out += row("Links", r.links.length ? r.links.join(", ") : undefined);
  if (r.headline.length) out += row("Headline", r.headline.join(" / "));
  for (const s of r.sections) {
    const count = s.entries.length ? ` (${s.entries.length} ${s.entries.length === 1 ? "entry" : "entries"})` : "";
    out += `\n${s.title}${count}${s.found === "name" ? "  [heading found by its name only: not in bold capitals]" : ""}\n`;
    for (const line of s.lines) out += `  ${line}\n`;
    s.entries.forEach((e, i) => (out += (i || s.lines.length ? "\n" : "") + entry(e)));
  }
  if (!r.sections.length) out += "\nNo section headings found: a parser reads the whole résumé as one block.\n";
  const problems = [!r.name && "no name", !r.email && "no email address", !r.phone && "no phone number"].filter(
    Boolean,
  );
  if (problems.length) out += `\nNot found: ${problems.join(", ")}.\n`;
  if (r.merged.length) {
    out += `\nJoined lines: ${r.merged.length} line${r.merged.length === 1 ? "" : "s"} where text from both columns shares a baseline; a parser reads each as one line:\n`;
    for (const m of r.merged) out += `  page ${m.page}: ${m.text}\n`;
  }
  if (job) out += formatJob(job);
  return out;
}

function entry(e: AtsEntry): string {
  let out = "";
  out += row("Organisation", e.organisation, "  ");
  out += row("Position", e.position, "  ");
  out += row("Dates", e.dates, "  ");
  if (e.location) out += row("Location", e.location, "  ");
  for (const t of e.text) out += `  ${"".padEnd(WIDTH)}${t}\n`;
  for (const b of e.bullets) out += `  ${"".padEnd(WIDTH)}• ${b}\n`;
  return out;
}

function formatJob(job: JobMatch): string {
  const list = (terms: JobMatch["found"]) =>
    terms
      .map((t) => `${t.term}${t.where === "skills" ? " (skills)" : ""}${t.weight > 1 ? ` ×${t.weight}` : ""}`)
      .join(", ") || "—";
  return `\nJob match: ${job.score} % (${job.found.length} of ${job.found.length + job.missing.length} terms)\n  In the résumé  ${list(job.found)}\n  Missing        ${list(job.missing)}\n`;
}
