import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { postingSitemapUrls, SITEMAP_NAMESPACE, sitemapFiles, toRobotsTxt, toSitemap } from '../../src/render/sitemap/index.ts';
import { HYBRID, ONSITE, REMOTE } from './sample-postings.ts';
import { children, childText, parseXml, parseXmlDocuments, PYTHON_PROPERTY_TIMEOUT, type XmlElement } from './python-xml.ts';

const NS = `{${SITEMAP_NAMESPACE}}`;

function entries(xml: string): Array<{ loc: string; lastmod: string | null }> {
  const root = parseXml(xml);
  expect(root.tag).toBe(`${NS}urlset`);
  return children(root, `${NS}url`).map((url: XmlElement) => ({
    loc: childText(url, `${NS}loc`),
    lastmod: children(url, `${NS}lastmod`)[0]?.text ?? null,
  }));
}

describe('toSitemap', () => {
  it('lists every URL once, sorted, with its lastmod', () => {
    const xml = toSitemap([
      { loc: 'https://jobs.example.com/jobs/b/', lastmod: '2026-11-02' },
      { loc: 'https://jobs.example.com/', lastmod: '2026-11-27' },
      { loc: 'https://jobs.example.com/jobs/a/', lastmod: '2026-11-01' },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(xml.endsWith('</urlset>\n')).toBe(true);
    expect(entries(xml)).toEqual([
      { loc: 'https://jobs.example.com/', lastmod: '2026-11-27' },
      { loc: 'https://jobs.example.com/jobs/a/', lastmod: '2026-11-01' },
      { loc: 'https://jobs.example.com/jobs/b/', lastmod: '2026-11-02' },
    ]);
  });

  it('gives the same bytes whatever the input order', () => {
    const urls = [
      { loc: 'https://x.example/c', lastmod: '2026-01-01' },
      { loc: 'https://x.example/a', lastmod: null },
      { loc: 'https://x.example/B', lastmod: '2026-01-03' },
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(urls, { minLength: urls.length }), (shuffled) => {
        expect(toSitemap(shuffled)).toBe(toSitemap(urls));
      }),
    );
  });

  it('keeps the latest lastmod of a URL listed twice', () => {
    expect(
      entries(
        toSitemap([
          { loc: 'https://x.example/a', lastmod: '2026-01-01' },
          { loc: 'https://x.example/a', lastmod: '2026-03-01' },
          { loc: 'https://x.example/a', lastmod: null },
          { loc: 'https://x.example/a', lastmod: '2026-02-01' },
        ]),
      ),
    ).toEqual([{ loc: 'https://x.example/a', lastmod: '2026-03-01' }]);
  });

  it.each([
    ['2026-11-27', '2026-11-27'],
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z'],
    ['2026-11-27T10:00+01:00', '2026-11-27T10:00+01:00'],
    ['27/11/2026', null],
    ['2026-11-27 10:00', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('writes lastmod %j as %j', (lastmod, expected) => {
    expect(entries(toSitemap([{ loc: 'https://x.example/', lastmod }]))[0]?.lastmod).toBe(expected);
  });

  it('writes URLs escaped: entities for XML, percent-encoding for the URL', () => {
    const xml = toSitemap([{ loc: 'https://x.example/jobs/café?a=1&b=<2> "q"', lastmod: null }]);
    expect(xml).toContain('<loc>https://x.example/jobs/caf%C3%A9?a=1&amp;b=%3C2%3E%20%22q%22</loc>');
    expect(entries(xml)[0]?.loc).toBe('https://x.example/jobs/caf%C3%A9?a=1&b=%3C2%3E%20%22q%22');
  });

  it.each(['/jobs/a/', 'jobs/a', 'mailto:a@example.com', 'javascript:alert(1)'])('rejects %j, which is no absolute web URL', (loc) => {
    expect(() => toSitemap([{ loc, lastmod: null }])).toThrow(TypeError);
  });

  it('is an empty but valid urlset without URLs', () => {
    expect(entries(toSitemap([]))).toEqual([]);
  });

  it('stays well-formed for any URL text', () => {
    const loc = fc.string({ unit: 'binary' }).map((path) => `https://x.example/${path}`);
    fc.assert(
      fc.property(fc.array(loc, { maxLength: 5 }), (locs) => {
        const [result] = parseXmlDocuments([toSitemap(locs.map((l) => ({ loc: l, lastmod: '2026-01-01' })))]);
        expect(result?.ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, PYTHON_PROPERTY_TIMEOUT);

  it('keeps to one file of the protocol\'s size, and past it names its parts from an index at sitemap.xml', () => {
    const urls = Array.from({ length: 7 }, (_, index) => ({ loc: `https://x.example/jobs/${index}/`, lastmod: `2026-01-0${index + 1}` }));
    const fileUrl = (path: string) => `https://x.example/${path}`;
    // Within the limit: sitemap.xml alone, the same document toSitemap makes.
    const whole = sitemapFiles(urls, fileUrl, 7);
    expect(whole.map((file) => file.path)).toEqual(['sitemap.xml']);
    expect(whole[0]!.render()).toBe(toSitemap(urls));

    const files = sitemapFiles([...urls].reverse(), fileUrl, 3);
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const index = parseXml(files[0]!.render());
    expect(index.tag).toBe(`${NS}sitemapindex`);
    expect(children(index, `${NS}sitemap`).map((part) => [childText(part, `${NS}loc`), childText(part, `${NS}lastmod`)])).toEqual([
      ['https://x.example/sitemap-1.xml', '2026-01-03'],
      ['https://x.example/sitemap-2.xml', '2026-01-06'],
      ['https://x.example/sitemap-3.xml', '2026-01-07'],
    ]);
    // Every URL once, in order, in parts of at most the limit.
    const parts = files.slice(1).map((file) => entries(file.render()));
    expect(parts.map((part) => part.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(entries(toSitemap(urls)));
    // A part's key changes exactly when its text does.
    const again = sitemapFiles(urls.map((url) => (url.loc.endsWith('/6/') ? { ...url, lastmod: '2026-02-01' } : url)), fileUrl, 3);
    expect(again.map((file) => file.key === files.find((old) => old.path === file.path)!.key)).toEqual([false, true, true, false]);
  });

  it('dates posting pages by their posting date', () => {
    expect(postingSitemapUrls([REMOTE, HYBRID, ONSITE])).toEqual([
      { loc: REMOTE.url, lastmod: '2026-11-27' },
      { loc: HYBRID.url, lastmod: '2026-11-20' },
      { loc: ONSITE.url, lastmod: '2026-11-14' },
    ]);
  });
});

describe('toRobotsTxt', () => {
  it('allows everything and names the sitemap', () => {
    expect(toRobotsTxt('https://jobs.example.com/')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://jobs.example.com/sitemap.xml\n',
    );
  });

  it('handles a site URL with a path and without the trailing slash', () => {
    expect(toRobotsTxt('https://example.com/jobs')).toContain('Sitemap: https://example.com/jobs/sitemap.xml\n');
  });

  it('cannot be made to add directives through the site URL', () => {
    const robots = toRobotsTxt('https://example.com/\nDisallow: /\r\n');
    expect(robots.split('\n').filter((line) => line.startsWith('Disallow'))).toEqual([]);
    expect(robots.split('\n')).toHaveLength(5);
  });
});
