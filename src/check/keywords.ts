/**
 * Which of a job posting's skills and keywords a résumé has, as a recruiter's keyword search
 * finds them: words and phrases compared case- and plural-insensitively ("APIs" finds "API",
 * "Kubernetes" finds "kubernetes"). Deterministic: the same posting and résumé always give the
 * same list.
 *
 * A posting's terms are its technical-looking words (`C++`, `Node.js`, `PostgreSQL`, `gRPC`),
 * its capitalised words (product and method names), the words the résumé itself writes so
 * (`kubernetes` when the résumé has `Kubernetes`), and the phrases of two
 * or three words that it repeats or that the résumé has ("machine learning"); everyday words
 * (`the`, `team`, `experience`) are never terms, and a word or phrase used only inside a longer
 * term is not listed again. A résumé's `API-driven` has `API`. Each term weighs as
 * often as the posting uses it (at most three), and a term found among the résumé's skills weighs
 * double: that is what a keyword search ranks first.
 */
import type { AtsResult } from "./parser.js";

export interface Term {
  /** As the posting first writes it. */
  term: string;
  weight: number;
  /** Where the résumé has it: its skills, or elsewhere in its text. */
  where?: "skills" | "text";
}

export interface JobMatch {
  /** 0–100: the found terms' share of the weight. */
  score: number;
  found: Term[];
  missing: Term[];
}

const STOP = new Set(
  (
    "a about above across after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each " +
    "either etc every few for from further had has have having he her here hers him his how i if in into is it its itself just least less like made make many may me more most much " +
    "must my no nor not now of off on once one only or other our ours out over own per plus same shall she should so some such than that the their theirs them then there these they " +
    "this those through to too under until up upon us very via was we well were what when where whether which while who whom whose why will with within without would yes yet you " +
    "your yours able ability across apply applicant applicants benefits best big bonus build building candidate candidates career closely company culture day days deep degree " +
    "deliver description desired develop developing drive driven employer environment equal excellent experience experienced fast field first full good great grow growth help " +
    "highly hire hiring ideal impact including job join key knowledge level life looking love minimum new offer office opportunity part passion passionate people plus position " +
    "preferred problems product products qualifications related required requirements responsibilities responsible role salary scale seeking senior skills solid strong successful " +
    "support team teams time together tools understanding using work working world year years you'll we're we've it's own range based location remote hybrid"
  ).split(/\s+/),
);

/** Words that open a posting's sentences and bullets: capitalised there, but not names. */
const OPENERS = new Set(
  (
    "bring build collaborate contribute create define design drive enjoy ensure implement improve lead maintain manage mentor partner run ship thrive write " +
    "familiarity proficiency expertise exposure background comfort fluency hands-on track record"
  ).split(/\s+/),
);

/** A word of a posting or résumé: letters and digits, with the marks tech names use inside. */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’+#./-]*[\p{L}\p{N}+#])?/gu;

/** One word for comparing: lower case, singular. */
export function stem(word: string): string {
  // An acronym's plural: APIs, SDKs.
  if (/^\p{Lu}{2,}s$/u.test(word)) return word.slice(0, -1).toLowerCase();
  const w = word
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’']s$/, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(w) || w.length <= 3) return w;
  if (/(?:x|z|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && /\p{L}/u.test(w.at(-2) ?? "")) return w.slice(0, -1);
  return w;
}

interface Token {
  raw: string;
  key: string;
  /** First in its sentence (so its capital says nothing). */
  start: boolean;
}

/** Clauses of tokens: phrases never run across punctuation or line ends. */
function clauses(text: string): Token[][] {
  const out: Token[][] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|[\n\r]+/u)) {
    sentence.split(/[;:!?()[\]{}•·|,"“”]+|\.(?:\s|$)/u).forEach((clause, i) => {
      const tokens: Token[] = [];
      for (const m of clause.matchAll(WORD)) {
        const raw = m[0].replace(/[./-]+$/, "");
        tokens.push({ raw, key: stem(raw), start: i === 0 && tokens.length === 0 });
      }
      if (tokens.length) out.push(tokens);
    });
  }
  return out;
}

const technical = (w: string) =>
  /[+#]|\.\p{L}|\d/u.test(w) || /\p{Ll}\p{Lu}/u.test(w) || (w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w));

/**
 * Text read for terms, of a posting and of a résumé: a posting is a few pages, a résumé's text a few dozen kilobytes.
 */
export const MAX_MATCH_TEXT = 1024 * 1024;

/** Terms are at most this many words long. */
const MAX_TERM_WORDS = 3;

/**
 * The runs of one to three keys of a text (a term's keys in order, joined by spaces): once with
 * its compound words whole (`api-driven`), once with them split at their hyphens and slashes.
 * A set, so that each of a long posting's terms is looked up at once.
 */
function keys(text: string): Set<string> {
  const whole = clauses(text.slice(0, MAX_MATCH_TEXT)).flatMap((c) => [...c.map((t) => t.key), "\u0000"]);
  const split = whole.flatMap((k) => (/[\p{L}\p{N}][-/][\p{L}\p{N}]/u.test(k) ? k.split(/[-/]/).map(stem) : [k]));
  const runs = new Set<string>();
  for (const hay of [whole, split]) {
    for (let i = 0; i < hay.length; i++) {
      for (let n = 1; n <= MAX_TERM_WORDS && i + n <= hay.length; n++) runs.add(hay.slice(i, i + n).join(" "));
    }
  }
  return runs;
}

const has = (runs: Set<string>, needle: string[]) => runs.has(needle.join(" "));

export function matchJob(posting: string, resume: AtsResult): JobMatch {
  const sections = resume.sections.map((s) => ({
    skills:
      /SKILL|TECHNOLOG|STACK|TOOLS|KENNTNISSE|COMPÉTENCES|HABILIDADES|COMPETENZE|UMIEJĘTNOŚCI|COMPETÊNCIAS|技能|スキル|НАВЫКИ/iu.test(
        s.title,
      ),
    text: [
      ...s.lines,
      ...s.entries.flatMap((e) =>
        [e.organisation, e.position, e.location, ...e.bullets, ...e.text].filter((x): x is string => !!x),
      ),
    ].join("\n"),
  }));
  const skillKeys = keys(
    sections
      .filter((s) => s.skills)
      .map((s) => s.text)
      .join("\n"),
  );
  const allKeys = keys([resume.headline.join("\n"), ...sections.map((s) => s.text)].join("\n"));

  // The résumé's own names: words it writes capitalised or technical-looking, not first in a clause.
  const named = new Set(
    clauses([resume.headline.join("\n"), ...sections.map((x) => x.text)].join("\n").slice(0, MAX_MATCH_TEXT))
      .flat()
      .filter((t) => !t.start && (technical(t.raw) || /^\p{Lu}/u.test(t.raw)))
      .map((t) => t.key),
  );
  const counts = new Map<string, { term: string; count: number; words: number; strong: boolean }>();
  const add = (tokens: Token[], strong: boolean) => {
    const key = tokens.map((t) => t.key).join(" ");
    const seen = counts.get(key);
    if (seen) {
      seen.count++;
      seen.strong ||= strong;
    } else counts.set(key, { term: tokens.map((t) => t.raw).join(" "), count: 1, words: tokens.length, strong });
  };
  for (const clause of clauses(posting.slice(0, MAX_MATCH_TEXT))) {
    const content = (t: Token) => !STOP.has(t.key) && !STOP.has(t.raw.toLowerCase()) && /\p{L}/u.test(t.raw);
    for (const [i, t] of clause.entries()) {
      if (!content(t)) continue;
      add([t], technical(t.raw) || (/^\p{Lu}/u.test(t.raw) && !(t.start && OPENERS.has(t.key))) || named.has(t.key));
      for (const n of [2, 3]) {
        const run = clause.slice(i, i + n);
        if (run.length === n && run.every(content)) add(run, false);
      }
    }
  }
  const terms: Term[] = [];
  // For each run of words inside a kept term, the highest count among the kept terms that hold it.
  const within = new Map<string, number>();
  // Longer phrases first, so that a word only ever used inside a kept phrase is not listed again.
  for (const [key, c] of [...counts].sort((a, b) => b[1].words - a[1].words)) {
    const parts = key.split(" ");
    const inResume = has(allKeys, parts);
    const keep = c.words === 1 ? c.strong : c.count >= 2 || inResume;
    if (!keep) continue;
    // Used only inside a longer kept term ("learning" of "machine learning"): not a term of its own.
    if ((within.get(key) ?? -1) >= c.count) continue;
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j <= parts.length; j++) {
        const run = parts.slice(i, j).join(" ");
        within.set(run, Math.max(within.get(run) ?? -1, c.count));
      }
    }
    const where = has(skillKeys, parts) ? "skills" : inResume ? "text" : undefined;
    terms.push({ term: c.term, weight: Math.min(3, c.count), ...(where ? { where } : {}) });
  }
  const weight = (t: Term) => t.weight * (t.where === "skills" ? 2 : 1);
  const order = (a: Term, b: Term) => weight(b) - weight(a) || a.term.localeCompare(b.term);
  const found = terms.filter((t) => t.where).sort(order);
  const missing = terms.filter((t) => !t.where).sort(order);
  const total = terms.reduce((n, t) => n + weight(t), 0);
  return { score: total ? Math.round((found.reduce((n, t) => n + weight(t), 0) / total) * 100) : 0, found, missing };
}
