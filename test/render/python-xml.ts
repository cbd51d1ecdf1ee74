// Test helper: strict XML parsing and feed validation by Python, which is on
// every machine this project builds on. Its `xml.etree` runs expat, a
// conforming non-validating parser that rejects any malformed document
// (unlike xmlbuilder2's reader, which repairs it). Documents travel as JSON so
// that a lone surrogate left in our output reaches Python as one and fails.
import { execFileSync } from 'node:child_process';

export interface XmlElement {
  /** `{namespace}local` for namespaced elements, as ElementTree writes it. */
  tag: string;
  attrib: Record<string, string>;
  /** Text before the first child (all of it for a leaf). */
  text: string;
  children: XmlElement[];
}

export type XmlParse = { ok: true; root: XmlElement } | { ok: false; error: string };

const PYTHONS = ['python3', '/usr/bin/python3'];

/** Property tests start a Python per run; give slow CI machines room. */
export const PYTHON_PROPERTY_TIMEOUT = 120_000;

const PARSE_XML = `
import json, sys
import xml.etree.ElementTree as ET
def tree(e):
    return {"tag": e.tag, "attrib": dict(e.attrib), "text": e.text or "", "children": [tree(c) for c in e]}
out = []
for doc in json.load(sys.stdin):
    try:
        out.append({"ok": True, "root": tree(ET.fromstring(doc.encode("utf-8")))})
    except Exception as err:
        out.append({"ok": False, "error": type(err).__name__ + ": " + str(err)})
json.dump(out, sys.stdout)
`;

function runPython(python: string, script: string, input: unknown): unknown {
  const output = execFileSync(python, ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(output);
}

let xmlPython: string | undefined;

/** Parses each document strictly; one result per document, in order. */
export function parseXmlDocuments(documents: readonly string[]): XmlParse[] {
  xmlPython ??= pythonWith('xml.etree.ElementTree');
  if (xmlPython === undefined) throw new Error('python3 is needed to check XML output.');
  return runPython(xmlPython, PARSE_XML, documents) as XmlParse[];
}

/** The root element of a document that must be well-formed. */
export function parseXml(document: string): XmlElement {
  const [result] = parseXmlDocuments([document]);
  if (!result?.ok) throw new Error(`Malformed XML: ${result?.error ?? 'no result'}`);
  return result.root;
}

/**
 * The interpreter binary of the first Python that can import `module`. The
 * resolved path skips wrapper scripts (pyenv shims cost half a second a call).
 */
function pythonWith(module: string): string | undefined {
  for (const python of PYTHONS) {
    try {
      const executable = execFileSync(python, ['-c', `import ${module}, sys; print(sys.executable)`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      return executable === '' ? python : executable;
    } catch {
      // Not installed here, or without the module: try the next one.
    }
  }
  return undefined;
}

/** A Python that has feedparser (Debian `python3-feedparser`), or undefined. */
export const feedparserPython: string | undefined = pythonWith('feedparser');

export interface ParsedFeed {
  bozo: number;
  bozoException: string;
  version: string;
  feed: { title: string | null; link: string | null; language: string | null; updated: string | null };
  entries: Array<{
    title: string | null;
    link: string | null;
    id: string | null;
    published: string | null;
    publishedParsed: number[] | null;
    author: string | null;
    tags: string[];
    summary: string | null;
  }>;
}

const PARSE_FEED = `
import json, sys, feedparser
def entry(e):
    p = e.get("published_parsed")
    return {"title": e.get("title"), "link": e.get("link"), "id": e.get("id"), "published": e.get("published"),
            "publishedParsed": list(p[:6]) if p else None, "author": e.get("author"),
            "tags": [t.get("term") for t in e.get("tags", [])], "summary": e.get("summary")}
out = []
for doc in json.load(sys.stdin):
    d = feedparser.parse(doc.encode("utf-8"))
    out.append({"bozo": int(d.bozo), "bozoException": str(d.get("bozo_exception", "")), "version": d.version,
                "feed": {"title": d.feed.get("title"), "link": d.feed.get("link"), "language": d.feed.get("language"),
                         "updated": d.feed.get("updated")},
                "entries": [entry(e) for e in d.entries]})
json.dump(out, sys.stdout)
`;

/** Runs feedparser on each document; call only when `feedparserPython` is set. */
export function parseFeeds(documents: readonly string[]): ParsedFeed[] {
  if (feedparserPython === undefined) throw new Error('feedparser is not installed.');
  return runPython(feedparserPython, PARSE_FEED, documents) as ParsedFeed[];
}

// Small queries over parsed trees.

export function children(element: XmlElement, tag: string): XmlElement[] {
  return element.children.filter((child) => child.tag === tag);
}

export function child(element: XmlElement, tag: string): XmlElement {
  const found = children(element, tag)[0];
  if (!found) throw new Error(`<${element.tag}> has no <${tag}>`);
  return found;
}

export function childText(element: XmlElement, tag: string): string {
  return child(element, tag).text;
}
