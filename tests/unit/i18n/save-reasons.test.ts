/**
 * A refused save reads "Not saved: {{reason}}", the reason being the error's own message. A
 * reason that said "Not saved" itself would read it twice. The e2e test once showed this on
 * screen with a saved withdrawal's changed scope; the form no longer lets that scope change, so
 * the messages are checked here, WITHDRAWAL_PERMANENT by name and every other code with it.
 */
import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES } from '../../../shared/errors';
import { catalogues } from '../../../shared/i18n';

/** The words a save status puts before the reason, e.g. "Not saved:". */
function prefixes(lang: 'en' | 'uk'): string[] {
  const { failed, failedFinal } = catalogues[lang].save;
  return [failed, failedFinal].map((text) => text.split('{{reason}}')[0]!.trim());
}

/** "Not saved:" → "not saved": the words, whatever the punctuation and case around them. */
const words = (text: string) => text.replace(/[:：]\s*$/, '').toLocaleLowerCase();

describe('the reason of a refused save', () => {
  for (const lang of ['en', 'uk'] as const) {
    const errors = catalogues[lang].errors as Record<string, string>;
    const said = prefixes(lang).map(words);

    it(`does not repeat "not saved" in WITHDRAWAL_PERMANENT (${lang})`, () => {
      expect(said.every((p) => p.length > 0)).toBe(true);
      const reason = errors['WITHDRAWAL_PERMANENT']!.toLocaleLowerCase();
      for (const p of said) expect(reason).not.toContain(p);
    });

    it(`does not repeat "not saved" in any error message (${lang})`, () => {
      const twice = ALL_ERROR_CODES.filter((code) =>
        said.some((p) => (errors[code] ?? '').toLocaleLowerCase().includes(p)),
      );
      expect(twice).toEqual([]);
    });
  }
});
