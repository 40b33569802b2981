import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findVocabulary } from '../../../shared/forms/template';
import { TORTURE_DETENTION_V1 as T } from '../../../shared/forms/templates/torture-detention-v1';

describe('torture and detention template v1: HURIDOCS codes', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const fixture = readFileSync(`${root}tests/fixtures/huridocs-codes.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const known = new Set(fixture);

  it('reads a fixture of list numbers and 12-digit codes', () => {
    expect(fixture.length).toBeGreaterThan(200);
    expect(fixture.filter((line) => !/^\d+ \d{12}$/.test(line))).toEqual([]);
    expect(known.has('5 030800000000')).toBe(true); // application of electric shock
  });

  it('maps each HURIDOCS code to an existing term of the micro-thesaurus its vocabulary names', () => {
    let mapped = 0;
    for (const vocabulary of T.vocabularies) {
      const withCodes = vocabulary.terms.filter((term) => term.huridocs !== undefined);
      if (withCodes.length === 0) continue;
      const list = /HURIDOCS micro-thesaurus (\d+)/.exec(vocabulary.source ?? '')?.[1];
      expect(list, `${vocabulary.id} must name its micro-thesaurus in source`).toBeDefined();
      for (const term of withCodes) {
        expect(known.has(`${list} ${term.huridocs}`), `${vocabulary.id}.${term.code}`).toBe(true);
        mapped++;
      }
    }
    expect(mapped).toBeGreaterThan(60);
  });

  it('starts the methods vocabulary from micro-thesaurus 5 and adds Ukraine-specific terms', () => {
    const methods = findVocabulary(T, 'ill_treatment_methods');
    expect(methods?.source).toMatch(/HURIDOCS micro-thesaurus 5\b/);
    const codes = methods?.terms.map((term) => term.code) ?? [];
    for (const code of [
      'mock_execution',
      'electric_shocks',
      'forced_confession_filming',
      'filtration_abuse',
      'stress_positions',
      'dog_attacks',
      'forced_anthem',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.skipIf(!existsSync(`${root}../shared/vocabularies/huridocs-micro-thesauri.csv`))(
    'matches the team’s CSV, when it is there',
    () => {
      const csv = readFileSync(`${root}../shared/vocabularies/huridocs-micro-thesauri.csv`, 'utf8');
      // list,list_name,huri_code,… — the first three columns never hold quotes or commas.
      const fromCsv = csv
        .split('\n')
        .slice(1)
        .filter((line) => /^\d+,/.test(line))
        .map((line) => line.split(','))
        .map(([list, , code]) => `${list} ${code}`);
      expect([...known].sort()).toEqual([...new Set(fromCsv)].sort());
    },
  );
});
