// The build date decides which postings are open. It is explicit (--now),
// else SOURCE_DATE_EPOCH (the reproducible-builds convention), else today in
// UTC, so that two builds with the same inputs make the same site.
import { isCalendarDate } from '../normalise/fields/parse-date.ts';

export class BuildDateError extends Error {
  override name = 'BuildDateError';
}

export function resolveBuildDate(now: string | undefined, env: NodeJS.ProcessEnv, today: Date = new Date()): string {
  if (now !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(now);
    if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw new BuildDateError(`--now must be a real date written as YYYY-MM-DD, not \`${now}\`.`);
    }
    return now;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new BuildDateError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${epoch}\`.`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return today.toISOString().slice(0, 10);
}
