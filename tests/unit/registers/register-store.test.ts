/**
 * The vault's registers of facilities and perpetrators over a real vault: entries are created and
 * replaced (each change a custody entry with a hash, never the text), listed, and list every
 * testimony that links to them — links that follow the latest answers of each section. An entry
 * a testimony links to cannot be deleted, even by SQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../electron/main/custody';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { catchAppErrorSync } from '../../helpers/app-error';
import { createTempDirs } from '../../helpers/temp';
import { consentAnswers, STORE_SCOPES } from '../../helpers/consent';
import { openInterviewFixture, TEST_TEMPLATE_V1, TEST_TEMPLATE_V2 } from '../interviews/fixture';
import type { InterviewFixture } from '../interviews/fixture';

const dirs = createTempDirs('svidok-registers-');
let f: InterviewFixture;
beforeAll(async () => {
  f = await openInterviewFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

const PINNED_V1 = { templateId: TEST_TEMPLATE_V1.id, templateVersion: 1 };
const CONSENTED = { consentGiven: true, consentWithdrawn: false };

const answered = (value: unknown) => ({ state: 'answered', value }) as SectionAnswers[string];

const olenivka = {
  name: 'Оленівська виправна колонія № 120',
  kind: 'penal_colony' as const,
  location: 'Оленівка, Донецька область',
  aliases: ['Оленівка', 'ВК-120'],
};

/** Section F linking `facilityId` from one item of places, and a commander from the register. */
function sectionF(facilityId: string, commanderId?: string): SectionAnswers {
  const item = randomUUID();
  return {
    places: answered({
      items: [
        { id: item, answers: { facility: answered({ ref: facilityId }) } },
        { id: randomUUID(), answers: { facility: answered({ text: 'підвал без назви' }) } },
      ],
    }),
    ...(commanderId ? { commander: answered({ ref: commanderId }) } : {}),
  };
}

describe('entries', () => {
  it('creates, lists and replaces a facility and a perpetrator; text round-trips exactly', () => {
    const facility = f.registers.saveFacility(olenivka);
    expect(facility).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...olenivka });
    const perpetrator = f.registers.savePerpetrator({
      names: ['Іван Петренко'],
      callSigns: ['Грім', 'Гроза'],
      unit: 'в/ч 00000',
      description: 'Високий, шрам на лівій щоці.\nГоворив з акцентом.',
    });
    expect(f.registers.list().facilities).toContainEqual(facility);
    expect(f.registers.list().perpetrators).toContainEqual(perpetrator);

    const renamed = f.registers.saveFacility({ ...facility, aliases: [...facility.aliases, 'ІК'] });
    expect(renamed.id).toBe(facility.id);
    const listed = f.registers.list().facilities.filter((x) => x.id === facility.id);
    expect(listed).toEqual([renamed]);
  });

  it('NOT_FOUND when replacing an entry that does not exist; nothing is created', () => {
    const before = f.registers.list();
    const id = randomUUID();
    expect(catchAppErrorSync(() => f.registers.saveFacility({ ...olenivka, id })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      catchAppErrorSync(() =>
        f.registers.savePerpetrator({ id, names: ['x'], callSigns: [], unit: '', description: '' }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(f.registers.list()).toEqual(before);
  });

  it('each change is a custody entry with a hash of the entry, never its text', () => {
    const before = f.custody.entries().length;
    const p = f.registers.savePerpetrator({
      names: ['МАРКЕР-Сидоренко'],
      callSigns: [],
      unit: '',
      description: '',
    });
    f.registers.savePerpetrator({ ...p, unit: 'МАРКЕР-частина' });
    const added = f.custody.entries().slice(before);
    expect(added.map((e) => [e.action, e.details['created'], e.details['entryId']])).toEqual([
      ['register.changed', true, p.id],
      ['register.changed', false, p.id],
    ]);
    expect(added[0]!.details['contentHash']).not.toBe(added[1]!.details['contentHash']);
    expect(added.map((e) => toJsonLine(e)).join('\n')).not.toContain('МАРКЕР');
    expect(f.custody.verify().ok).toBe(true);
  });
});

describe('mentions', () => {
  it('a facility linked from two testimonies lists both, with where; links follow the latest answers', () => {
    const facility = f.registers.saveFacility(olenivka);
    const commander = f.registers.savePerpetrator({
      names: [],
      callSigns: ['Вовк'],
      unit: '',
      description: '',
    });
    const a = f.testimony(undefined, 'UA-MENTION-A');
    const b = f.testimony(undefined, 'UA-MENTION-B');
    for (const id of [a, b]) f.giveConsent(id);
    const answersA = sectionF(facility.id, commander.id);
    f.interviews.saveSection(a, 'F', answersA, 0);
    f.interviews.saveSection(b, 'F', sectionF(facility.id), 0);

    const mentions = f.registers.mentions('facilities', facility.id);
    const itemA = (answersA['places'] as { value: { items: Array<{ id: string }> } }).value
      .items[0]!.id;
    expect(mentions).toEqual([
      {
        testimonyId: a,
        recordCode: 'UA-MENTION-A',
        paths: [`F.places.${itemA}.facility`],
        ...PINNED_V1,
        ...CONSENTED,
      },
      {
        testimonyId: b,
        recordCode: 'UA-MENTION-B',
        paths: [expect.stringMatching(/^F\.places\./)],
        ...PINNED_V1,
        ...CONSENTED,
      },
    ]);
    expect(f.registers.mentions('perpetrators', commander.id)).toEqual([
      {
        testimonyId: a,
        recordCode: 'UA-MENTION-A',
        paths: ['F.commander'],
        ...PINNED_V1,
        ...CONSENTED,
      },
    ]);

    // B's place becomes free text: B no longer mentions the facility.
    f.interviews.saveSection(b, 'F', { co_detainee: answered({ text: 'Сусід' }) }, 1);
    expect(f.registers.mentions('facilities', facility.id).map((m) => m.testimonyId)).toEqual([a]);
  });

  it('each mention carries its pinned template and its consent: a withdrawal is marked', () => {
    const facility = f.registers.saveFacility(olenivka);
    const old = f.testimony(TEST_TEMPLATE_V1, 'UA-PIN-OLD');
    const current = f.testimony(TEST_TEMPLATE_V2, 'UA-PIN-NEW');
    for (const id of [old, current]) {
      f.giveConsent(id);
      f.interviews.saveSection(id, 'F', sectionF(facility.id), 0);
    }
    const revisionB = f.interviews.get(old).sections['B']!.revision;
    f.interviews.saveSection(old, 'B', consentAnswers(STORE_SCOPES, ['share_ngo']), revisionB);

    const byCode = new Map(
      f.registers.mentions('facilities', facility.id).map((m) => [m.recordCode, m]),
    );
    expect(byCode.get('UA-PIN-OLD')).toMatchObject({
      ...PINNED_V1,
      consentGiven: true,
      consentWithdrawn: true,
    });
    expect(byCode.get('UA-PIN-NEW')).toMatchObject({
      templateId: TEST_TEMPLATE_V2.id,
      templateVersion: 2,
      ...CONSENTED,
    });
  });

  it('NOT_FOUND for an entry that does not exist', () => {
    expect(catchAppErrorSync(() => f.registers.mentions('facilities', randomUUID())).code).toBe(
      'NOT_FOUND',
    );
  });

  it('a linked entry cannot be deleted, even through SQL; an unlinked one could be', () => {
    const linked = f.registers.saveFacility(olenivka);
    const free = f.registers.saveFacility({ ...olenivka, name: 'Ізоляція' });
    const id = f.testimony();
    f.giveConsent(id);
    f.interviews.saveSection(id, 'F', sectionF(linked.id), 0);
    expect(() => f.db().prepare('DELETE FROM facility WHERE id = ?').run(linked.id)).toThrow(
      /referenced by a testimony/,
    );
    expect(f.registers.list().facilities.map((x) => x.id)).toContain(linked.id);
    expect(f.db().prepare('DELETE FROM facility WHERE id = ?').run(free.id).changes).toBe(1);
  });

  it('a refused section save leaves the links as they were', () => {
    const facility = f.registers.saveFacility(olenivka);
    const id = f.testimony();
    f.giveConsent(id);
    f.interviews.saveSection(id, 'F', sectionF(facility.id), 0);
    const before = f.registers.mentions('facilities', facility.id);
    expect(
      catchAppErrorSync(() =>
        f.interviews.saveSection(id, 'F', sectionF(facility.id, randomUUID()), 1),
      ).code,
    ).toBe('INVALID_ANSWER');
    expect(f.registers.mentions('facilities', facility.id)).toEqual(before);
  });
});
