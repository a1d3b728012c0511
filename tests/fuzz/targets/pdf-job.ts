/**
 * Fuzz target: a job posting (the case's bytes, as UTF-8) matched against a short résumé, as `resume ats --job` does.
 */
import type { AtsResult } from "../../../src/check/parser.js";
import { matchJob } from "../../../src/check/keywords.js";

const RESUME: AtsResult = {
  name: "Jane Doe",
  links: [],
  headline: ["Platform engineer"],
  merged: [],
  pages: 1,
  sections: [
    {
      title: "SKILLS",
      found: "capitals",
      entries: [],
      lines: ["Kubernetes, TypeScript, PostgreSQL, machine learning"],
    },
    {
      title: "EXPERIENCE",
      found: "capitals",
      entries: [{ organisation: "Acme", position: "Engineer", bullets: ["Built the Kubernetes platform"], text: [] }],
      lines: [],
    },
  ],
};

export default function (bytes: Uint8Array): string {
  const m = matchJob(Buffer.from(bytes).toString("utf8"), RESUME);
  return JSON.stringify({ score: m.score, found: m.found.length, missing: m.missing.length });
}
