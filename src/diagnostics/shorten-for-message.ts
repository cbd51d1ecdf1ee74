// Quotes of posting text inside diagnostic messages stay short: a message
// names the value, it does not repeat a 10,000-character one.

/** `text`, cut to `max` characters with an ellipsis when longer. */
export function shortenForMessage(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
