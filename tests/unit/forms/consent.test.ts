import { describe, expect, it } from 'vitest';
import { checkSectionAnswers } from '../../../shared/forms/answers';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { CONSENT_SCOPES, consentStatus } from '../../../shared/forms/consent';
import { findSection } from '../../../shared/forms/template';
import type { Section } from '../../../shared/forms/template';
import { TORTURE_DETENTION_V1 as T } from '../../../shared/forms/templates/torture-detention-v1';

const answered = (value: unknown) => ({ state: 'answered', value });
let counter = 0;
const uuid = () => `6f1c0b1e-2a7d-4c59-9e43-${String(++counter).padStart(12, '0')}`;

interface Grant {
  scope: string;
  decision?: string;
  date?: string | null;
  method?: string | null;
}
const grant = ({
  scope,
  decision = 'granted',
  date = '2025-03-01',
  method = 'written',
}: Grant) => ({
  id: uuid(),
  answers: {
    scope: answered(scope),
    decision: answered(decision),
    ...(date === null ? {} : { date: answered(date) }),
    ...(method === null ? {} : { method: answered(method) }),
  },
});
const withdrawal = (scope: string, date = '2025-04-01') => ({
  id: uuid(),
  answers: { scope: answered(scope), date: answered(date), recipients_told: answered('yes') },
});
const sectionB = (grants: unknown[], withdrawals: unknown[] = []) =>
  ({
    scopes: answered({ items: grants }),
    ...(withdrawals.length ? { withdrawals: answered({ items: withdrawals }) } : {}),
  }) as SectionAnswers;

const BOTH = [grant({ scope: 'interview' }), grant({ scope: 'store_identifying' })];

describe('consentStatus: what may be stored', () => {
  it('allows storing once the interview and identifying data are both consented to', () => {
    const status = consentStatus(sectionB(BOTH));
    expect(status.canStore).toBe(true);
    expect(status.granted).toEqual(['interview', 'store_identifying']);
    expect(status.withdrawn).toEqual([]);
  });

  it('does not allow it with only one of the two', () => {
    expect(consentStatus(sectionB([grant({ scope: 'interview' })])).canStore).toBe(false);
    expect(consentStatus(sectionB([grant({ scope: 'store_identifying' })])).canStore).toBe(false);
    // Other scopes do not stand in for either.
    const others = [grant({ scope: 'interview' }), grant({ scope: 'share_icc_otp' })];
    expect(consentStatus(sectionB(others)).canStore).toBe(false);
  });

  it('does not count a refusal as consent', () => {
    const status = consentStatus(
      sectionB([
        grant({ scope: 'interview' }),
        grant({ scope: 'store_identifying', decision: 'refused' }),
      ]),
    );
    expect(status.canStore).toBe(false);
    expect(status.granted).toEqual(['interview']);
  });

  it('does not count a consent without a date or without a method', () => {
    const noDate = [
      grant({ scope: 'interview' }),
      grant({ scope: 'store_identifying', date: null }),
    ];
    expect(consentStatus(sectionB(noDate)).canStore).toBe(false);
    const noMethod = [
      grant({ scope: 'interview', method: null }),
      grant({ scope: 'store_identifying' }),
    ];
    expect(consentStatus(sectionB(noMethod)).canStore).toBe(false);
    expect(consentStatus(sectionB(noMethod)).granted).toEqual(['store_identifying']);
  });

  it('does not count a date or method that was declined or unknown', () => {
    const item = grant({ scope: 'interview' });
    const unknownDate = { ...item, answers: { ...item.answers, date: { state: 'unknown' } } };
    const status = consentStatus(sectionB([unknownDate, grant({ scope: 'store_identifying' })]));
    expect(status.canStore).toBe(false);
  });

  it('ignores scopes it does not know', () => {
    const status = consentStatus(sectionB([...BOTH, grant({ scope: 'sell_to_press' })]));
    expect(status.granted).toEqual(['interview', 'store_identifying']);
  });

  it('lists granted scopes in the order of CONSENT_SCOPES, once each', () => {
    const status = consentStatus(
      sectionB([
        grant({ scope: 'recontact' }),
        grant({ scope: 'interview' }),
        grant({ scope: 'recontact', method: 'verbal_witnessed' }),
        grant({ scope: 'audio', method: 'verbal_recorded' }),
      ]),
    );
    expect(status.granted).toEqual(['interview', 'audio', 'recontact']);
  });
});

describe('consentStatus: withdrawals', () => {
  it('removes a withdrawn scope, however often it was granted', () => {
    const grants = [...BOTH, grant({ scope: 'share_ngo' }), grant({ scope: 'share_ngo' })];
    const status = consentStatus(sectionB(grants, [withdrawal('share_ngo')]));
    expect(status.granted).toEqual(['interview', 'store_identifying']);
    expect(status.withdrawn).toEqual(['share_ngo']);
    expect(status.canStore).toBe(true);
  });

  it('stops storage when the interview or identifying data is withdrawn', () => {
    expect(consentStatus(sectionB(BOTH, [withdrawal('interview')])).canStore).toBe(false);
    const status = consentStatus(sectionB(BOTH, [withdrawal('store_identifying')]));
    expect(status.canStore).toBe(false);
    expect(status.granted).toEqual(['interview']);
    expect(status.withdrawn).toEqual(['store_identifying']);
  });

  it('records a withdrawal of a scope never granted, and ignores unknown scopes', () => {
    const status = consentStatus(sectionB(BOTH, [withdrawal('video'), withdrawal('everything')]));
    expect(status.withdrawn).toEqual(['video']);
    expect(status.canStore).toBe(true);
  });
});

describe('consentStatus: garbage in', () => {
  it.each([
    ['nothing', undefined],
    ['an empty section', {}],
    ['scopes not asked', { withdrawals: answered({ items: [] }) }],
    ['scopes declined', { scopes: { state: 'declined' } }],
    ['scopes as text', { scopes: answered('all of them') }],
    ['scopes as a list', { scopes: answered(['interview']) }],
    ['items not a list', { scopes: answered({ items: 'interview' }) }],
    ['an item with no answers', { scopes: answered({ items: [{ id: 'x', answers: {} }] }) }],
    [
      'a scope given as a list',
      { scopes: answered({ items: [{ id: 'x', answers: { scope: answered(['interview']) } }] }) },
    ],
    ['null value', { scopes: { state: 'answered', value: null } }],
  ])('does not throw on %s, and allows nothing', (_name, answers) => {
    const status = consentStatus(answers as SectionAnswers | undefined);
    expect(status).toEqual({ granted: [], withdrawn: [], canStore: false });
  });
});

describe('consent answers fit section B of the template', () => {
  const b = findSection(T, 'B') as Section;

  it('accepts every consent scope, decision and method as the template’s vocabulary', () => {
    const grants = CONSENT_SCOPES.map((scope, i) =>
      grant({
        scope,
        decision: i % 2 ? 'refused' : 'granted',
        method: ['written', 'verbal_recorded', 'verbal_witnessed'][i % 3] ?? 'written',
      }),
    );
    const answers = sectionB(grants, [withdrawal('public_use')]);
    expect(checkSectionAnswers(T, b, answers, new Date('2026-01-01'))).toEqual([]);
  });

  it('refuses a consent method the template does not know', () => {
    const item = grant({ scope: 'interview', method: 'implied' });
    expect(checkSectionAnswers(T, b, sectionB([item]), new Date('2026-01-01'))).toEqual([
      { path: `scopes.${item.id}.method`, problem: 'unknown_term' },
    ]);
  });
});
