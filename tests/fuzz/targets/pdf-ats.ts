/**
 * Fuzz target: a PDF read as `resume ats --job` reads it (atsReport, then matchJob with a short
 * posting). Returns what was parsed, for tests that check the text.
 */
import { atsReport } from "../../../src/pipeline/ats.js";

const POSTING = "Senior Engineer. We use Kubernetes, TypeScript and PostgreSQL; machine learning a plus. Experience with Kubernetes operators.";

export default function (bytes: Uint8Array): string {
  const report = atsReport(bytes, { label: "case.pdf", jobText: POSTING });
  return JSON.stringify(report.parsed);
}
