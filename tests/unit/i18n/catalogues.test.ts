import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n';
import { ALL_ERROR_CODES } from '../../../shared/errors';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('UI message catalogues', () => {
  it('have the same keys in Ukrainian and English', () => {
    expect(keys(catalogues.uk).sort()).toEqual(keys(catalogues.en).sort());
  });

  it('translate every error code that can cross the boundary', () => {
    for (const lang of ['uk', 'en'] as const) {
      const errors = catalogues[lang].errors as Record<string, string>;
      const missing = ALL_ERROR_CODES.filter((code) => !errors[code]?.trim());
      expect(missing, lang).toEqual([]);
    }
  });

  it('have no empty message and keep interpolation placeholders in both languages', () => {
    const en = new Map(keys(catalogues.en).map((k) => [k, lookup(catalogues.en, k)]));
    for (const key of keys(catalogues.uk)) {
      const uk = lookup(catalogues.uk, key);
      expect(uk.trim(), key).not.toBe('');
      expect(placeholders(uk), key).toEqual(placeholders(en.get(key) ?? ''));
    }
  });
});

function lookup(obj: unknown, key: string): string {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}
