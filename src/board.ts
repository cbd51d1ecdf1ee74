// The board as the pipeline hands it to rendering: the settings from the
// content folder and every posting that loaded, with what is not part of the
// public record (its source file, whether it is a draft).
import type { Posting } from './posting.ts';

export interface BoardConfig {
  /** Board name, shown in the header, titles and feeds. */
  title: string;
  description: string;
  /** Absolute base URL the site is deployed at, ending in `/` (`https://jobs.example.com/`). */
  siteUrl: string;
  /** BCP 47 language tag of the board's own text (`en`). */
  language: string;
  /** Days a posting stays open when it has no `expires`. */
  validityDays: number;
}

export interface PostingEntry {
  posting: Posting;
  /** Path of the source file relative to the content folder, with `/` separators. */
  file: string;
  draft: boolean;
}

/** Open: valid through the build date (inclusive). Dates are `YYYY-MM-DD`, so string order is date order. */
export function isOpen(posting: Posting, buildDate: string): boolean {
  return posting.validThrough >= buildDate;
}
