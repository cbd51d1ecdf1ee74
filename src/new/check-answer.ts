// Checks an answer typed at a `jobsite new` prompt exactly as the same value
// given as a flag would be checked, so that a prompt accepts nothing the flag
// would refuse (and the other way round).
import { cleanLine } from '../normalise/fields/clean-text.ts';
import { FIELD_OF_KEY, type AskableKey, type NewPostingInput } from './new-posting-input.ts';
import { readNewPosting, type FlagFinding } from './read-new-posting.ts';

export interface Question {
  message: string;
  /** Said when the answer is left blank. */
  whenBlank: string;
}

export const QUESTIONS: Record<AskableKey, Question> = {
  title: { message: 'Job title', whenBlank: 'Every posting needs a title, such as `Senior Backend Engineer`.' },
  company: { message: 'Company', whenBlank: 'Every posting needs the name of the company that is hiring.' },
  country: {
    message: 'Country (name or ISO code, several separated by commas, or Worldwide)',
    whenBlank: 'Give the country applicants must be in, such as `Germany` or `DE`, or `Worldwide` if anyone anywhere may apply.',
  },
  apply_url: { message: 'Apply URL (https:// link or mailto: address)', whenBlank: 'Every posting needs the https: link or mailto: address where candidates apply.' },
};

/** True when the answer is accepted, else what is wrong with it (the text a prompt shows). */
export function checkAnswer(input: NewPostingInput, key: AskableKey, answer: string, today: string): true | string {
  // Blank as the flag would be blank: invisible characters count as nothing.
  if (cleanLine(answer, Number.MAX_SAFE_INTEGER) === '') return QUESTIONS[key].whenBlank;
  const { flag, input: field } = FIELD_OF_KEY[key];
  const before = readNewPosting(input, today).refused;
  const after = readNewPosting({ ...input, [field]: answer }, today).refused;
  // An answer may also make another value wrong (a country that makes `$` ambiguous in the salary).
  const caused = after.filter((problem) => problem.flag === flag || !before.some((old) => sameProblem(old, problem)));
  if (caused.length === 0) return true;
  return caused.map((problem) => (problem.flag === flag ? problem.reason : `${problem.flag}: ${problem.reason}`)).join(' ');
}

function sameProblem(a: FlagFinding, b: FlagFinding): boolean {
  return a.flag === b.flag && a.rule === b.rule && a.reason === b.reason;
}
