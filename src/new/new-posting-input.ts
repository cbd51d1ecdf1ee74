// What `jobsite new` is given, flag by flag, before anything is checked: the
// text the editor typed (or answered at a prompt), and the flag each front-matter
// key is set with, so that every message can name the flag to correct.
import type { CanonicalKey } from '../normalise/front-matter/canonicalise-keys.ts';

export interface NewPostingInput {
  title?: string;
  company?: string;
  companyUrl?: string;
  salary?: string;
  currency?: string;
  country?: string;
  location?: string;
  remote?: string;
  applyUrl?: string;
  employmentType?: string;
  /** Each item may itself be a comma-separated list (`--tags go,backend --tags remote`). */
  tags?: string[];
  date?: string;
  expires?: string;
  draft?: boolean;
  /** Overrides the id made from company and title (the file name after the date). */
  id?: string;
}

export type InputKey = keyof NewPostingInput;

/** The input field and flag of each front-matter key. */
export const FIELD_OF_KEY = {
  title: { input: 'title', flag: '--title' },
  company: { input: 'company', flag: '--company' },
  company_url: { input: 'companyUrl', flag: '--company-url' },
  salary: { input: 'salary', flag: '--salary' },
  currency: { input: 'currency', flag: '--currency' },
  country: { input: 'country', flag: '--country' },
  location: { input: 'location', flag: '--location' },
  remote: { input: 'remote', flag: '--remote' },
  apply_url: { input: 'applyUrl', flag: '--apply-url' },
  date: { input: 'date', flag: '--date' },
  expires: { input: 'expires', flag: '--expires' },
  employment_type: { input: 'employmentType', flag: '--employment-type' },
  tags: { input: 'tags', flag: '--tags' },
  draft: { input: 'draft', flag: '--draft' },
} as const satisfies Record<CanonicalKey, { input: InputKey; flag: string }>;

/** Every posting needs these; without a terminal to ask on, their absence is a usage error. */
export const REQUIRED_KEYS = ['title', 'company', 'apply_url'] as const;
export type RequiredKey = (typeof REQUIRED_KEYS)[number];

/** What can be asked for at a prompt: the required keys, and the country, which `check` warns without. */
export type AskableKey = RequiredKey | 'country';
