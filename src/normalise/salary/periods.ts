// Finds where salary text says what a figure is paid per (`/yr`, `per hour`,
// `p.a.`, `brutto/Monat`, `mensuel`, `年収`) and reads front-matter period
// values (`period: YEAR`). Words cover the languages postings on the board
// are written in; anything else falls back to inference from magnitude.
import type { SalaryPeriod } from '../../posting.ts';

/** Units that may follow `/` (abbreviations included), lower-case. */
const SLASH_UNITS: Readonly<Record<SalaryPeriod, readonly string[]>> = {
  hour: ['hours', 'hour', 'hrs', 'hr', 'h', 'std', 'stunde', 'stunden', 'heure', 'hora', 'uur', 'godz', 'godzinę', 'tim', 'time', 'timme', 'ora', 'hod'],
  day: ['days', 'day', 'd', 'tag', 'jour', 'j', 'día', 'dia', 'dag', 'dzień', 'giorno', 'diem'],
  week: ['weeks', 'week', 'wk', 'wks', 'w', 'woche', 'semaine', 'semana', 'vecka', 'uge', 'uke', 'tydzień', 'settimana'],
  month: ['months', 'month', 'mos', 'mo', 'mths', 'mth', 'mon', 'm', 'monat', 'mois', 'mes', 'mês', 'maand', 'månad', 'måned', 'mån', 'md', 'mnd', 'mies', 'miesiąc', 'msc', 'mese', 'kk', 'mc'],
  year: ['years', 'year', 'yrs', 'yr', 'y', 'annum', 'a', 'an', 'jahr', 'année', 'año', 'ano', 'jaar', 'år', 'rok', 'anno', 'vuosi'],
};

/** Full unit words that may follow `per`, `a`, `pro`, `par`, `al`, `pr.` and the like. */
const WORD_UNITS: Readonly<Record<SalaryPeriod, readonly string[]>> = {
  hour: ['hour', 'hr', 'stunde', 'heure', 'hora', 'uur', 'timme', 'time', 'timen', 'timmen', 'godzinę', 'ora'],
  day: ['day', 'diem', 'tag', 'jour', 'día', 'dia', 'dag', 'dagen', 'dzień', 'giorno'],
  week: ['week', 'woche', 'semaine', 'semana', 'vecka', 'veckan', 'uge', 'uke', 'uken', 'tydzień', 'settimana'],
  month: ['month', 'monat', 'mois', 'mes', 'mês', 'maand', 'månad', 'månaden', 'måned', 'måneden', 'miesiąc', 'mese'],
  year: ['year', 'annum', 'jahr', 'an', 'année', 'año', 'ano', 'jaar', 'år', 'året', 'rok', 'anno'],
};

/** Words before a unit word, as regex sources; each is followed by a space or an apostrophe. */
const UNIT_LEADS = ['per ', 'a ', 'an ', 'each ', 'every ', 'pro ', 'par ', 'por ', 'al ', 'ao ', 'pr\\. ?', 'pr ', 'i ', 'im ', 'om ', 'na ', "all[’'] ?", "dell[’'] ?", "de l[’'] ?"];

/** Words that name a period on their own, lower-case regex sources. */
const STANDALONE: Readonly<Record<SalaryPeriod, readonly string[]>> = {
  hour: ['hourly', 'p\\.h\\.?', 'ph(?!\\.d)', 'p/h', 'p/hr', 'stündlich', 'stundenlohn', 'stundensatz', 'horaire', 'godzinowo', 'hourly rate'],
  day: ['daily', 'day rate', 'p\\.d\\.?', 'pd', 'p/d', 'p/day', 'täglich', 'tagessatz', 'tjm', 'journalier', 'dziennie', 'diario', 'diária', 'dagpris'],
  week: ['weekly', 'p\\.w\\.?', 'pw', 'p/w', 'p/wk', 'wöchentlich', 'semanal', 'hebdomadaire', 'tygodniowo', 'wekelijks'],
  month: ['monthly', 'pcm', 'p\\.c\\.m\\.?', 'pm', 'p\\.m\\.?', 'p/m', 'p/mo', 'monatlich', 'monatsgehalt', 'mensuel', 'mensuelle', 'mensuels', 'mensual', 'mensuales', 'mensal', 'mensais', 'miesięcznie', 'maandelijks', 'månedlig', 'månedligt', 'månedsløn', 'månadslön', 'månadsvis', 'mensile', 'mensili'],
  year: ['yearly', 'annual', 'annually', 'pa', 'p\\.a\\.?', 'p/a', 'p/yr', 'jährlich', 'jahresgehalt', 'annuel', 'annuelle', 'annuels', 'anual', 'anuales', 'anuais', 'rocznie', 'jaarlijks', 'årlig', 'årligt', 'årsløn', 'årslön', 'annuo', 'annui', 'annua', 'ral'],
};

// CJK needs no word boundaries: words run into figures (`年収600万円`).
const CJK: Readonly<Record<SalaryPeriod, readonly string[]>> = {
  hour: ['時給', '时薪', '시급', '/時間', '/小时', '/时'],
  day: ['日給', '日当', '日薪', '일급', '/日'],
  week: ['週給', '周薪', '주급', '/週', '/周'],
  month: ['月給', '月収', '月薪', '월급', '/月', '每月', '毎月'],
  year: ['年収', '年俸', '年薪', '연봉', '/年', '每年'],
};

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const longestFirst = (words: readonly string[]): string[] => [...words].sort((a, b) => b.length - a.length);
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

function periodPattern(period: SalaryPeriod): string {
  const slash = `/ ?(?:${longestFirst(SLASH_UNITS[period]).map(escape).join('|')})\\.?${AFTER}`;
  const leads = `${BEFORE}(?:${UNIT_LEADS.join('|')})(?:${longestFirst(WORD_UNITS[period]).map(escape).join('|')})${AFTER}`;
  const standalone = `${BEFORE}(?:${[...STANDALONE[period]].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}/])`;
  const cjk = longestFirst(CJK[period]).map(escape).join('|');
  return `(?<${period}>${leads}|${slash}|${standalone}|${cjk})`;
}

const PERIOD_PHRASE = new RegExp(
  (['hour', 'day', 'week', 'month', 'year'] as const).map(periodPattern).join('|'),
  'giu',
);

export interface PeriodPhrase {
  start: number;
  end: number;
  period: SalaryPeriod;
}

/** Every phrase in `text` that states a pay period, in order. */
export function findPeriodPhrases(text: string): PeriodPhrase[] {
  const phrases: PeriodPhrase[] = [];
  // exec on the one expression, not matchAll: matchAll runs a copy of it,
  // which in a build cost 1 ms a call against 0.23 ms (the copy's compiled
  // code is not kept for long, and this expression is large to compile).
  PERIOD_PHRASE.lastIndex = 0;
  for (let match = PERIOD_PHRASE.exec(text); match !== null; match = PERIOD_PHRASE.exec(text)) {
    if (match[0] === '') PERIOD_PHRASE.lastIndex++;
    const groups = match.groups ?? {};
    const period = (['hour', 'day', 'week', 'month', 'year'] as const).find((name) => groups[name] !== undefined);
    if (period) phrases.push({ start: match.index, end: match.index + match[0].length, period });
  }
  return phrases;
}

/**
 * Reads a front-matter period value: `year`, `YEAR` (schema.org unitText),
 * `yearly`, `per annum`, `hr`, `/month`. Null when it names no period.
 */
export function readPeriodName(value: string): SalaryPeriod | null {
  const text = value.normalize('NFKC').trim().toLowerCase();
  if (text === '') return null;
  const bare = text.replace(/^(?:per|a|an|each|every|\/) ?/, '').replace(/\.$/, '');
  for (const period of ['hour', 'day', 'week', 'month', 'year'] as const) {
    if (SLASH_UNITS[period].includes(bare) || WORD_UNITS[period].includes(bare)) return period;
  }
  const [phrase, ...others] = findPeriodPhrases(text);
  return phrase && others.every((other) => other.period === phrase.period) ? phrase.period : null;
}
