/**
 * Checks run on every screen a test visits: axe-core finds no serious or critical accessibility
 * violation, and no message key of the catalogue shows instead of its text. Failures are soft,
 * so one run lists every screen that fails; the test still fails at its end.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { catalogues } from '../../../shared/i18n';

/** Every key path of a catalogue: 'interview.sections', 'field.group.add', … */
export function catalogueKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? catalogueKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const KEYS = catalogueKeys(catalogues.en);
/** A key path of any namespace of the catalogue, as i18next shows a missing key. */
const KEY_PATTERN = new RegExp(
  `\\b(?:${Object.keys(catalogues.en).join('|')})\\.[a-zA-Z_]+(?:\\.[a-zA-Z_]+)*`,
  'g',
);
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface ScreenFinding {
  readonly screen: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

export interface ScreenChecker {
  /** Checks what is on screen now; `screen` names it in failures. */
  check(screen: string): Promise<void>;
  /** Every screen checked so far, in order. */
  readonly screens: string[];
  /** Violations below "serious", and what axe could not decide (`needs review`). */
  readonly lesser: ScreenFinding[];
}

export function screenChecker(page: Page, testInfo: TestInfo): ScreenChecker {
  const screens: string[] = [];
  const lesser: ScreenFinding[] = [];
  return {
    screens,
    lesser,
    async check(screen) {
      screens.push(screen);
      // What is shown, and what is said for it: labels, titles and placeholders.
      const text = await page.evaluate(() =>
        [
          document.body.innerText,
          ...Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')).flatMap(
            (e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
          ),
        ].join('\n'),
      );
      const rawKeys = KEYS.filter((key) => text.includes(key));
      const keyLike = [...text.matchAll(KEY_PATTERN)].map((match) => match[0]);
      expect.soft(rawKeys, `raw message keys on screen "${screen}"`).toEqual([]);
      expect.soft(keyLike, `key-like text on screen "${screen}"`).toEqual([]);

      const result = await new AxeBuilder({ page })
        .options({ resultTypes: ['violations'] })
        .analyze();
      const findings = result.violations.flatMap((violation) =>
        violation.nodes.map((node) => ({
          screen,
          rule: violation.id,
          impact: node.impact ?? violation.impact ?? 'unknown',
          targets: node.target.map((t) => JSON.stringify(t)),
        })),
      );
      const failing = findings.filter((f) => FAILING_IMPACTS.has(f.impact));
      lesser.push(
        ...findings.filter((f) => !FAILING_IMPACTS.has(f.impact)),
        ...result.incomplete.map((review) => ({
          screen,
          rule: review.id,
          impact: `needs review (${review.impact ?? 'unknown'})`,
          targets: review.nodes.map((node) => JSON.stringify(node.target)),
        })),
      );
      expect
        .soft(
          failing.map((f) => `${f.impact} ${f.rule}: ${f.targets.join(', ')}`),
          `serious or critical axe violations on screen "${screen}"`,
        )
        .toEqual([]);
      if (failing.length > 0) {
        await page.screenshot({
          path: testInfo.outputPath(`axe-${screen.replace(/[^\w-]+/g, '_')}.png`),
          fullPage: true,
        });
      }
    },
  };
}
