import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Posting } from '../../src/posting.ts';
import {
  feedChannel,
  jobElements,
  JOB_NAMESPACE,
  newestDate,
  rfc3339Date,
  rfc822Date,
  sortNewestFirst,
  toAtom,
  toFeedItem,
  toJsonFeed,
  toRss,
  xmlSafeText,
  type FeedChannel,
} from '../../src/render/feeds/index.ts';
import { toJobsJson } from '../../src/render/jobs-json/index.ts';
import { BOARD, BUILD_DATE, HOSTILE, HOSTILE_COMPANY, HOSTILE_TITLE, HYBRID, makePosting, ONSITE, REMOTE } from './sample-postings.ts';
import {
  child,
  children,
  childText,
  feedparserPython,
  parseFeeds,
  parseXml,
  parseXmlDocuments,
  PYTHON_PROPERTY_TIMEOUT,
  type XmlElement,
} from './python-xml.ts';

const ATOM = '{http://www.w3.org/2005/Atom}';
const JOB = `{${JOB_NAMESPACE}}`;
const DC = '{http://purl.org/dc/elements/1.1/}';

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const POSTINGS = [REMOTE, HYBRID, ONSITE];
const channel = (feedPath: string, overrides: Partial<FeedChannel> = {}): FeedChannel => ({
  ...feedChannel(BOARD, BUILD_DATE, { feedPath }),
  ...overrides,
});
const items = (postings: readonly Posting[]) => postings.map((posting) => toFeedItem(posting));

function jobFields(element: XmlElement): Array<[string, string]> {
  return element.children.filter((c) => c.tag.startsWith(JOB)).map((c) => [c.tag.slice(JOB.length), c.text]);
}

describe('xmlSafeText', () => {
  it.each([
    ['NUL and C0 controls', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh', 'abcdefgh'],
    ['U+FFFE and U+FFFF', 'x\uFFFEy\uFFFFz', 'xyz'],
    ['a lone high surrogate', 'a\uD800b', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['reversed surrogate halves', 'a\uDC00\uD800b', 'ab'],
    ['CRLF and CR as LF', 'a\r\nb\rc\nd', 'a\nb\nc\nd'],
  ])('drops or normalises %s', (_name, input, expected) => {
    expect(xmlSafeText(input)).toBe(expected);
  });

  it.each([
    ['tab, LF and ordinary text', 'a\tb\nc <&> ]]> "\''],
    ['astral characters (surrogate pairs)', 'emoji 😀 and 𝄞'],
    ['C1 controls, U+FFFD and U+2028, which XML 1.0 allows', '\u0085\u009F\uFFFD\u2028\uE000\uFDD0'],
  ])('keeps %s', (_name, input) => {
    expect(xmlSafeText(input)).toBe(input);
  });

  it('leaves nothing a strict parser rejects, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = xmlSafeText(text);
        expect(safe).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/u);
        expect(safe).not.toMatch(/[\uD800-\uDFFF]/u);
        expect(xmlSafeText(safe)).toBe(safe);
      }),
    );
  });
});

describe('feed dates', () => {
  it.each([
    ['2026-11-27', 'Fri, 27 Nov 2026 00:00:00 GMT', '2026-11-27T00:00:00Z'],
    ['2024-02-29', 'Thu, 29 Feb 2024 00:00:00 GMT', '2024-02-29T00:00:00Z'],
    ['2000-01-01', 'Sat, 01 Jan 2000 00:00:00 GMT', '2000-01-01T00:00:00Z'],
    ['0099-12-31', 'Thu, 31 Dec 0099 00:00:00 GMT', '0099-12-31T00:00:00Z'],
  ])('%s → %s / %s', (date, rfc822, rfc3339) => {
    expect(rfc822Date(date)).toBe(rfc822);
    expect(rfc3339Date(date)).toBe(rfc3339);
  });

  it('agrees with the platform for every day of four-digit years', () => {
    const day = fc
      .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (date) => {
        expect(rfc822Date(date)).toBe(new Date(`${date}T00:00:00Z`).toUTCString());
        expect(rfc822Date(date)).toMatch(RFC_822);
        expect(Date.parse(rfc3339Date(date))).toBe(Date.parse(`${date}T00:00:00Z`));
      }),
    );
  });

  it.each(['2026-02-30', '2026-13-01', '26-11-27', '2026-11-27T00:00:00Z', ''])('rejects %j', (date) => {
    expect(() => rfc822Date(date)).toThrow(RangeError);
    expect(() => rfc3339Date(date)).toThrow(RangeError);
  });

  it('picks the newest date, or the fallback when there is none', () => {
    expect(newestDate(['2026-01-02', '2026-03-01', '2025-12-31'], '1999-01-01')).toBe('2026-03-01');
    expect(newestDate([], '1999-01-01')).toBe('1999-01-01');
  });
});

describe('sortNewestFirst', () => {
  it('orders by date, newest first, then by id', () => {
    const a = makePosting({ id: 'b-job', datePosted: '2026-11-20' });
    const b = makePosting({ id: 'a-job', datePosted: '2026-11-20' });
    const c = makePosting({ id: 'z-job', datePosted: '2026-11-27' });
    const input = [a, b, c];
    expect(sortNewestFirst(input).map((p) => p.id)).toEqual(['z-job', 'a-job', 'b-job']);
    expect(input.map((p) => p.id)).toEqual(['b-job', 'a-job', 'z-job']);
  });

  it('gives one order whatever the input order', () => {
    const posting = fc.record({
      id: fc.constantFrom('a', 'b', 'B', 'é', 'a-1'),
      datePosted: fc.constantFrom('2026-11-01', '2026-11-02', '2025-01-01'),
    });
    const lists = fc
      .uniqueArray(posting, { selector: (p) => `${p.id}|${p.datePosted}` })
      .map((list) => list.map((p) => makePosting(p)))
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));
    fc.assert(
      fc.property(lists, ([postings, shuffled]) => {
        expect(sortNewestFirst(shuffled)).toEqual(sortNewestFirst(postings));
        const sorted = sortNewestFirst(postings);
        sorted.slice(1).forEach((p, i) => expect(p.datePosted <= sorted[i]!.datePosted).toBe(true));
      }),
    );
  });
});

describe('toRss', () => {
  const rssChannel = channel('feed.xml');
  const rss = parseXml(toRss(rssChannel, items(POSTINGS)));
  const head = child(rss, 'channel');
  const rssItems = children(head, 'item');

  it('is RSS 2.0 with a self link and channel metadata', () => {
    expect(rss.tag).toBe('rss');
    expect(rss.attrib.version).toBe('2.0');
    expect(childText(head, 'title')).toBe('Example Jobs');
    expect(childText(head, 'link')).toBe('https://jobs.example.com/');
    expect(childText(head, 'description')).toBe('Hand-picked roles.');
    expect(childText(head, 'language')).toBe('en');
    expect(childText(head, 'generator')).toBe('jobsite');
    expect(child(head, `${ATOM}link`).attrib).toEqual({
      href: 'https://jobs.example.com/feed.xml',
      rel: 'self',
      type: 'application/rss+xml',
    });
  });

  it('dates the channel by its newest item, not by the build', () => {
    expect(childText(head, 'lastBuildDate')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    const later = toRss({ ...rssChannel, buildDate: '2027-06-30' }, items([ONSITE, HYBRID, REMOTE]));
    expect(childText(child(parseXml(later), 'channel'), 'lastBuildDate')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
  });

  it('dates an empty feed by the build date', () => {
    const empty = child(parseXml(toRss(rssChannel, [])), 'channel');
    expect(childText(empty, 'lastBuildDate')).toBe('Tue, 01 Dec 2026 00:00:00 GMT');
    expect(children(empty, 'item')).toEqual([]);
  });

  it('writes one item per posting, in the order given', () => {
    expect(rssItems.map((item) => childText(item, 'title'))).toEqual([
      'Senior Backend Engineer at Monzo',
      'Data Analyst at Brightpath',
      'Bäcker (m/w/d) at Bäckerei Müller',
    ]);
  });

  it('links, identifies and dates each item', () => {
    const [item] = rssItems as [XmlElement];
    expect(childText(item, 'link')).toBe(REMOTE.url);
    expect(child(item, 'guid')).toMatchObject({ text: REMOTE.url, attrib: { isPermaLink: 'true' } });
    expect(childText(item, 'pubDate')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    for (const each of rssItems) expect(childText(each, 'pubDate')).toMatch(RFC_822);
    expect(childText(item, `${DC}creator`)).toBe('Monzo');
  });

  it('describes each item in HTML: summary, salary, countries by name', () => {
    const [remote, hybrid, onsite] = rssItems.map((item) => childText(item, 'description'));
    expect(remote).toContain('<p>Build the systems that move money for millions of people.</p>');
    expect(remote).toContain('£95,000 – £150,000 a year');
    expect(remote).toContain('Remote · United Kingdom, Ireland');
    expect(remote).toContain('Full time');
    expect(hybrid).toContain('$45.50 an hour');
    expect(hybrid).toContain('Hybrid · United States');
    expect(onsite).toContain('On-site · Germany');
    expect(onsite).not.toContain('Salary');
  });

  it('has a category per country and per tag', () => {
    const [remote] = rssItems as [XmlElement];
    expect(children(remote, 'category').map((c) => [c.attrib.domain, c.text])).toEqual([
      [`${JOB_NAMESPACE}#country`, 'United Kingdom'],
      [`${JOB_NAMESPACE}#country`, 'Ireland'],
      [`${JOB_NAMESPACE}#tag`, 'go'],
      [`${JOB_NAMESPACE}#tag`, 'backend'],
    ]);
  });

  it('carries the structured fields in the job namespace', () => {
    const [remote, hybrid, onsite] = rssItems as [XmlElement, XmlElement, XmlElement];
    expect(jobFields(remote)).toEqual([
      ['id', 'senior-backend-engineer'],
      ['company', 'Monzo'],
      ['companyUrl', 'https://monzo.com/'],
      ['salaryMin', '95000'],
      ['salaryMax', '150000'],
      ['salaryCurrency', 'GBP'],
      ['salaryPeriod', 'year'],
      ['salaryText', '£95,000 - £150,000'],
      ['country', 'GB'],
      ['country', 'IE'],
      ['worldwide', 'false'],
      ['remote', 'remote'],
      ['locationText', 'UK or Ireland, remote'],
      ['employmentType', 'FULL_TIME'],
      ['datePosted', '2026-11-27'],
      ['validThrough', '2026-12-27'],
      ['applyUrl', 'https://monzo.com/careers/apply?id=42&src=board'],
    ]);
    expect(jobFields(hybrid)).toContainEqual(['salaryMin', '45.5']);
    expect(jobFields(hybrid).map(([name]) => name)).not.toContain('companyUrl');
    expect(jobFields(onsite).map(([name]) => name)).not.toContain('salaryMin');
    expect(jobFields(onsite).map(([name]) => name)).not.toContain('employmentType');
  });

  it('names countries with the callback when one is given', () => {
    const named = toRss(channel('feed.xml', { countryName: (code) => `Land ${code}` }), items([ONSITE]));
    const item = child(child(parseXml(named), 'channel'), 'item');
    expect(childText(item, 'description')).toContain('Land DE');
    expect(child(item, 'category').text).toBe('Land DE');
  });

  it('survives a country-name callback that throws', () => {
    const faulty = channel('feed.xml', {
      countryName: () => {
        throw new Error('boom');
      },
    });
    expect(childText(child(child(parseXml(toRss(faulty, items([ONSITE]))), 'channel'), 'item'), 'category')).toBe(
      'Germany',
    );
  });

  it('is byte-for-byte the same for the same input', () => {
    expect(toRss(rssChannel, items(POSTINGS))).toBe(toRss(rssChannel, items(POSTINGS)));
  });

  it('resolves a site-relative posting URL against the channel page', () => {
    const relative = makePosting({ url: '/jobs/relative/' });
    const item = child(child(parseXml(toRss(rssChannel, items([relative]))), 'channel'), 'item');
    expect(childText(item, 'guid')).toBe('https://jobs.example.com/jobs/relative/');
  });

  it('uses listing URLs for a listing feed', () => {
    const listing = feedChannel(BOARD, BUILD_DATE, {
      pagePath: 'companies/monzo/',
      feedPath: 'companies/monzo/feed.xml',
      title: 'Jobs at Monzo',
    });
    const head = child(parseXml(toRss(listing, items([REMOTE]))), 'channel');
    expect(childText(head, 'title')).toBe('Jobs at Monzo');
    expect(childText(head, 'link')).toBe('https://jobs.example.com/companies/monzo/');
    expect(child(head, `${ATOM}link`).attrib.href).toBe('https://jobs.example.com/companies/monzo/feed.xml');
  });
});

describe('toAtom', () => {
  const atomChannel = channel('atom.xml');
  const feed = parseXml(toAtom(atomChannel, items(POSTINGS)));
  const entries = children(feed, `${ATOM}entry`);

  it('is an Atom 1.0 feed with id, title, updated and links', () => {
    expect(feed.tag).toBe(`${ATOM}feed`);
    expect(feed.attrib['{http://www.w3.org/XML/1998/namespace}lang']).toBe('en');
    expect(childText(feed, `${ATOM}id`)).toBe('https://jobs.example.com/atom.xml');
    expect(childText(feed, `${ATOM}title`)).toBe('Example Jobs');
    expect(childText(feed, `${ATOM}subtitle`)).toBe('Hand-picked roles.');
    expect(childText(feed, `${ATOM}updated`)).toBe('2026-11-27T00:00:00Z');
    expect(children(feed, `${ATOM}link`).map((link) => link.attrib)).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'https://jobs.example.com/atom.xml' },
      { rel: 'alternate', type: 'text/html', href: 'https://jobs.example.com/' },
    ]);
  });

  it('dates an empty feed by the build date', () => {
    expect(childText(parseXml(toAtom(atomChannel, [])), `${ATOM}updated`)).toBe('2026-12-01T00:00:00Z');
  });

  it('writes each entry with id, link, dates, author and HTML', () => {
    expect(entries).toHaveLength(3);
    const [remote, hybrid] = entries as [XmlElement, XmlElement];
    expect(childText(remote, `${ATOM}id`)).toBe(REMOTE.url);
    expect(childText(remote, `${ATOM}title`)).toBe('Senior Backend Engineer at Monzo');
    expect(child(remote, `${ATOM}link`).attrib).toEqual({ rel: 'alternate', type: 'text/html', href: REMOTE.url });
    expect(childText(remote, `${ATOM}published`)).toBe('2026-11-27T00:00:00Z');
    for (const entry of entries) {
      expect(childText(entry, `${ATOM}published`)).toMatch(RFC_3339);
      expect(childText(entry, `${ATOM}updated`)).toMatch(RFC_3339);
    }
    const author = child(remote, `${ATOM}author`);
    expect(childText(author, `${ATOM}name`)).toBe('Monzo');
    expect(childText(author, `${ATOM}uri`)).toBe('https://monzo.com/');
    expect(children(child(hybrid, `${ATOM}author`), `${ATOM}uri`)).toEqual([]);

    expect(child(remote, `${ATOM}summary`).attrib.type).toBe('html');
    expect(childText(remote, `${ATOM}summary`)).toContain('£95,000 – £150,000 a year');
    const content = child(remote, `${ATOM}content`);
    expect(content.attrib.type).toBe('html');
    expect(content.text).toContain('United Kingdom');
    expect(content.text).toContain(REMOTE.contentHtml);
  });

  it('has categories and the same job fields as RSS', () => {
    const [remote] = entries as [XmlElement];
    expect(children(remote, `${ATOM}category`).map((c) => c.attrib.term)).toEqual(['United Kingdom', 'Ireland', 'go', 'backend']);
    const rssItem = child(child(parseXml(toRss(channel('feed.xml'), items([REMOTE]))), 'channel'), 'item');
    expect(jobFields(remote)).toEqual(jobFields(rssItem));
    expect(jobFields(remote)).toEqual(jobElements(toFeedItem(REMOTE)));
  });
});

describe('toJsonFeed', () => {
  const text = toJsonFeed(channel('feed.json'), items(POSTINGS));
  const feed = JSON.parse(text);

  it('is pretty-printed JSON ending in a newline', () => {
    expect(text.startsWith('{\n  "version": "https://jsonfeed.org/version/1.1",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('has the JSON Feed 1.1 top-level fields in a fixed order', () => {
    expect(Object.keys(feed)).toEqual(['version', 'title', 'home_page_url', 'feed_url', 'description', 'language', 'items']);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example Jobs',
      home_page_url: 'https://jobs.example.com/',
      feed_url: 'https://jobs.example.com/feed.json',
      language: 'en',
    });
  });

  it('writes items with the required and recommended fields', () => {
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC_3339);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
    const [remote, hybrid] = feed.items;
    expect(Object.keys(remote)).toEqual([
      'id',
      'url',
      'title',
      'content_html',
      'summary',
      'date_published',
      'tags',
      'authors',
      '_job',
    ]);
    expect(remote).toMatchObject({
      id: REMOTE.url,
      url: REMOTE.url,
      title: 'Senior Backend Engineer at Monzo',
      summary: REMOTE.summary,
      date_published: '2026-11-27T00:00:00Z',
      tags: ['United Kingdom', 'Ireland', 'go', 'backend'],
      authors: [{ name: 'Monzo', url: 'https://monzo.com/' }],
    });
    expect(remote.content_html).toContain('£95,000 – £150,000 a year');
    expect(remote.content_html).toContain(REMOTE.contentHtml);
    expect(hybrid.authors).toEqual([{ name: 'Brightpath' }]);
  });

  it('carries the structured fields in the _job extension', () => {
    const [remote, , onsite] = feed.items;
    expect(remote._job).toEqual({
      id: 'senior-backend-engineer',
      company: { name: 'Monzo', url: 'https://monzo.com/' },
      salary: { min: 95000, max: 150000, currency: 'GBP', period: 'year', text: '£95,000 - £150,000' },
      countries: ['GB', 'IE'],
      worldwide: false,
      remote: 'remote',
      locationText: 'UK or Ireland, remote',
      employmentType: 'FULL_TIME',
      datePosted: '2026-11-27',
      validThrough: '2026-12-27',
      applyUrl: 'https://monzo.com/careers/apply?id=42&src=board',
    });
    expect(onsite._job).toMatchObject({ salary: null, employmentType: null, remote: 'onsite' });
  });
});

describe('toJobsJson', () => {
  const text = toJobsJson(POSTINGS, BOARD, BUILD_DATE);
  const document = JSON.parse(text);

  it('has the version, build date, site and jobs in order', () => {
    expect(Object.keys(document)).toEqual(['version', 'generated', 'site', 'jobs']);
    expect(document.version).toBe(1);
    expect(document.generated).toBe('2026-12-01');
    expect(document.site).toEqual({
      title: 'Example Jobs',
      description: 'Hand-picked roles.',
      url: 'https://jobs.example.com/',
      language: 'en',
    });
    expect(document.jobs.map((job: Posting) => job.id)).toEqual(POSTINGS.map((p) => p.id));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": 1,\n');
  });

  it('writes exactly the Posting fields, in the order of the interface', () => {
    expect(Object.keys(document.jobs[0])).toEqual([
      'id',
      'url',
      'title',
      'company',
      'salary',
      'location',
      'applyUrl',
      'datePosted',
      'validThrough',
      'employmentType',
      'tags',
      'summary',
      'contentHtml',
    ]);
    expect(Object.keys(document.jobs[0].company)).toEqual(['name', 'url']);
    expect(Object.keys(document.jobs[0].salary)).toEqual(['min', 'max', 'currency', 'period', 'text']);
    expect(Object.keys(document.jobs[0].location)).toEqual(['countries', 'worldwide', 'remote', 'text']);
    expect(document.jobs).toEqual(POSTINGS);
  });

  it('leaks no field that is not part of the record', () => {
    const withInternals = {
      ...REMOTE,
      file: 'jobs/2026-11-27-monzo.md',
      draft: false,
      company: { ...REMOTE.company, secret: 1 },
      location: { ...REMOTE.location, raw: 'x' },
      salary: { ...REMOTE.salary!, parsedFrom: 'y' },
    } as Posting;
    const [job] = JSON.parse(toJobsJson([withInternals], BOARD, BUILD_DATE)).jobs;
    expect(job).toEqual(REMOTE);
    expect(JSON.stringify(job)).not.toMatch(/file|draft|secret|raw|parsedFrom/);
  });
});

describe('hostile text in every feed', () => {
  const hostileItems = items([HOSTILE]);
  const expectedTitle = `${HOSTILE_TITLE} at ${HOSTILE_COMPANY}`;

  it('RSS reads back exactly what went in', () => {
    const xml = toRss(channel('feed.xml'), hostileItems);
    expect(xml).not.toContain('</script>');
    expect(xml).not.toContain(']]>');
    const item = child(child(parseXml(xml), 'channel'), 'item');
    expect(childText(item, 'title')).toBe(expectedTitle);
    expect(childText(item, `${DC}creator`)).toBe(HOSTILE_COMPANY);
    expect(childText(item, `${JOB}company`)).toBe(HOSTILE_COMPANY);
    expect(childText(item, `${JOB}companyUrl`)).toBe('https://example.com/?a=1&b=<2>');
    expect(childText(item, `${JOB}locationText`)).toBe('<London> & "Paris"');
    expect(children(item, 'category').map((c) => c.text)).toEqual(['United Kingdom', ...HOSTILE.tags]);
    // The description is HTML: the summary is escaped once for HTML, then again for XML.
    expect(childText(item, 'description')).toContain('<p>Summary with &lt;/script&gt; and &lt;!-- and &amp; in it.</p>');
  });

  it('Atom reads back exactly what went in', () => {
    const xml = toAtom(channel('atom.xml'), hostileItems);
    expect(xml).not.toContain('</script>');
    const entry = child(parseXml(xml), `${ATOM}entry`);
    expect(childText(entry, `${ATOM}title`)).toBe(expectedTitle);
    expect(childText(child(entry, `${ATOM}author`), `${ATOM}name`)).toBe(HOSTILE_COMPANY);
    expect(children(entry, `${ATOM}category`).map((c) => c.attrib.term)).toEqual(['United Kingdom', ...HOSTILE.tags]);
  });

  it('JSON Feed reads back exactly what went in', () => {
    const [item] = JSON.parse(toJsonFeed(channel('feed.json'), hostileItems)).items;
    expect(item.title).toBe(expectedTitle);
    expect(item.authors[0].name).toBe(HOSTILE_COMPANY);
    expect(item.tags).toEqual(['United Kingdom', ...HOSTILE.tags]);
    expect(item._job.company.name).toBe(HOSTILE_COMPANY);
  });

  it.each([
    ['an entity-like word', 'Q&A; team'],
    ['escaped markup', '&lt;b&gt; &amp; &quot;'],
    ['character references', '&#65; &#x41;'],
  ])('XML keeps %s as the literal text written', (_name, text) => {
    const posting = makePosting({ title: text, company: { name: text, url: null }, tags: [text] });
    const rssItem = child(child(parseXml(toRss(channel('feed.xml'), items([posting]))), 'channel'), 'item');
    expect(childText(rssItem, 'title')).toBe(`${text} at ${text}`);
    expect(children(rssItem, 'category').at(-1)?.text).toBe(text);
    const entry = child(parseXml(toAtom(channel('atom.xml'), items([posting]))), `${ATOM}entry`);
    expect(childText(entry, `${ATOM}title`)).toBe(`${text} at ${text}`);
    expect(children(entry, `${ATOM}category`).at(-1)?.attrib.term).toBe(text);
  });

  it('jobs.json reads back exactly what went in', () => {
    expect(JSON.parse(toJobsJson([HOSTILE], BOARD, BUILD_DATE)).jobs).toEqual([HOSTILE]);
  });
});

describe('arbitrary strings', () => {
  // Dense in the characters that break markup, plus every code point incl. lone surrogates.
  const nasty = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom(
        ...['\u0000', '\u0001', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\r', '\n', '\t', '\u2028', '😀'],
        ...['<', '&', ';', '#', 'a', ']]>', '"', '&amp;', '&lt;', '&#65;', '&x;', '</script>', '<!--'],
      ),
    }),
  );
  const posting = fc
    .record({
      title: nasty,
      company: nasty,
      companyUrl: fc.option(nasty),
      tags: fc.array(nasty, { maxLength: 3 }),
      summary: nasty,
      contentHtml: nasty,
      locationText: fc.option(nasty),
      salaryText: nasty,
      id: nasty,
      url: nasty,
      applyUrl: nasty,
    })
    .map((r) =>
      makePosting({
        id: r.id,
        url: r.url,
        title: r.title,
        company: { name: r.company, url: r.companyUrl },
        tags: r.tags,
        summary: r.summary,
        contentHtml: r.contentHtml,
        applyUrl: r.applyUrl,
        location: { ...REMOTE.location, text: r.locationText },
        salary: { ...REMOTE.salary!, text: r.salaryText },
      }),
    );
  const boardText = fc.record({ title: nasty, description: nasty, language: nasty });

  it('always give well-formed XML that reads back as the safe text', () => {
    fc.assert(
      fc.property(posting, boardText, (p, board) => {
        const ch = { ...channel('feed.xml'), ...board };
        const [rss, atom] = parseXmlDocuments([toRss(ch, items([p])), toAtom(ch, items([p]))]);
        if (!rss?.ok) throw new Error(`RSS: ${rss?.error}`);
        if (!atom?.ok) throw new Error(`Atom: ${atom?.error}`);
        const title = xmlSafeText(toFeedItem(p).title);
        const item = child(child(rss.root, 'channel'), 'item');
        expect(childText(item, 'title')).toBe(title);
        expect(childText(item, `${JOB}company`)).toBe(xmlSafeText(p.company.name));
        expect(children(item, 'category').slice(2).map((c) => c.text)).toEqual(p.tags.map(xmlSafeText));
        expect(childText(child(rss.root, 'channel'), 'title')).toBe(xmlSafeText(board.title));
        const entry = child(atom.root, `${ATOM}entry`);
        expect(childText(entry, `${ATOM}title`)).toBe(title);
        // Attribute values come back with tab and LF as spaces (XML attribute-value normalisation).
        expect(children(entry, `${ATOM}category`).slice(2).map((c) => c.attrib.term)).toEqual(
          p.tags.map((tag) => xmlSafeText(tag).replace(/[\t\n]/g, ' ')),
        );
      }),
      { numRuns: 60 },
    );
  }, PYTHON_PROPERTY_TIMEOUT);

  it('always give JSON that parses back to the same strings', () => {
    fc.assert(
      fc.property(posting, (p) => {
        const feedText = toJsonFeed(channel('feed.json'), items([p]));
        const jobsText = toJobsJson([p], BOARD, BUILD_DATE);
        for (const text of [feedText, jobsText]) {
          // No raw lone surrogate: the text survives UTF-8 encoding unchanged.
          expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
        }
        const [item] = JSON.parse(feedText).items;
        expect(item.title).toBe(toFeedItem(p).title);
        expect(item.tags).toEqual([...new Set(['United Kingdom', 'Ireland', ...p.tags])]);
        expect(JSON.parse(jobsText).jobs).toEqual([p]);
      }),
    );
  });

  it('checker used above does reject malformed XML', () => {
    const results = parseXmlDocuments(['<a><b></a>', '<a>\u0001</a>', '<a>\uFFFE</a>', '<a>\uD800</a>', '<a>&x;</a>', '<a/>']);
    expect(results.map((r) => r.ok)).toEqual([false, false, false, false, false, true]);
  });
});

describe.skipIf(feedparserPython === undefined)('feedparser (python3-feedparser)', () => {
  it('reads RSS and Atom without complaint and finds every entry field', () => {
    const [rss, atom] = parseFeeds([toRss(channel('feed.xml'), items(POSTINGS)), toAtom(channel('atom.xml'), items(POSTINGS))]);
    for (const [feed, version] of [
      [rss, 'rss20'],
      [atom, 'atom10'],
    ] as const) {
      expect(feed?.bozoException).toBe('');
      expect(feed?.bozo).toBe(0);
      expect(feed?.version).toBe(version);
      expect(feed?.feed.title).toBe('Example Jobs');
      expect(feed?.feed.language).toBe('en');
      expect(feed?.entries.map((e) => e.title)).toEqual([
        'Senior Backend Engineer at Monzo',
        'Data Analyst at Brightpath',
        'Bäcker (m/w/d) at Bäckerei Müller',
      ]);
      const [remote] = feed?.entries ?? [];
      expect(remote).toMatchObject({ link: REMOTE.url, id: REMOTE.url, author: 'Monzo', publishedParsed: [2026, 11, 27, 0, 0, 0] });
      expect(remote?.tags).toEqual(['United Kingdom', 'Ireland', 'go', 'backend']);
      expect(remote?.summary).toContain('£95,000 – £150,000 a year');
    }
  });

  it('reads hostile titles back as written', () => {
    const feeds = parseFeeds([toRss(channel('feed.xml'), items([HOSTILE])), toAtom(channel('atom.xml'), items([HOSTILE]))]);
    for (const feed of feeds) {
      expect(feed.bozo).toBe(0);
      expect(feed.entries[0]?.title).toContain('&');
      expect(feed.entries[0]?.tags).toEqual(['United Kingdom', ...HOSTILE.tags]);
    }
  });
});
