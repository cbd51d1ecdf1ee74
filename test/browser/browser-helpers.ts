// What the browser tests ask of a page, as a reader would see it: which
// postings are listed, what has keyboard focus and whether it shows, and
// what axe-core finds. Code passed to the browser is typed loosely on
// purpose: the project's type-check knows Node, not the DOM.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Ids of the cards the reader sees on the home page, top to bottom. */
export function visibleIds(page: Page): Promise<string[]> {
  return page
    .locator('#search-results .job-list > li')
    .evaluateAll((items: any[]) => items.filter((item) => !item.hidden && item.offsetParent !== null).map((item) => String(item.dataset.id)));
}

export interface FocusedElement {
  id: string;
  tag: string;
  className: string;
  text: string;
  /** An outline or a box shadow is drawn around it. */
  visibleFocus: boolean;
  /** It matches `:focus-visible`, as keyboard focus should. */
  focusVisible: boolean;
}

/** The element that has focus now, and whether its focus can be seen. */
export function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    const element = (globalThis as any).document.activeElement;
    if (!element || element.tagName === 'BODY') return null;
    const style = (globalThis as any).getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      id: String(element.id ?? ''),
      tag: String(element.tagName).toLowerCase(),
      className: String(element.className ?? ''),
      text: String(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      visibleFocus: outline || shadow,
      focusVisible: Boolean(element.matches(':focus-visible')),
    };
  });
}

/** Presses Tab until `wanted` has focus or `limit` presses are used; returns every element focused on the way. */
export async function tabUntil(page: Page, wanted: (element: FocusedElement) => boolean, limit = 60): Promise<FocusedElement[]> {
  const seen: FocusedElement[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const element = await focusedElement(page);
    if (element === null) continue;
    seen.push(element);
    if (wanted(element)) break;
  }
  return seen;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return (result.violations as any[]).map((violation) => ({
      id: String(violation.id),
      impact: violation.impact ?? null,
      help: String(violation.help),
      targets: (violation.nodes as any[]).map((node) => String(node.target)),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
