// Date formats of the feed standards, from the `YYYY-MM-DD` dates of the
// posting record. Postings carry days, not instants, so every time is
// midnight UTC: the same input always gives the same bytes.

// RFC 822 names are fixed English tokens, not localised text.
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

function readDay(isoDate: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // setUTCFullYear, unlike Date.UTC, does not move years 0–99 into the 1900s.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return { year, month, day, weekday: date.getUTCDay() };
    }
  }
  // The pipeline only hands over valid dates; anything else is a programming error upstream.
  throw new RangeError(`Expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(isoDate)}.`);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** RFC 822 date as RSS 2.0 wants it, with a four-digit year: `Fri, 27 Nov 2026 00:00:00 GMT`. */
export function rfc822Date(isoDate: string): string {
  const { year, month, day, weekday } = readDay(isoDate);
  return `${WEEKDAYS[weekday]}, ${pad(day)} ${MONTHS[month - 1]} ${pad(year, 4)} 00:00:00 GMT`;
}

/** RFC 3339 timestamp for Atom and JSON Feed: `2026-11-27T00:00:00Z`. */
export function rfc3339Date(isoDate: string): string {
  const { year, month, day } = readDay(isoDate);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T00:00:00Z`;
}

/** The latest of `YYYY-MM-DD` dates (string order is date order), or `fallback` when there are none. */
export function newestDate(dates: readonly string[], fallback: string): string {
  return dates.reduce<string | null>((newest, date) => (newest === null || date > newest ? date : newest), null) ?? fallback;
}
