// Quotes of posting text inside diagnostic messages stay short and on one
// line: a message names the value, it does not repeat a 10,000-character one,
// and a value written as a YAML block must not break the report's lines.

const LINE_BREAKS = /\s*[\r\n\u2028\u2029]+\s*/g;

/** `text` on one line, cut to `max` characters with an ellipsis when longer. */
export function shortenForMessage(text: string, max = 40): string {
  const line = text.replace(LINE_BREAKS, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
