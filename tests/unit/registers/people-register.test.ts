/**
 * The people register (co-detainees and witnesses) over a real vault, through the API as the
 * renderer reaches it: entries are created, listed and replaced like perpetrators, each change a
 * custody entry with a hash and never the text; the boundary refuses malformed entries before
 * anything is stored. The current template's co-detainee fields link to it, and a person lists
 * the testimonies that mention them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../electron/main/custody';
import type { SectionAnswers } from '../../../shared/forms/answers';
import type { Person } from '../../../shared/forms/registers';
import type { InputOf } from '../../../shared/ipc';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { err, ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-people-');
let t: TestApi;
beforeAll(async () => {
  t = startApi(`${dirs.make()}/vault`);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
});
afterAll(() => {
  t.api.shutdown();
  dirs.cleanup();
});

const olha = {
  names: ['Ольга Коваленко', 'Olha Kovalenko'],
  roles: ['co_detainee', 'witness'] as Array<'co_detainee' | 'witness' | 'other'>,
  description: 'Сиділа в камері № 3.\nБачила, як виводили на допит.',
};

type PersonInput = Extract<InputOf<'register:save'>, { register: 'people' }>['entry'];

/** Saves through the API; the entry it answers with must be a person. */
async function savePerson(entry: PersonInput): Promise<Person> {
  const saved = ok(await t.call('register:save', { register: 'people', entry }));
  if (saved.register !== 'people') throw new Error(`saved into ${saved.register}`);
  return saved.entry;
}

const countPeople = () =>
  (t.api.vault.database().prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n;

describe('people entries', () => {
  it('creates, lists and replaces a person; text round-trips exactly', async () => {
    const saved = await savePerson(olha);
    expect(saved).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...olha });
    const listed = ok(await t.call('register:list', {}));
    expect(listed.people).toContainEqual(saved);
    expect(listed.perpetrators).not.toContainEqual(expect.objectContaining({ id: saved.id }));

    const replaced = await savePerson({ ...saved, roles: ['other'], description: '' });
    expect(replaced.id).toBe(saved.id);
    const again = ok(await t.call('register:list', {})).people.filter((p) => p.id === saved.id);
    expect(again).toEqual([{ ...olha, id: saved.id, roles: ['other'], description: '' }]);
  });

  it('NOT_FOUND when replacing a person that does not exist; nothing is created', async () => {
    const before = countPeople();
    const result = await t.call('register:save', {
      register: 'people',
      entry: { ...olha, id: randomUUID() },
    });
    expect(err(result).code).toBe('NOT_FOUND');
    expect(countPeople()).toBe(before);
  });

  it('each change is a custody entry with a hash of the entry, never its text', async () => {
    const before = t.api.services.custody.entries().length;
    const p = await savePerson({ names: ['МАРКЕР-Бондар'], roles: [], description: '' });
    await savePerson({ ...p, description: 'МАРКЕР-опис' });
    const added = t.api.services.custody.entries().slice(before);
    expect(added.map((e) => [e.action, e.details['register'], e.details['created']])).toEqual([
      ['register.changed', 'people', true],
      ['register.changed', 'people', false],
    ]);
    expect(added[0]!.details['contentHash']).not.toBe(added[1]!.details['contentHash']);
    expect(added.map((e) => toJsonLine(e)).join('\n')).not.toContain('МАРКЕР');
  });

  it('mentions of a person nobody links to: none; of an unknown one: NOT_FOUND', async () => {
    const p = await savePerson(olha);
    expect(ok(await t.call('register:mentions', { register: 'people', id: p.id }))).toEqual({
      items: [],
    });
    expect(
      err(await t.call('register:mentions', { register: 'people', id: randomUUID() })).code,
    ).toBe('NOT_FOUND');
  });
});

describe('mentions', () => {
  /** Section F of the current template with one co-detainee answered `who`. */
  const codetainee = (who: unknown, item = randomUUID()): SectionAnswers => ({
    codetainees: {
      state: 'answered',
      value: { items: [{ id: item, answers: { who: { state: 'answered', value: who } } }] },
    } as SectionAnswers[string],
  });

  it('a co-detainee linked from a testimony lists it, with where; the link follows the answers', async () => {
    const p = await savePerson(olha);
    const { id } = ok(await t.call('testimony:create', { recordCode: 'UA-PEOPLE-1' }));
    await recordConsent(t.api, id);
    const item = randomUUID();
    const save = (who: unknown, baseRevision: number) =>
      t.call('interview:saveSection', {
        testimonyId: id,
        sectionId: 'F',
        answers: codetainee(who, item),
        baseRevision,
      });
    ok(await save({ ref: p.id }, 0));
    const { items } = ok(await t.call('register:mentions', { register: 'people', id: p.id }));
    expect(items).toEqual([
      expect.objectContaining({
        testimonyId: id,
        recordCode: 'UA-PEOPLE-1',
        paths: [`F.codetainees.${item}.who`],
        templateVersion: CURRENT_TEMPLATE.version,
      }),
    ]);
    // Linked: the database keeps the entry whatever asks.
    expect(() =>
      t.api.vault.database().prepare('DELETE FROM person WHERE id = ?').run(p.id),
    ).toThrow(/referenced by a testimony/);

    ok(await save({ text: 'Сусідка з камери' }, 1));
    expect(ok(await t.call('register:mentions', { register: 'people', id: p.id })).items).toEqual(
      [],
    );
  });

  it('a co-detainee field takes only an entry of the people register', async () => {
    const perpetrator = ok(
      await t.call('register:save', {
        register: 'perpetrators',
        entry: { names: [], callSigns: ['Грім'], unit: '', description: '' },
      }),
    ).entry;
    const { id } = ok(await t.call('testimony:create', { recordCode: 'UA-PEOPLE-2' }));
    await recordConsent(t.api, id);
    for (const ref of [perpetrator.id, randomUUID()]) {
      const result = await t.call('interview:saveSection', {
        testimonyId: id,
        sectionId: 'F',
        answers: codetainee({ ref }),
        baseRevision: 0,
      });
      expect(err(result).code).toBe('INVALID_ANSWER');
    }
  });
});

describe('the boundary', () => {
  it.each([
    ['a person without a name', { ...olha, names: [] }],
    ['a blank name', { ...olha, names: ['  '] }],
    ['a role outside the vocabulary', { ...olha, roles: ['guard'] }],
    ['a role twice', { ...olha, roles: ['witness', 'witness'] }],
    ['a perpetrator field on a person', { ...olha, callSigns: ['Грім'] }],
    ['an id that is not a uuid', { ...olha, id: '1' }],
  ])('%s -> BAD_INPUT, nothing stored', async (_name, entry) => {
    const before = countPeople();
    expect(err(await t.api.dispatch('register:save', { register: 'people', entry })).code).toBe(
      'BAD_INPUT',
    );
    expect(countPeople()).toBe(before);
  });
});
