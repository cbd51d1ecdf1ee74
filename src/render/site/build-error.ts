// The one error a site build throws: what went wrong, in a sentence a board
// editor can act on, with the underlying error kept as `cause`.
export class BuildError extends Error {
  override name = 'BuildError';
}

/** The messages of an error and its causes (Eleventy nests them several deep), duplicates removed. */
export function describeErrorChain(error: unknown): string {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && messages.length < 8) {
    seen.add(current);
    const message = current instanceof Error ? current.message : String(current);
    for (const line of message.split('\n').map((text) => text.trim()).filter(Boolean)) {
      if (!messages.some((known) => known.includes(line))) messages.push(line);
    }
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return messages.join(' → ') || 'unknown error';
}
