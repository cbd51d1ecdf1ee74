// Names a new posting's file `YYYY-MM-DD-<company>-<title>.md`. The part after
// the date is the posting's id and URL for good, so it is made to read back
// exactly as `check` reads ids from file names.
import { idFromFileName, toSlug } from '../normalise/fields/slugify-id.ts';

export type PostingFileName = { ok: true; id: string; fileName: string } | { ok: false; reason: string };

/** `date` is `YYYY-MM-DD`; `id`, when given, replaces the one made from company and title. */
export function postingFileName(date: string, company: string, title: string, id?: string): PostingFileName {
  if (id !== undefined) {
    const slug = toSlug(id);
    if (slug === '') return { ok: false, reason: `The id ${JSON.stringify(id)} has nothing that can be written as a-z or 0-9 in a URL; give an id such as \`acme-backend-engineer\`.` };
    return named(date, slug);
  }
  // Slugged as one text, so that the pair is bounded and joined like any id.
  const slug = toSlug([toSlug(company), toSlug(title)].filter((part) => part !== '').join('-'));
  if (slug === '') {
    return { ok: false, reason: 'Neither the company nor the title has letters or digits that can be written as a-z or 0-9 in a URL; give the id with `--id`, such as `acme-backend-engineer`.' };
  }
  return named(date, slug);
}

function named(date: string, slug: string): PostingFileName {
  const fileName = `${date}-${slug}.md`;
  // `check` reads the id back from the file name; it must be the id chosen here, whatever the slug.
  const id = idFromFileName(fileName);
  if (id !== slug) return { ok: false, reason: `The id \`${slug}\` would be read back from the file name as \`${id}\`; give another id with \`--id\`.` };
  return { ok: true, id, fileName };
}
