// A posting's path often says what its front-matter does not: the id in the
// file name, or in the folder name when the file is a generic `README.md`
// (`jobs/<skill>/<YYYY-MM>/<slug>/README.md`, the layout of public remote-job
// repositories), and the date in a `YYYY-MM-DD…` or `YYYY-MM` folder.
import { dateFromFileName, isCalendarDate } from '../normalise/fields/parse-date.ts';
import { idFromFileName } from '../normalise/fields/slugify-id.ts';

export interface PathHints {
  /** A slug with at least one letter, or '' when the path names none (then company and title make it). */
  id: string;
  idFrom: 'file' | 'folder' | null;
  /** From the nearest folder named `YYYY-MM-DD…` (that day) or `YYYY-MM` (the 1st of the month). */
  folderDate: { date: string; folder: string } | null;
}

// File names that say what a file is, not which posting it holds.
const GENERIC_NAMES = new Set(['readme', 'index', 'posting', 'job', 'jd', 'description', 'content', 'post', 'main', 'details', 'listing', 'text', 'body']);
const EXTENSION = /\.(md|markdown|txt)$/i;
const MONTH_FOLDER = /^(\d{4})-(\d{2})$/;

export function pathHints(filePath: string): PathHints {
  const segments = filePath.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const fileName = segments.pop() ?? '';
  const folders = segments.reverse();

  let id = '';
  let idFrom: PathHints['idFrom'] = null;
  if (!GENERIC_NAMES.has(fileName.replace(EXTENSION, '').toLowerCase())) {
    // A file name that names nothing (`80530.md`) leaves the id to the company and title.
    id = usableId(idFromFileName(fileName));
    if (id) idFrom = 'file';
  } else {
    const fromFolder = usableId(idFromFileName(folders[0] ?? ''));
    if (fromFolder) {
      id = fromFolder;
      idFrom = 'folder';
    }
  }

  let folderDate: PathHints['folderDate'] = null;
  for (const folder of folders) {
    const date = folderDateOf(folder);
    if (date) {
      folderDate = { date, folder };
      break;
    }
  }
  return { id, idFrom, folderDate };
}

/**
 * Ids made only of numbers and hashes (`80530`, `000_1012f5d2726aa665`, as
 * scrapers name files) say nothing about the posting.
 */
function usableId(slug: string): string {
  const opaque = (part: string) => /^\d+$/.test(part) || (/^[0-9a-f]+$/.test(part) && /\d/.test(part));
  return slug.split('-').every(opaque) ? '' : slug;
}

function folderDateOf(folder: string): string | null {
  const day = dateFromFileName(folder);
  if (day) return day;
  const month = MONTH_FOLDER.exec(folder);
  if (month && isCalendarDate(Number(month[1]), Number(month[2]), 1)) return `${month[1]}-${month[2]}-01`;
  return null;
}
