/**
 * InterviewStore over a real vault: section answers as append-only revisions chained by hash,
 * checked against the template the testimony pinned. Answers come back exactly as given (every
 * field kind, groups, unknown and declined, any script); a stale save is refused, not merged; an
 * answer that does not fit is refused with a message naming where, never what.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionRevisionHashOf } from '../../../electron/main/interviews';
import { MAX_SHORT_TEXT } from '../../../shared/forms/answers';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { findSection } from '../../../shared/forms/template';
import type { Section } from '../../../shared/forms/template';
import { catchAppErrorSync } from '../../helpers/app-error';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { sampleAnswers } from '../../helpers/template-answers';
import { openInterviewFixture, TEST_TEMPLATE_V1, TEST_TEMPLATE_V2 } from './fixture';
import type { InterviewFixture } from './fixture';

const dirs = createTempDirs('svidok-interview-');
let f: InterviewFixture;
beforeAll(async () => {
  f = await openInterviewFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

const section = (id: string) => findSection(TEST_TEMPLATE_V1, id) as Section;
const answered = (value: unknown) => ({ state: 'answered', value }) as SectionAnswers[string];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function consented(): string {
  const id = f.testimony();
  f.giveConsent(id);
  return id;
}

interface Row {
  id: string;
  testimony_id: string;
  section_id: string;
  seq: number;
  answers: string;
  content_hash: string;
  prev_hash: string | null;
  revision_hash: string;
  author: string;
  created_at: string;
}
const rows = (testimonyId: string, sectionId: string) =>
  f
    .db()
    .prepare(
      'SELECT * FROM section_revision WHERE testimony_id = ? AND section_id = ? ORDER BY seq',
    )
    .all(testimonyId, sectionId) as Row[];

describe('get', () => {
  it('a new testimony: its pinned template, every section empty at revision 0, no consent', () => {
    const id = f.testimony();
    const interview = f.interviews.get(id);
    expect(interview).toEqual({
      templateId: TEST_TEMPLATE_V1.id,
      templateVersion: 1,
      sections: Object.fromEntries(
        TEST_TEMPLATE_V1.sections.map((s) => [s.id, { answers: {}, revision: 0, savedAt: null }]),
      ),
      consent: { granted: [], withdrawn: [], canStore: false },
      events: [],
    });
    expect(catchAppErrorSync(() => f.interviews.get(randomUUID())).code).toBe('NOT_FOUND');
  });
});

describe('answers round-trip exactly', () => {
  it('every field kind, groups, unknown and declined, Cyrillic and emoji — after lock and unlock', async () => {
    const id = consented();
    const c: SectionAnswers = {
      ...sampleAnswers(TEST_TEMPLATE_V1, section('C')),
      name: answered('Олександр Ґудзь-Їжаковський 👩🏽‍⚕️ «лапки» апостроф ʼ'),
      account: answered('Перший рядок.\nДругий рядок\tз табуляцією.\r\n'),
      birth_date: answered('1987-05/1987-07'),
      pow: { state: 'declined' },
      colour: { state: 'unknown' },
    };
    const f_: SectionAnswers = sampleAnswers(TEST_TEMPLATE_V1, section('F'));
    const savedC = f.interviews.saveSection(id, 'C', c, 0);
    const savedF = f.interviews.saveSection(id, 'F', f_, 0);
    expect([savedC.revision, savedF.revision]).toEqual([1, 1]);
    f.close();
    await f.vault.unlock(PASSPHRASE);
    const back = f.interviews.get(id);
    expect(back.sections['C']).toEqual({ answers: c, revision: 1, savedAt: savedC.savedAt });
    expect(back.sections['F']).toEqual({ answers: f_, revision: 1, savedAt: savedF.savedAt });
    // Group items keep their order and ids.
    const items = (back.sections['F']!.answers['places'] as { value: { items: unknown[] } }).value
      .items;
    expect(items).toEqual((f_['places'] as { value: { items: unknown[] } }).value.items);
  });
});

describe('revisions: append-only, chained by hash, one per change', () => {
  it('each save appends a revision; hashes recompute from the row; the database refuses edits', () => {
    const id = consented();
    const versions = ['Перший', 'Другий', 'Третій'].map((name) => ({ name: answered(name) }));
    versions.forEach((answers, i) => {
      expect(f.interviews.saveSection(id, 'C', answers, i).revision).toBe(i + 1);
    });
    const saved = rows(id, 'C');
    expect(saved.map((r) => JSON.parse(r.answers))).toEqual(versions);
    saved.forEach((row, i) => {
      expect(row.content_hash).toBe(sha256(row.answers));
      expect(row.prev_hash).toBe(i === 0 ? null : saved[i - 1]!.revision_hash);
      expect(row.author).toBe(`device:${f.custody.publicKey()}`);
      expect(row.revision_hash).toBe(
        sectionRevisionHashOf({
          revisionId: row.id,
          testimonyId: row.testimony_id,
          sectionId: row.section_id,
          seq: row.seq,
          createdAt: row.created_at,
          author: row.author,
          contentHash: row.content_hash,
          prevHash: row.prev_hash,
        }),
      );
    });
    expect(() => f.db().prepare("UPDATE section_revision SET answers = '{}'").run()).toThrow(
      /append-only/,
    );
    expect(() => f.db().prepare('DELETE FROM section_revision').run()).toThrow(/append-only/);
    expect(rows(id, 'C')).toEqual(saved);
  });

  it('a section save is a change of the testimony: its updatedAt follows', () => {
    const id = consented();
    const saved = f.interviews.saveSection(id, 'C', { name: answered('Ім’я') }, 0);
    expect(f.testimonies.get(id).updatedAt).toBe(saved.savedAt);
    expect(f.testimonies.list().find((x) => x.id === id)?.updatedAt).toBe(saved.savedAt);
  });

  it('the same answers again (in any key order) add no revision', () => {
    const id = consented();
    const first = f.interviews.saveSection(
      id,
      'C',
      { name: answered('Ім’я'), pow: answered('yes') },
      0,
    );
    const again = f.interviews.saveSection(
      id,
      'C',
      { pow: answered('yes'), name: answered('Ім’я') },
      1,
    );
    expect(again).toEqual(first);
    expect(rows(id, 'C')).toHaveLength(1);
  });

  it('CONFLICT on a stale or future base revision; nothing is appended', () => {
    const id = consented();
    f.interviews.saveSection(id, 'C', { name: answered('a') }, 0);
    f.interviews.saveSection(id, 'C', { name: answered('b') }, 1);
    for (const base of [0, 1, 3]) {
      expect(
        catchAppErrorSync(() => f.interviews.saveSection(id, 'C', { name: answered('c') }, base))
          .code,
      ).toBe('CONFLICT');
    }
    expect(rows(id, 'C').map((r) => r.seq)).toEqual([1, 2]);
    // Sections count their revisions apart: F starts at 0 whatever C is at.
    expect(f.interviews.saveSection(id, 'F', {}, 0).revision).toBe(1);
    expect(catchAppErrorSync(() => f.interviews.saveSection(randomUUID(), 'C', {}, 0)).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('INVALID_ANSWER names the path, never the value; nothing is stored', () => {
  const placesItem = randomUUID();
  const cases: Array<[string, string, SectionAnswers, string, string]> = [
    [
      'an impossible date',
      'C',
      { birth_date: answered('2023-02-30') },
      'birth_date (bad_date)',
      '2023-02-30',
    ],
    [
      'a date in the future',
      'C',
      { birth_date: answered('2999-01-01') },
      'birth_date (bad_date)',
      '2999',
    ],
    [
      'an unknown field',
      'C',
      { nickname: answered('Грім-МАРКЕР') },
      'nickname (unknown_field)',
      'Грім-МАРКЕР',
    ],
    [
      'a term not in the vocabulary',
      'C',
      { colour: answered('червоний') },
      'colour (unknown_term)',
      'червоний',
    ],
    ['a yes/no that is neither', 'C', { pow: answered('можливо') }, 'pow (wrong_kind)', 'можливо'],
    [
      'an unknown body region',
      'C',
      { injuries: answered(['front.хвіст']) },
      'injuries (unknown_region)',
      'хвіст',
    ],
    [
      'a text too long',
      'C',
      { name: answered('Ж'.repeat(MAX_SHORT_TEXT + 1)) },
      'name (too_long)',
      'ЖЖЖ',
    ],
    [
      'a perpetrator not in the register',
      'F',
      { commander: answered({ ref: '00000000-0000-4000-8000-00000000dead' }) },
      'commander (unknown_ref)',
      'dead',
    ],
    [
      'a facility not in the register, inside a group',
      'F',
      {
        places: answered({
          items: [
            {
              id: placesItem,
              answers: { facility: answered({ ref: '00000000-0000-4000-8000-0000000beef0' }) },
            },
          ],
        }),
      },
      `places.${placesItem}.facility (unknown_ref)`,
      'beef0',
    ],
    [
      'a group answer on a place field',
      'F',
      { commander: answered({ items: [] }) },
      'commander (wrong_kind)',
      'items',
    ],
  ];

  it.each(cases)('%s', (_name, sectionId, answers, path, value) => {
    const id = consented();
    const error = catchAppErrorSync(() => f.interviews.saveSection(id, sectionId, answers, 0));
    expect(error.code).toBe('INVALID_ANSWER');
    expect(error.message).toContain(path);
    expect(error.message).not.toContain(value);
    expect(error.message.length).toBeLessThan(200);
    expect(rows(id, sectionId)).toEqual([]);
  });

  it('a register id on a person field with no register (co-detainees are text)', () => {
    const id = consented();
    const guard = f.registers.savePerpetrator({
      names: [],
      callSigns: ['Грім'],
      unit: '',
      description: '',
    });
    const error = catchAppErrorSync(() =>
      f.interviews.saveSection(id, 'F', { co_detainee: answered({ ref: guard.id }) }, 0),
    );
    expect(error.code).toBe('INVALID_ANSWER');
    expect(error.message).toContain('co_detainee (wrong_kind)');
  });

  it('a section the pinned template does not have', () => {
    const id = consented();
    const error = catchAppErrorSync(() => f.interviews.saveSection(id, 'K', {}, 0));
    expect(error.code).toBe('INVALID_ANSWER');
    expect(rows(id, 'K')).toEqual([]);
  });

  it('many problems: the first few are named, the rest counted', () => {
    const id = consented();
    const answers = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`unknown_${i}`, answered('x')]),
    );
    const error = catchAppErrorSync(() => f.interviews.saveSection(id, 'C', answers, 0));
    expect(error.message).toMatch(/and 3 more$/);
  });
});

describe('each testimony keeps the template version it was taken with', () => {
  it('a v1 testimony refuses a field only v2 has; a v2 testimony takes it; both read their own', () => {
    const old = f.testimony(TEST_TEMPLATE_V1);
    const current = f.testimony(TEST_TEMPLATE_V2);
    f.giveConsent(old);
    f.giveConsent(current);
    const pseudonym = { pseudonym: answered('Сокіл') };
    const refused = catchAppErrorSync(() => f.interviews.saveSection(old, 'C', pseudonym, 0));
    expect(refused.code).toBe('INVALID_ANSWER');
    expect(refused.message).toContain('pseudonym (unknown_field)');
    expect(f.interviews.saveSection(current, 'C', pseudonym, 0).revision).toBe(1);
    expect(f.interviews.get(old)).toMatchObject({ templateId: 'svidok-test', templateVersion: 1 });
    expect(f.interviews.get(current)).toMatchObject({ templateVersion: 2 });
  });

  it('a testimony pinned to a template this build lacks: VAULT_FROM_FUTURE, nothing changed', () => {
    const id = f.testimony({ ...TEST_TEMPLATE_V1, version: 99 });
    expect(catchAppErrorSync(() => f.interviews.get(id)).code).toBe('VAULT_FROM_FUTURE');
    expect(catchAppErrorSync(() => f.interviews.saveSection(id, 'B', {}, 0)).code).toBe(
      'VAULT_FROM_FUTURE',
    );
  });
});

describe('search finds answers too', () => {
  it('the latest answers of every section are searchable; replaced text is not', () => {
    const id = consented();
    f.interviews.saveSection(id, 'C', { name: answered('Тримали в Оленівці') }, 0);
    f.interviews.saveSection(id, 'F', { co_detainee: answered({ text: 'Сусід Мирослав' }) }, 0);
    const found = (q: string) => f.testimonies.search(q).map((h) => h.id);
    expect(found('оленівц')).toContain(id);
    expect(found('мирослав')).toContain(id);
    f.interviews.saveSection(id, 'C', { name: answered('Тримали в Донецьку') }, 1);
    expect(found('оленівц')).not.toContain(id);
    expect(found('донецьк')).toContain(id);
    expect(found('мирослав')).toContain(id);
  });
});
