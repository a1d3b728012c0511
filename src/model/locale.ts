/**
 * Languages of the printed résumé: section titles, labels and "Present" per locale; month
 * names and date styles come from Intl.
 */
import { PRESENT, type DateFormat, type Locale } from "../input/languages.js";
import type { BuiltinSection } from "../input/schema.js";

export { DATE_FORMATS, LOCALES, type DateFormat, type Locale } from "../input/languages.js";

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
  /** The title of a cover letter after the name: "Jane Doe — Cover letter". */
  letter: string;
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

const WORDS_OF: Record<Locale, Omit<Words, "present">> = {
  en: {
    titles: T("Summary", "Experience", "Projects", "Skills", "Education", "Certifications", "Awards", "Publications", "Volunteering", "Languages", "Interests", "References"),
    courses: "Courses",
    score: "Score",
    keywords: "Keywords",
    verify: "Verify",
    degreeIn: " in ",
    resume: "Résumé",
    letter: "Cover letter",
  },
  de: {
    titles: T("Profil", "Berufserfahrung", "Projekte", "Kenntnisse", "Ausbildung", "Zertifikate", "Auszeichnungen", "Publikationen", "Ehrenamt", "Sprachen", "Interessen", "Referenzen"),
    courses: "Kurse",
    score: "Note",
    keywords: "Stichwörter",
    verify: "Prüfen",
    degreeIn: " in ",
    resume: "Lebenslauf",
    letter: "Anschreiben",
  },
  fr: {
    titles: T("Profil", "Expérience professionnelle", "Projets", "Compétences", "Formation", "Certifications", "Distinctions", "Publications", "Bénévolat", "Langues", "Centres d’intérêt", "Références"),
    courses: "Cours",
    score: "Note",
    keywords: "Mots-clés",
    verify: "Vérifier",
    degreeIn: " en ",
    resume: "CV",
    letter: "Lettre de motivation",
  },
  es: {
    titles: T("Perfil", "Experiencia", "Proyectos", "Habilidades", "Formación", "Certificaciones", "Premios", "Publicaciones", "Voluntariado", "Idiomas", "Intereses", "Referencias"),
    courses: "Cursos",
    score: "Nota",
    keywords: "Palabras clave",
    verify: "Verificar",
    degreeIn: " en ",
    resume: "Currículum",
    letter: "Carta de presentación",
  },
  pt: {
    titles: T("Resumo", "Experiência", "Projetos", "Competências", "Formação", "Certificações", "Prêmios", "Publicações", "Voluntariado", "Idiomas", "Interesses", "Referências"),
    courses: "Disciplinas",
    score: "Nota",
    keywords: "Palavras-chave",
    verify: "Verificar",
    degreeIn: " em ",
    resume: "Currículo",
    letter: "Carta de apresentação",
  },
  it: {
    titles: T("Profilo", "Esperienza professionale", "Progetti", "Competenze", "Istruzione", "Certificazioni", "Premi", "Pubblicazioni", "Volontariato", "Lingue", "Interessi", "Referenze"),
    courses: "Corsi",
    score: "Voto",
    keywords: "Parole chiave",
    verify: "Verifica",
    degreeIn: " in ",
    resume: "Curriculum",
    letter: "Lettera di presentazione",
  },
  nl: {
    titles: T("Profiel", "Werkervaring", "Projecten", "Vaardigheden", "Opleiding", "Certificaten", "Prijzen", "Publicaties", "Vrijwilligerswerk", "Talen", "Interesses", "Referenties"),
    courses: "Vakken",
    score: "Cijfer",
    keywords: "Trefwoorden",
    verify: "Verifiëren",
    degreeIn: " in ",
    resume: "Cv",
    letter: "Sollicitatiebrief",
  },
  pl: {
    titles: T("Podsumowanie", "Doświadczenie zawodowe", "Projekty", "Umiejętności", "Wykształcenie", "Certyfikaty", "Nagrody", "Publikacje", "Wolontariat", "Języki", "Zainteresowania", "Referencje"),
    courses: "Kursy",
    score: "Ocena",
    keywords: "Słowa kluczowe",
    verify: "Weryfikacja",
    degreeIn: ", ",
    resume: "CV",
    letter: "List motywacyjny",
  },
  cs: {
    titles: T("Profil", "Pracovní zkušenosti", "Projekty", "Dovednosti", "Vzdělání", "Certifikáty", "Ocenění", "Publikace", "Dobrovolnictví", "Jazyky", "Zájmy", "Reference"),
    courses: "Kurzy",
    score: "Hodnocení",
    keywords: "Klíčová slova",
    verify: "Ověřit",
    degreeIn: ", ",
    resume: "Životopis",
    letter: "Motivační dopis",
  },
  sv: {
    titles: T("Profil", "Arbetslivserfarenhet", "Projekt", "Kompetenser", "Utbildning", "Certifieringar", "Utmärkelser", "Publikationer", "Ideellt arbete", "Språk", "Intressen", "Referenser"),
    courses: "Kurser",
    score: "Betyg",
    keywords: "Nyckelord",
    verify: "Verifiera",
    degreeIn: " i ",
    resume: "CV",
    letter: "Personligt brev",
  },
  da: {
    titles: T("Profil", "Erhvervserfaring", "Projekter", "Kompetencer", "Uddannelse", "Certificeringer", "Priser", "Publikationer", "Frivilligt arbejde", "Sprog", "Interesser", "Referencer"),
    courses: "Kurser",
    score: "Karakter",
    keywords: "Nøgleord",
    verify: "Bekræft",
    degreeIn: " i ",
    resume: "CV",
    letter: "Ansøgning",
  },
  nb: {
    titles: T("Profil", "Arbeidserfaring", "Prosjekter", "Kompetanse", "Utdanning", "Sertifiseringer", "Utmerkelser", "Publikasjoner", "Frivillig arbeid", "Språk", "Interesser", "Referanser"),
    courses: "Emner",
    score: "Karakter",
    keywords: "Nøkkelord",
    verify: "Bekreft",
    degreeIn: " i ",
    resume: "CV",
    letter: "Søknadsbrev",
  },
  fi: {
    titles: T("Profiili", "Työkokemus", "Projektit", "Osaaminen", "Koulutus", "Sertifikaatit", "Palkinnot", "Julkaisut", "Vapaaehtoistyö", "Kielitaito", "Kiinnostuksen kohteet", "Suosittelijat"),
    courses: "Kurssit",
    score: "Arvosana",
    keywords: "Avainsanat",
    verify: "Tarkista",
    degreeIn: ", ",
    resume: "Ansioluettelo",
    letter: "Saatekirje",
  },
  hu: {
    titles: T("Összefoglaló", "Szakmai tapasztalat", "Projektek", "Készségek", "Tanulmányok", "Tanúsítványok", "Díjak", "Publikációk", "Önkéntes munka", "Nyelvtudás", "Érdeklődési kör", "Referenciák"),
    courses: "Kurzusok",
    score: "Eredmény",
    keywords: "Kulcsszavak",
    verify: "Ellenőrzés",
    degreeIn: ", ",
    resume: "Önéletrajz",
    letter: "Motivációs levél",
  },
  ro: {
    titles: T("Profil", "Experiență profesională", "Proiecte", "Competențe", "Educație", "Certificări", "Premii", "Publicații", "Voluntariat", "Limbi străine", "Interese", "Referințe"),
    courses: "Cursuri",
    score: "Medie",
    keywords: "Cuvinte cheie",
    verify: "Verificare",
    degreeIn: " în ",
    resume: "CV",
    letter: "Scrisoare de intenție",
  },
  tr: {
    titles: T("Özet", "İş Deneyimi", "Projeler", "Yetenekler", "Eğitim", "Sertifikalar", "Ödüller", "Yayınlar", "Gönüllü Çalışmalar", "Diller", "İlgi Alanları", "Referanslar"),
    courses: "Dersler",
    score: "Not",
    keywords: "Anahtar kelimeler",
    verify: "Doğrula",
    degreeIn: ", ",
    resume: "Özgeçmiş",
    letter: "Ön yazı",
  },
  el: {
    titles: T("Προφίλ", "Επαγγελματική εμπειρία", "Έργα", "Δεξιότητες", "Εκπαίδευση", "Πιστοποιήσεις", "Βραβεία", "Δημοσιεύσεις", "Εθελοντισμός", "Γλώσσες", "Ενδιαφέροντα", "Συστάσεις"),
    courses: "Μαθήματα",
    score: "Βαθμός",
    keywords: "Λέξεις-κλειδιά",
    verify: "Επαλήθευση",
    degreeIn: ", ",
    resume: "Βιογραφικό",
    letter: "Συνοδευτική επιστολή",
  },
  ru: {
    titles: T("Обо мне", "Опыт работы", "Проекты", "Навыки", "Образование", "Сертификаты", "Награды", "Публикации", "Волонтёрство", "Языки", "Интересы", "Рекомендации"),
    courses: "Курсы",
    score: "Средний балл",
    keywords: "Ключевые слова",
    verify: "Проверить",
    degreeIn: ", ",
    resume: "Резюме",
    letter: "Сопроводительное письмо",
  },
  uk: {
    titles: T("Про мене", "Досвід роботи", "Проєкти", "Навички", "Освіта", "Сертифікати", "Нагороди", "Публікації", "Волонтерство", "Мови", "Інтереси", "Рекомендації"),
    courses: "Курси",
    score: "Середній бал",
    keywords: "Ключові слова",
    verify: "Перевірити",
    degreeIn: ", ",
    resume: "Резюме",
    letter: "Супровідний лист",
  },
  zh: {
    titles: T("个人简介", "工作经历", "项目经历", "专业技能", "教育背景", "证书", "荣誉奖项", "出版物", "志愿者经历", "语言能力", "兴趣爱好", "推荐人"),
    courses: "课程",
    score: "成绩",
    keywords: "关键词",
    verify: "验证",
    degreeIn: "，",
    resume: "简历",
    letter: "求职信",
  },
  "zh-tw": {
    titles: T("個人簡介", "工作經歷", "專案經歷", "專業技能", "教育背景", "證照", "榮譽獎項", "著作發表", "志工經歷", "語言能力", "興趣", "推薦人"),
    courses: "課程",
    score: "成績",
    keywords: "關鍵字",
    verify: "驗證",
    degreeIn: "，",
    resume: "履歷",
    letter: "求職信",
  },
  ja: {
    titles: T("職務要約", "職務経歴", "プロジェクト", "スキル", "学歴", "資格", "受賞歴", "著作・論文", "ボランティア活動", "語学", "趣味・関心", "推薦者"),
    courses: "履修科目",
    score: "成績",
    keywords: "キーワード",
    verify: "確認",
    degreeIn: "・",
    resume: "職務経歴書",
    letter: "カバーレター",
  },
  ko: {
    titles: T("요약", "경력", "프로젝트", "기술", "학력", "자격증", "수상 경력", "출판물", "봉사 활동", "어학", "관심 분야", "추천인"),
    courses: "수강 과목",
    score: "학점",
    keywords: "키워드",
    verify: "확인",
    degreeIn: ", ",
    resume: "이력서",
    letter: "커버레터",
  },
};

/** Each language's words: its titles and labels, and its "Present" (input/languages.ts). */
export const WORDS: Record<Locale, Words> = Object.fromEntries(
  Object.entries(WORDS_OF).map(([locale, words]) => [locale, { ...words, present: PRESENT[locale as Locale] }]),
) as Record<Locale, Words>;

/** The BCP 47 tag of a locale, for Intl and the PDF's Language: `zh-tw` → `zh-TW`. */
export function languageTag(locale: Locale): string {
  return Intl.getCanonicalLocales(locale)[0]!;
}

const NBSP = "\u00A0";
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Forget the cached date formatters (Intl objects cannot be saved in a startup snapshot). */
export function clearDateFormatters(): void {
  formatters.clear();
}

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as the locale prints it; spaces kept from breaking. */
export function formatDate(iso: string, locale: Locale = "en", style: DateFormat = "short"): string {
  // A date the input could not read (`Summer 2019`) prints as written; the input said so.
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(iso)) return iso;
  const [year, month] = iso.split("-");
  if (!month || style === "year") return year!;
  const options: Intl.DateTimeFormatOptions =
    style === "numeric" ? { month: "2-digit", year: "numeric" } : { month: style, year: "numeric" };
  const key = `${locale}/${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(languageTag(locale), { ...options, timeZone: "UTC" });
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
