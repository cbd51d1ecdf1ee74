// Splits a posting into its YAML front-matter and Markdown body. gray-matter
// finds the delimiters; the `yaml` package parses, because it keeps source
// positions (so messages point at the real line and column of a value),
// follows YAML 1.2 (dates stay text, `no` stays text) and refuses tab
// indentation and alias bombs instead of guessing.
import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Point } from 'unist';
import type { Finding } from '../diagnostics/finding.ts';
import { shortenForMessage } from '../diagnostics/shorten-for-message.ts';

// Aliases expanding past this many nodes are a bomb, not a posting.
const MAX_ALIAS_COUNT = 100;

export interface PlacedFinding {
  finding: Finding;
  place: Point;
}

export interface FrontMatter {
  /** Whether the file starts with a `---` front-matter block. */
  present: boolean;
  /** The front-matter as plain values; empty when absent or broken. */
  data: Record<string, unknown>;
  /** The Markdown after the front-matter, preceded by blank lines so that its positions are file lines. */
  body: string;
  /** Where the value at a key path starts in the file (falls back to the key, then to the block start). */
  placeOf(path: readonly (string | number)[]): Point;
  findings: PlacedFinding[];
}

export function parseFrontMatter(text: string): FrontMatter {
  let yamlSource: string | null = null;
  let body = text;
  try {
    // Options on every call: gray-matter caches results by content otherwise.
    const result = matter(text, {
      engines: {
        yaml: {
          parse: (source: string) => {
            yamlSource = source;
            return {};
          },
        },
      },
    });
    if (text.length !== result.content.length || (result as { isEmpty?: boolean }).isEmpty === true) {
      const head = text.slice(0, text.length - result.content.length);
      body = '\n'.repeat(countLines(head)) + result.content;
      yamlSource ??= '';
    }
  } catch {
    // gray-matter only throws from the engine, which never throws here.
  }
  const start: Point = { line: 1, column: 1 };
  if (yamlSource === null) {
    return { present: false, data: {}, body, placeOf: () => start, findings: [] };
  }
  return { present: true, body, ...parseYaml(yamlSource) };
}

function parseYaml(source: string): Pick<FrontMatter, 'data' | 'placeOf' | 'findings'> {
  // gray-matter hands over the text right after the opening `---`, so line N
  // of the source is line N of the file.
  const lineCounter = new LineCounter();
  const findings: PlacedFinding[] = [];
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, offset };
  };
  const fallback: Point = { line: 1, column: 1 };
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below: yaml's own check compares every key with every other (minutes for a 1 MiB file).
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    return { data: {}, placeOf: () => fallback, findings: [{ finding: yamlFailure(error), place: fallback }] };
  }
  for (const error of doc.errors) {
    // The yaml parser reports its own stack overflow on deep nesting as a syntax error; it is not one.
    if (/call stack/i.test(error.message)) {
      findings.splice(0, findings.length, { finding: yamlFailure(new RangeError(error.message)), place: fallback });
      break;
    }
    findings.push({
      finding: { rule: 'yaml-syntax', reason: `${firstLine(error.message)}; fix the YAML (indent with spaces, quote values that contain \`: \` or start with a special character).` },
      place: pointAt(error.code === 'MISSING_CHAR' ? startOfUnclosedQuote(source, error.pos[0]) : error.pos[0]),
    });
  }
  if (findings.length === 0) {
    for (const key of duplicateKeys(doc.contents)) {
      findings.push({
        finding: { rule: 'yaml-syntax', reason: `The key \`${shortenForMessage(String(scalarValue(key)))}\` appears twice in one mapping; keep only one of them.` },
        place: key.range ? pointAt(key.range[0]) : fallback,
      });
    }
  }

  // Top-level keys are indexed once: a front-matter of many thousands of keys
  // must not cost a scan of all of them for every message placed.
  let topLevel: Map<string, Pair> | null = null;
  const pairOf = (map: YAMLMap, key: string | number, index: boolean): Pair | undefined => {
    if (!index) return map.items.find((item) => String(scalarValue(item.key)) === String(key));
    if (topLevel === null) {
      topLevel = new Map();
      for (const item of map.items) {
        const name = String(scalarValue(item.key));
        if (!topLevel.has(name)) topLevel.set(name, item);
      }
    }
    return topLevel.get(String(key));
  };
  /** The start of the deepest value on `path` that exists, else of its key, else the block start. */
  const placeOf = (path: readonly (string | number)[]): Point => {
    let place = fallback;
    let node: unknown = doc.contents;
    for (const [depth, key] of path.entries()) {
      if (isMap(node)) {
        const pair = pairOf(node, key, depth === 0);
        if (!pair) break;
        if (isNode(pair.key) && pair.key.range) place = pointAt(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
      } else {
        break;
      }
      if (isNode(node) && node.range) place = pointAt(node.range[0]);
      else if (!isNode(node)) break;
    }
    return place;
  };
  if (findings.length > 0) return { data: {}, placeOf, findings };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { data: {}, placeOf, findings: [{ finding: yamlFailure(error), place: fallback }] };
  }
  if (data === null || data === undefined) return { data: {}, placeOf, findings };
  if (typeof data !== 'object' || Array.isArray(data)) {
    const place = isNode(doc.contents) && doc.contents.range ? pointAt(doc.contents.range[0]) : fallback;
    return { data: {}, placeOf, findings: [{ finding: { rule: 'yaml-not-mapping', reason: 'The front-matter must be `key: value` lines (a mapping), not a single value or a list.' }, place }] };
  }
  return { data: data as Record<string, unknown>, placeOf, findings };
}

/** Keys that repeat an earlier key of the same mapping (as yaml's `uniqueKeys` would report), in any mapping, in linear time. */
function duplicateKeys(root: unknown): Scalar[] {
  const repeated: Scalar[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const identity = `${typeof pair.key.value}:${String(pair.key.value)}`;
          if (seen.has(identity)) repeated.push(pair.key);
          seen.add(identity);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return repeated.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}


function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function yamlFailure(error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message)) {
    return { rule: 'yaml-too-complex', reason: 'The front-matter expands too many YAML aliases (`*name`); write the values out instead.' };
  }
  if (error instanceof RangeError) {
    return { rule: 'yaml-too-complex', reason: 'The front-matter nests too deeply to be read; flatten it.' };
  }
  return { rule: 'yaml-syntax', reason: `${firstLine(message)}; fix the YAML.` };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '');
}

// yaml reports an unterminated quote where the file ends; the editor needs the
// line where the quoted value starts.
function startOfUnclosedQuote(source: string, errorOffset: number): number {
  let lineStart = 0;
  for (const line of source.slice(0, errorOffset).split('\n')) {
    const match = /^(\s*(?:- +)?[^\s#:][^:]*:\s+)(["'])/.exec(line);
    if (match) {
      const quote = match[2]!;
      const rest = line.slice(match[1]!.length + 1);
      const closed = quote === '"' ? /(?<!\\)"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
      if (!closed) return lineStart + match[1]!.length;
    }
    lineStart += line.length + 1;
  }
  return errorOffset;
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
