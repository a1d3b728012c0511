/**
 * Fuzz target: a PDF read as `resume ats --job` reads it (atsReport, then matchJob with a short
 * posting). Returns what was parsed, for tests that check the text.
 */
import { atsReport } from "../../../src/pipeline/ats.js";

const POSTING =
  "Senior Engineer. We use Kubernetes, TypeScript and PostgreSQL; machine learning a plus. Experience with Kubernetes operators.";

export default function (bytes: Uint8Array): string {
  const report = atsReport(bytes, { label: "case.pdf", jobText: POSTING });
  const p = report.parsed;
  // The fields a test checks first, each line shortened: the summary is cut at 4,000 characters.
  const short = (s: string | undefined) => s?.slice(0, 80);
  return JSON.stringify({
    name: short(p.name),
    email: short(p.email),
    phone: short(p.phone),
    pages: p.pages,
    sections: p.sections.map((s) => short(s.title)),
    headline: p.headline.map(short),
    score: report.job?.score,
  });
}
