/**
 * A cover letter's view model: the résumé's view model (its header, theme, paper, language and
 * style) and the letter's lines, typeset, in the order they print. Pure: no I/O.
 */
import type { Letter } from "../input/schema.js";
import { dateLocale, WORDS } from "./locale.js";
import { dropInvisible, typeset } from "./typeset.js";
import type { ViewModel } from "./view-model.js";

export interface LetterModel {
  id: string;
  /**
   * The résumé's view model: the letter prints its header in its theme. Its `direction` is the
   * letter's (a letter in a file of its own reads in its own text's direction).
   */
  vm: ViewModel;
  /** The direction the letter reads in, its view model's: `rtl` mirrors it as it mirrors a résumé. */
  direction: ViewModel["direction"];
  /** The date as the letter prints it ("2 December 2026"). */
  date: string;
  /** Recipient lines: name, organisation, address. */
  to: string[];
  subject?: string;
  greeting?: string;
  /** Paragraphs, with inline markup. */
  body: string[];
  closing?: string;
  /** The name under the closing. */
  signature: string;
  metadata: ViewModel["metadata"];
}

const t = (s: string | undefined) => {
  const out = s === undefined ? "" : typeset(s.trim()).trim();
  return out === "" ? undefined : out;
};

/** A day, month and year in the résumé's language (a month or a year alone when that is all the date says). */
export function letterDate(iso: string, vm: Pick<ViewModel, "locale">): string {
  const [y, m, d] = iso.split("-").map(Number);
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    timeZone: "UTC",
    ...(m ? { month: "long" } : {}),
    ...(m && d ? { day: "numeric" } : {}),
  };
  return new Intl.DateTimeFormat(dateLocale(vm.locale), options).format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

/** `date` (the build's date) as YYYY-MM-DD, in UTC. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function normalizeLetter(letter: Letter, vm: ViewModel, today: Date): LetterModel {
  const to = letter.to ?? {};
  const address = typeof to.address === "string" ? to.address.split(/\r?\n/) : (to.address ?? []);
  const body = (typeof letter.body === "string" ? letter.body.split(/\n[ \t]*\n/) : letter.body)
    .map((p) => t(p))
    .filter((p): p is string => p !== undefined);
  const subject = t(letter.subject);
  return {
    id: letter.id,
    vm,
    direction: vm.direction,
    date: letterDate(letter.date ?? isoDay(today), vm),
    to: [t(to.name), t(to.organization), ...address.map((a) => t(a))].filter((l): l is string => l !== undefined),
    subject,
    greeting: t(letter.greeting),
    body,
    closing: t(letter.closing),
    signature: dropInvisible(vm.name),
    metadata: {
      title: `${vm.name} \u2014 ${WORDS[vm.locale].letter}`,
      author: vm.metadata.author,
      subject: subject ?? ([t(to.organization), t(to.name)].filter(Boolean).join(", ") || undefined),
      keywords: [],
      language: vm.metadata.language,
    },
  };
}

/** Every line of the letter as printed, in order, with markup removed by the caller where it applies. */
export function letterLines(l: LetterModel): { text: string; markup: boolean }[] {
  return [
    { text: l.date, markup: false },
    ...l.to.map((text) => ({ text, markup: false })),
    ...(l.subject ? [{ text: l.subject, markup: false }] : []),
    ...(l.greeting ? [{ text: l.greeting, markup: false }] : []),
    ...l.body.map((text) => ({ text, markup: true })),
    ...(l.closing ? [{ text: l.closing, markup: false }] : []),
    { text: l.signature, markup: false },
  ];
}
