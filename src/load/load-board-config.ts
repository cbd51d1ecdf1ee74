// Board settings live in one file in the content folder, `board.yml`; every
// setting has a default so that a folder of postings builds with no file at all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { BoardConfig } from '../board.ts';

export const BOARD_CONFIG_FILE = 'board.yml';

export const DEFAULT_CONFIG: BoardConfig = {
  title: 'Job Board',
  description: 'Open positions.',
  siteUrl: 'http://localhost:8080/',
  language: 'en',
  validityDays: 60,
};

/** A problem with the board settings: a usage/configuration error (exit 2), not a content error. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const KEYS = { title: 'title', description: 'description', site_url: 'siteUrl', language: 'language', validity_days: 'validityDays' } as const;

export async function loadBoardConfig(contentDir: string, overrides: Partial<BoardConfig> = {}): Promise<BoardConfig> {
  const file = path.join(contentDir, BOARD_CONFIG_FILE);
  let data: unknown = {};
  try {
    data = parse(await readFile(file, 'utf8')) ?? {};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new ConfigError(`${file}: ${firstLine(error)}; fix the board settings.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${file}: the settings must be \`key: value\` lines.`);
  const config: BoardConfig = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(data)) {
    const name = KEYS[key as keyof typeof KEYS];
    if (!name) throw new ConfigError(`${file}: unknown setting \`${key}\`; the settings are ${Object.keys(KEYS).join(', ')}.`);
    if (name === 'validityDays') {
      if (!Number.isInteger(value) || (value as number) < 1) throw new ConfigError(`${file}: \`validity_days\` must be a whole number of days, at least 1.`);
      config.validityDays = value as number;
    } else {
      if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${file}: \`${key}\` must be text.`);
      config[name] = value.trim();
    }
  }
  Object.assign(config, Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)));
  config.siteUrl = normaliseSiteUrl(config.siteUrl, file);
  return config;
}

export function normaliseSiteUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${source}: the site URL \`${value}\` is not an absolute URL; write it as https://jobs.example.com/.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${source}: the site URL must start with https:// or http://.`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
