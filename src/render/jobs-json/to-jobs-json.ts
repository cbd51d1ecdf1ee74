// `jobs.json`: the whole open board as data, one `Posting` record per job.
// Each record is copied field by field in the order of the `Posting`
// interface, so the file's shape is exactly the documented record and nothing
// the pipeline keeps alongside (source file, draft flag…) can leak into it.
import type { BoardConfig } from '../../board.ts';
import type { Posting } from '../../posting.ts';
import { jsonPartsWithArray } from '../feeds/index.ts';

export const JOBS_JSON_VERSION = 1;

export interface JobsJson {
  version: typeof JOBS_JSON_VERSION;
  /** The build date, `YYYY-MM-DD`. */
  generated: string;
  site: { title: string; description: string; url: string; language: string };
  jobs: Posting[];
}

/**
 * `jobs.json` text: two-space indented, ending in a newline. `postings` are
 * written in the order given: pass the open ones, sorted with `sortNewestFirst`.
 */
export function toJobsJson(postings: readonly Posting[], config: BoardConfig, buildDate: string): string {
  return [...toJobsJsonParts(postings, config, buildDate)].join('');
}

/** `toJobsJson`'s text as consecutive parts, each record serialised only when it is asked for. */
export function toJobsJsonParts(postings: readonly Posting[], config: BoardConfig, buildDate: string): Iterable<string> {
  const head: JobsJson = {
    version: JOBS_JSON_VERSION,
    generated: buildDate,
    site: { title: config.title, description: config.description, url: config.siteUrl, language: config.language },
    jobs: [],
  };
  return jsonPartsWithArray(head, 'jobs', postings, publicPosting);
}

/** A fresh `Posting` holding exactly the interface's fields, in its order. */
export function publicPosting(posting: Posting): Posting {
  const { company, salary, location } = posting;
  return {
    id: posting.id,
    url: posting.url,
    title: posting.title,
    company: { name: company.name, url: company.url },
    salary: salary
      ? { min: salary.min, max: salary.max, currency: salary.currency, period: salary.period, text: salary.text }
      : null,
    location: {
      countries: [...location.countries],
      worldwide: location.worldwide,
      remote: location.remote,
      text: location.text,
    },
    applyUrl: posting.applyUrl,
    datePosted: posting.datePosted,
    validThrough: posting.validThrough,
    employmentType: posting.employmentType,
    tags: [...posting.tags],
    summary: posting.summary,
    contentHtml: posting.contentHtml,
  };
}
