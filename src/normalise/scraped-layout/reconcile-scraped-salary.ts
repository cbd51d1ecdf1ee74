// A scraped posting can state its salary twice: a board's header badge and the
// company's own words in the body. They often disagree (boards mangle ranges;
// the seed's header `245000.0` is 95,000 + 150,000). The body's range wins and
// the disagreement is reported, naming a sum when it is one.
import type { Point } from 'unist';
import type { Finding, Normalised } from '../../diagnostics/finding.ts';
import type { Salary } from '../../posting.ts';
import type { PlacedValue } from './read-scraped-layout.ts';

export interface ScrapedSalary {
  header?: PlacedValue;
  body: PlacedValue[];
}

export interface ReconciledSalary {
  value: Salary | null;
  findings: { finding: Finding; place: Point | undefined }[];
}

export function reconcileScrapedSalary(scraped: ScrapedSalary, parse: (text: string) => Normalised<Salary | null>): ReconciledSalary {
  const stated = scraped.body
    .map((badge) => ({ badge, result: parse(badge.value) }))
    .filter((candidate): candidate is { badge: PlacedValue; result: Normalised<Salary> } => candidate.result.value !== null);
  // A range says more than a single figure.
  const body = stated.find((candidate) => candidate.result.value.min < candidate.result.value.max) ?? stated[0];
  const header = scraped.header;

  if (!body) {
    if (!header) return { value: null, findings: [] };
    const result = parse(header.value);
    return { value: result.value, findings: result.findings.map((finding) => ({ finding, place: header.place })) };
  }

  const salary = body.result.value;
  const findings: ReconciledSalary['findings'] = body.result.findings.map((finding) => ({ finding, place: body.badge.place }));
  if (header) {
    const figure = headerFigure(header.value, parse);
    const range = `${format(salary.min)}–${format(salary.max)} ${salary.currency}`;
    if (figure !== null && salary.min < salary.max && Math.abs(figure - (salary.min + salary.max)) < 1) {
      findings.push({
        place: header.place,
        finding: { rule: 'salary-header-mismatch', reason: `The header salary ${format(figure)} is the sum of the body's range (${format(salary.min)} + ${format(salary.max)}), not a salary; using the body's ${range}. Correct or remove the header figure.` },
      });
    } else if (figure === null || figure < salary.min || figure > salary.max) {
      findings.push({
        place: header.place,
        finding: { rule: 'salary-header-mismatch', reason: `The header salary \`${header.value}\` disagrees with the body's ${range}; using the body's range. Correct the header figure.` },
      });
    }
  }
  return { value: salary, findings };
}

// Boards write bare figures (`245000.0`); anything else goes through the salary parser.
function headerFigure(text: string, parse: (text: string) => Normalised<Salary | null>): number | null {
  const bare = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : null;
  if (bare !== null) return bare;
  const parsed = parse(text).value;
  return parsed ? parsed.max : null;
}

function format(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
