// Records made from a posting for rendering (feed items, page views) that
// live as long as the posting share its body rather than copy it. A large
// board keeps its bodies in a file and reads one when asked
// (src/build/memory/body-store.ts); a copy taken for every posting would put
// them all back in memory.

/** `record` with a `contentHtml` that reads `from.contentHtml` whenever it is read. */
export function shareBody<T extends object>(record: T, from: { readonly contentHtml: string }): T & { contentHtml: string } {
  return Object.defineProperty(record, 'contentHtml', {
    enumerable: true,
    configurable: true,
    get: () => from.contentHtml,
  }) as T & { contentHtml: string };
}
