/**
 * Several perpetrators linked from one field (template v2's act, interrogation and sexual
 * violence) over a real vault: each entry's mention list finds the testimony, with where (one
 * register_link row per entry: `…perpetrator#<n>`); an unknown entry among them is refused naming
 * the field; testimony.json carries every linked entry and the verifier's and PDF's words name
 * each of them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testimonyDocument } from '../../../electron/main/exports/testimony-document';
import { answerRows } from '../../../electron/main/verify/answer-rows';
import { answerFaultsOf } from '../../../shared/errors';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { linkFieldPath } from '../../../shared/forms/registers';
import type { Perpetrator } from '../../../shared/forms/registers';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { TORTURE_DETENTION_V2 } from '../../../shared/forms/templates/torture-detention-v2';
import { err, ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-several-');
let t: TestApi;
let grim: Perpetrator;
let sokil: Perpetrator;
let other: Perpetrator;

async function savePerpetrator(callSign: string, unit = ''): Promise<Perpetrator> {
  const saved = ok(
    await t.call('register:save', {
      register: 'perpetrators',
      entry: { names: [], callSigns: [callSign], unit, description: '' },
    }),
  );
  if (saved.register !== 'perpetrators') throw new Error(`saved into ${saved.register}`);
  return saved.entry;
}

beforeAll(async () => {
  t = startApi(`${dirs.make()}/vault`);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  grim = await savePerpetrator('Грім', 'в/ч 12345');
  sokil = await savePerpetrator('Сокіл');
  other = await savePerpetrator('Нелінкований');
});
afterAll(() => {
  t.api.shutdown();
  dirs.cleanup();
});

/** A group answer with one item whose `fieldId` is `value`. */
const oneItem = (group: string, item: string, fieldId: string, value: unknown): SectionAnswers =>
  ({
    [group]: {
      state: 'answered',
      value: { items: [{ id: item, answers: { [fieldId]: { state: 'answered', value } } }] },
    },
  }) as SectionAnswers;

async function testimony(recordCode: string): Promise<string> {
  const { id } = ok(await t.call('testimony:create', { recordCode }));
  await recordConsent(t.api, id);
  return id;
}

const save = (testimonyId: string, sectionId: string, answers: SectionAnswers, baseRevision = 0) =>
  t.call('interview:saveSection', { testimonyId, sectionId, answers, baseRevision });

const mentions = async (id: string) =>
  ok(await t.call('register:mentions', { register: 'perpetrators', id })).items;

describe('several perpetrators in one field', () => {
  it('a testimony linking two perpetrators in one act is listed in both entries’ mentions', async () => {
    expect(CURRENT_TEMPLATE).toBe(TORTURE_DETENTION_V2);
    const id = await testimony('UA-SEVERAL-1');
    const act = randomUUID();
    const interrogation = randomUUID();
    const perpetrators = { refs: [grim.id, sokil.id], text: 'ще один у масці' };
    ok(await save(id, 'I', oneItem('acts', act, 'perpetrator', perpetrators)));
    ok(
      await save(
        id,
        'H',
        oneItem('interrogations', interrogation, 'interrogator', { refs: [grim.id] }),
      ),
    );

    const ofGrim = await mentions(grim.id);
    expect(ofGrim).toEqual([
      expect.objectContaining({ testimonyId: id, recordCode: 'UA-SEVERAL-1' }),
    ]);
    expect([...ofGrim[0]!.paths].sort()).toEqual([
      `H.interrogations.${interrogation}.interrogator#1`,
      `I.acts.${act}.perpetrator#1`,
    ]);
    expect((await mentions(sokil.id)).map((m) => [m.testimonyId, m.paths])).toEqual([
      [id, [`I.acts.${act}.perpetrator#2`]],
    ]);
    expect(await mentions(other.id)).toEqual([]);
    // Linked: the database keeps the second entry too.
    expect(() =>
      t.api.vault.database().prepare('DELETE FROM perpetrator WHERE id = ?').run(sokil.id),
    ).toThrow(/referenced by a testimony/);

    // The links follow the answers: one entry removed, its mention goes.
    ok(await save(id, 'I', oneItem('acts', act, 'perpetrator', { refs: [grim.id] }), 1));
    expect(await mentions(sokil.id)).toEqual([]);
    expect((await mentions(grim.id))[0]!.paths).toHaveLength(2);
  });

  it('refuses an unknown entry among them, naming the field (no `#n`), storing nothing', async () => {
    const id = await testimony('UA-SEVERAL-2');
    const act = randomUUID();
    const result = await save(
      id,
      'I',
      oneItem('acts', act, 'perpetrator', { refs: [grim.id, randomUUID()] }),
    );
    const error = err(result);
    expect(error.code).toBe('INVALID_ANSWER');
    expect(answerFaultsOf(error.message)).toEqual([
      { path: `acts.${act}.perpetrator`, problem: 'unknown_ref' },
    ]);
    expect(await mentions(grim.id)).not.toContainEqual(
      expect.objectContaining({ testimonyId: id }),
    );
  });

  it('testimony.json carries every linked entry; its rows name each, then the words', async () => {
    const id = await testimony('UA-SEVERAL-3');
    const act = randomUUID();
    const value = { refs: [sokil.id, grim.id], text: 'ще один у масці' };
    ok(await save(id, 'I', oneItem('acts', act, 'perpetrator', value)));
    const registers = t.api.services.registers.list();
    const document = testimonyDocument({
      testimony: t.api.services.testimonies.get(id),
      interview: t.api.services.interviews.get(id),
      template: CURRENT_TEMPLATE,
      registers,
      attachments: [],
    });
    expect(document.registers.perpetrators.map((p) => p.id).sort()).toEqual(
      [grim.id, sokil.id].sort(),
    );
    expect(document.sections['I']).toEqual(oneItem('acts', act, 'perpetrator', value));

    const rows = answerRows(CURRENT_TEMPLATE, document.sections, document.registers);
    expect(rows?.find((s) => s.id === 'I')?.rows.map((r) => r.text)).toEqual([
      {
        uk: '«Сокіл» [реєстр]; «Грім», в/ч 12345 [реєстр]; ще один у масці',
        en: '«Сокіл» [register]; «Грім», в/ч 12345 [register]; ще один у масці',
      },
    ]);
  });
});

describe('linkFieldPath', () => {
  it('reads an entry’s link path as its field’s; other paths stay as they are', () => {
    const field = `I.acts.${randomUUID()}.perpetrator`;
    expect(linkFieldPath(`${field}#1`)).toBe(field);
    expect(linkFieldPath(`${field}#12`)).toBe(field);
    expect(linkFieldPath(field)).toBe(field);
    expect(linkFieldPath('SV.perpetrator#2')).toBe('SV.perpetrator');
  });
});
