import { describe, expect, it } from 'vitest';
import { sectionAnswersSchema } from '../../../shared/forms/answers';
import { RECIPIENT_CLASSES } from '../../../shared/forms/consent';
import {
  BUILTIN_PROFILES,
  FULL_PROFILE,
  REDACTED_PROFILE,
  canonicalFieldPath,
  findBuiltinProfile,
  formatFieldPath,
  keepsEverything,
  parseFieldPath,
  redactionProfileSchema,
  redactionSchema,
} from '../../../shared/redaction';
import { bundledSectionAnswersSchema } from '../../../shared/testimony-json';
import { IDS } from './documents';

const ID = '66666666-6666-4666-8666-666666666666';

describe('field paths', () => {
  it('parses and formats every form, round trip', () => {
    const cases = [
      ['narrative', { kind: 'narrative' }],
      ['C.name_uk', { kind: 'field', sectionId: 'C', fieldId: 'name_uk' }],
      [
        `E.captured_with[${IDS.item1}].who`,
        {
          kind: 'item',
          sectionId: 'E',
          groupId: 'captured_with',
          itemId: IDS.item1,
          fieldId: 'who',
        },
      ],
      ['SV.account', { kind: 'field', sectionId: 'SV', fieldId: 'account' }],
      ['events[12].reason', { kind: 'event', seq: 12 }],
    ] as const;
    for (const [text, parsed] of cases) {
      expect(parseFieldPath(text)).toEqual(parsed);
      expect(formatFieldPath(parsed)).toBe(text);
    }
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'Narrative',
      'C',
      'c.name',
      'C.Name',
      'C.name.',
      'C.group[1].field',
      `C.group[${IDS.item1}]`,
      `C.group[${IDS.item1}].x.y`,
      'events[0].reason',
      'events[1]',
      'ABC.field',
      'C.name_uk ',
    ]) {
      expect(parseFieldPath(bad), bad).toBeUndefined();
    }
  });

  it('spells an item id one way, so a path in capitals names the same item', () => {
    const upper = `E.captured_with[${IDS.item1.toUpperCase()}].who`;
    expect(canonicalFieldPath(upper)).toBe(`E.captured_with[${IDS.item1}].who`);
  });
});

describe('redaction schemas', () => {
  const base = { id: ID, category: 'name' };
  it('accepts each kind', () => {
    for (const r of [
      { ...base, kind: 'span', field: 'narrative', revision: 3, start: 0, end: 4, reason: 'ім’я' },
      { ...base, kind: 'field', field: 'C.name_uk' },
      { ...base, kind: 'entity', text: 'Марʼяна' },
      { ...base, kind: 'attachment', attachmentId: IDS.photo, action: 'exclude' },
      {
        ...base,
        kind: 'attachment',
        attachmentId: IDS.photo,
        action: 'blackout',
        regions: [{ x: 0, y: 0, w: 10, h: 10 }],
      },
    ]) {
      expect(redactionSchema.safeParse(r).success, JSON.stringify(r)).toBe(true);
    }
  });

  it('refuses malformed ones', () => {
    const bad = [
      { ...base, kind: 'span', field: 'narrative', revision: 3, start: 4, end: 4 },
      { ...base, kind: 'span', field: 'narrative', revision: -1, start: 0, end: 4 },
      { ...base, kind: 'span', field: 'nowhere', revision: 1, start: 0, end: 4 },
      { ...base, kind: 'field', field: 'C' },
      { ...base, kind: 'entity', text: '' },
      { ...base, kind: 'entity', text: '   \n' },
      { ...base, kind: 'entity', text: '\u200B' },
      { ...base, kind: 'entity', text: 'x'.repeat(501) },
      { ...base, kind: 'entity', text: 'a\uD800b' },
      { ...base, kind: 'entity', text: 'ok', reason: 'x'.repeat(501) },
      { ...base, category: 'secret', kind: 'entity', text: 'ok' },
      { ...base, id: 'not-a-uuid', kind: 'entity', text: 'ok' },
      { ...base, kind: 'attachment', attachmentId: IDS.photo, action: 'blackout', regions: [] },
      {
        ...base,
        kind: 'attachment',
        attachmentId: IDS.photo,
        action: 'blackout',
        regions: [{ x: 0.5, y: 0, w: 10, h: 10 }],
      },
      {
        ...base,
        kind: 'attachment',
        attachmentId: IDS.photo,
        action: 'blackout',
        regions: [{ x: 0, y: 0, w: 0, h: 10 }],
      },
      {
        ...base,
        kind: 'attachment',
        attachmentId: IDS.photo,
        action: 'blackout',
        regions: Array.from({ length: 101 }, () => ({ x: 0, y: 0, w: 1, h: 1 })),
      },
      { ...base, kind: 'attachment', attachmentId: IDS.photo, action: 'exclude', extra: 1 },
    ];
    for (const r of bad) {
      expect(redactionSchema.safeParse(r).success, JSON.stringify(r).slice(0, 120)).toBe(false);
    }
  });
});

describe('the redacted answer in bundles only', () => {
  const redacted = { state: 'redacted', category: 'name' };
  const group = {
    state: 'answered',
    value: { items: [{ id: IDS.item1, answers: { who: redacted } }] },
  };
  it('is accepted by the bundle schema at section level and in group items', () => {
    expect(bundledSectionAnswersSchema.safeParse({ name_uk: redacted }).success).toBe(true);
    expect(bundledSectionAnswersSchema.safeParse({ captured_with: group }).success).toBe(true);
    expect(
      bundledSectionAnswersSchema.safeParse({ name_uk: { state: 'redacted', category: 'x' } })
        .success,
    ).toBe(false);
  });
  it('is refused by the vault’s own answers schema', () => {
    expect(sectionAnswersSchema.safeParse({ name_uk: redacted }).success).toBe(false);
    expect(sectionAnswersSchema.safeParse({ captured_with: group }).success).toBe(false);
  });
});

describe('profiles', () => {
  it('built-ins are valid, named in both languages, and bound to their recipient classes', () => {
    for (const p of BUILTIN_PROFILES) expect(redactionProfileSchema.parse(p)).toEqual(p);
    expect(FULL_PROFILE.name.en).toBe('Full (sealed, for prosecutors)');
    expect(REDACTED_PROFILE.name.en).toBe('Redacted (for wider sharing)');
    expect(FULL_PROFILE.recipientClasses).not.toContain('ngo');
    expect([...REDACTED_PROFILE.recipientClasses].sort()).toEqual([...RECIPIENT_CLASSES].sort());
    expect(findBuiltinProfile('redacted')).toBe(REDACTED_PROFILE);
    expect(findBuiltinProfile('nope')).toBeUndefined();
  });

  it('full keeps everything, redacted does not', () => {
    expect(keepsEverything(FULL_PROFILE)).toBe(true);
    expect(keepsEverything(REDACTED_PROFILE)).toBe(false);
    expect(REDACTED_PROFILE.sensitivity).toEqual({
      identifying: 'remove',
      location: 'keep',
      medical: 'keep',
      sexual_violence: 'remove',
      other: 'keep',
    });
  });

  it('a custom profile must say keep or remove for every class and category', () => {
    const { medical: _medical, ...partial } = REDACTED_PROFILE.sensitivity;
    expect(
      redactionProfileSchema.safeParse({ ...REDACTED_PROFILE, sensitivity: partial }).success,
    ).toBe(false);
    expect(
      redactionProfileSchema.safeParse({ ...REDACTED_PROFILE, recipientClasses: [] }).success,
    ).toBe(false);
  });
});
