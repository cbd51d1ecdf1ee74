// GFM for one Markdown text: what remark-gfm adds to the parser (the same
// micromark and mdast extensions), less the autolink-literal constructs the
// text cannot use. micromark tries the e-mail literal at every ASCII letter
// and digit of a paragraph, and the `www.` and `http://` ones at every `w`
// and `h`; each try ends the run of plain text there, and the many short
// runs cost far more than the tries (measured: a quarter to a third of the
// parse of a posting body without an e-mail address; 18 % over bodies with
// and without). A literal of each kind cannot exist without a few characters
// of its own, so a construct whose characters the text lacks can never
// match, and the tree comes out the same without it
// (test/parse/remark-gfm-for-text.test.ts holds it to remark-gfm's).
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Processor } from 'unified';

type Extension = ReturnType<typeof gfm>;
type Construct = Exclude<NonNullable<NonNullable<Extension['text']>[number]>, unknown[]>;

export interface AutolinkKinds {
  /** `user@example.com`: an address character right before an `@`. */
  email: boolean;
  /** `www.example.com`. */
  www: boolean;
  /** `https://example.com`. */
  protocol: boolean;
}

/** Which autolink literals `markdown` could hold: each needs its characters (any case, as micromark reads them). */
export function autolinkKindsIn(markdown: string): AutolinkKinds {
  return {
    email: /[\w.+-]@/.test(markdown),
    www: /www\./i.test(markdown),
    protocol: /https?:\/\//i.test(markdown),
  };
}

const CONSTRUCT_OF_KIND: Readonly<Record<keyof AutolinkKinds, string>> = { email: 'emailAutolink', www: 'wwwAutolink', protocol: 'protocolAutolink' };

/** The GFM syntax extension without the constructs of the kinds left out. */
export function gfmSyntaxFor(kinds: AutolinkKinds): Extension {
  const left = new Set((Object.keys(CONSTRUCT_OF_KIND) as (keyof AutolinkKinds)[]).filter((kind) => !kinds[kind]).map((kind) => CONSTRUCT_OF_KIND[kind]));
  const whole = gfm();
  if (left.size === 0) return whole;
  const text: NonNullable<Extension['text']> = {};
  for (const [code, constructs] of Object.entries(whole.text ?? {})) {
    const kept = ([] as Construct[]).concat(constructs ?? []).filter((construct) => !left.has(construct.name ?? ''));
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return { ...whole, text };
}

/** A unified plugin: remark-gfm's parsing, for a text that holds only the autolink literals of `kinds`. */
export function remarkGfmForText(this: Processor, kinds: AutolinkKinds): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmSyntaxFor(kinds));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}
