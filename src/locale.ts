/**
 * Languages of the printed résumé: section titles, labels and "Present" per locale; month
 * names and date styles come from Intl.
 */
import type { BuiltinSection } from "./schema.js";

export const LOCALES = ["en", "de", "fr", "es", "pt", "it", "nl", "pl"] as const;
export type Locale = (typeof LOCALES)[number];

export const DATE_FORMATS = ["short", "long", "numeric", "year"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface Words {
  titles: Record<BuiltinSection, string>;
  present: string;
  courses: string;
  score: string;
  keywords: string;
  verify: string;
  /** Joins a degree and its field: "BSc in Physics". */
  degreeIn: string;
  /** The document title after the name: "Jane Doe — Résumé". */
  resume: string;
}

const T = (
  summary: string,
  work: string,
  projects: string,
  skills: string,
  education: string,
  certificates: string,
  awards: string,
  publications: string,
  volunteer: string,
  languages: string,
  interests: string,
  references: string,
): Record<BuiltinSection, string> => ({ summary, work, projects, skills, education, certificates, awards, publications, volunteer, languages, interests, references });

export const WORDS: Record<Locale, Words> = {
  en: {
    titles: T("Summary", "Experience", "Projects", "Skills", "Education", "Certifications", "Awards", "Publications", "Volunteering", "Languages", "Interests", "References"),
    present: "Present",
    courses: "Courses",
    score: "Score",
    keywords: "Keywords",
    verify: "Verify",
    degreeIn: " in ",
    resume: "Résumé",
  },
  de: {
    titles: T("Profil", "Berufserfahrung", "Projekte", "Kenntnisse", "Ausbildung", "Zertifikate", "Auszeichnungen", "Publikationen", "Ehrenamt", "Sprachen", "Interessen", "Referenzen"),
    present: "heute",
    courses: "Kurse",
    score: "Note",
    keywords: "Stichwörter",
    verify: "Prüfen",
    degreeIn: " in ",
    resume: "Lebenslauf",
  },
  fr: {
    titles: T("Profil", "Expérience professionnelle", "Projets", "Compétences", "Formation", "Certifications", "Distinctions", "Publications", "Bénévolat", "Langues", "Centres d’intérêt", "Références"),
    present: "aujourd’hui",
    courses: "Cours",
    score: "Note",
    keywords: "Mots-clés",
    verify: "Vérifier",
    degreeIn: " en ",
    resume: "CV",
  },
  es: {
    titles: T("Perfil", "Experiencia", "Proyectos", "Habilidades", "Formación", "Certificaciones", "Premios", "Publicaciones", "Voluntariado", "Idiomas", "Intereses", "Referencias"),
    present: "actualidad",
    courses: "Cursos",
    score: "Nota",
    keywords: "Palabras clave",
    verify: "Verificar",
    degreeIn: " en ",
    resume: "Currículum",
  },
  pt: {
    titles: T("Resumo", "Experiência", "Projetos", "Competências", "Formação", "Certificações", "Prêmios", "Publicações", "Voluntariado", "Idiomas", "Interesses", "Referências"),
    present: "atual",
    courses: "Disciplinas",
    score: "Nota",
    keywords: "Palavras-chave",
    verify: "Verificar",
    degreeIn: " em ",
    resume: "Currículo",
  },
  it: {
    titles: T("Profilo", "Esperienza professionale", "Progetti", "Competenze", "Istruzione", "Certificazioni", "Premi", "Pubblicazioni", "Volontariato", "Lingue", "Interessi", "Referenze"),
    present: "oggi",
    courses: "Corsi",
    score: "Voto",
    keywords: "Parole chiave",
    verify: "Verifica",
    degreeIn: " in ",
    resume: "Curriculum",
  },
  nl: {
    titles: T("Profiel", "Werkervaring", "Projecten", "Vaardigheden", "Opleiding", "Certificaten", "Prijzen", "Publicaties", "Vrijwilligerswerk", "Talen", "Interesses", "Referenties"),
    present: "heden",
    courses: "Vakken",
    score: "Cijfer",
    keywords: "Trefwoorden",
    verify: "Verifiëren",
    degreeIn: " in ",
    resume: "Cv",
  },
  pl: {
    titles: T("Podsumowanie", "Doświadczenie zawodowe", "Projekty", "Umiejętności", "Wykształcenie", "Certyfikaty", "Nagrody", "Publikacje", "Wolontariat", "Języki", "Zainteresowania", "Referencje"),
    present: "obecnie",
    courses: "Kursy",
    score: "Ocena",
    keywords: "Słowa kluczowe",
    verify: "Weryfikacja",
    degreeIn: ", ",
    resume: "CV",
  },
};

const NBSP = "\u00A0";
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Forget the cached date formatters (Intl objects cannot be saved in a startup snapshot). */
export function clearDateFormatters(): void {
  formatters.clear();
}

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as the locale prints it; spaces kept from breaking. */
export function formatDate(iso: string, locale: Locale = "en", style: DateFormat = "short"): string {
  const [year, month] = iso.split("-");
  if (!month || style === "year") return year!;
  const options: Intl.DateTimeFormatOptions =
    style === "numeric" ? { month: "2-digit", year: "numeric" } : { month: style, year: "numeric" };
  const key = `${locale}/${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    formatters.set(key, f);
  }
  return f.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1))).replace(/\s/g, NBSP);
}

/** `Jun 2021 – Present`; a missing end means the role is current. */
export function formatRange(start: string | undefined, end: string | undefined, locale: Locale = "en", style: DateFormat = "short"): string | undefined {
  const fmt = (d: string) => formatDate(d, locale, style);
  if (!start) return end ? fmt(end) : undefined;
  const from = fmt(start);
  const to = end ? fmt(end) : WORDS[locale].present;
  return from === to ? from : `${from}${NBSP}\u2013 ${to}`;
}
