/**
 * A recorded withdrawal of consent cannot be removed or changed by a later save of section B
 * (WITHDRAWAL_PERMANENT, nothing stored), so the consent gate cannot be reopened by one mistaken
 * deletion; it can be completed (recipients told, a note), and more can be added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupItem, SectionAnswers } from '../../../shared/forms/answers';
import { err, ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { consentAnswers, withdrawalItem } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-withdrawals-');
let t: TestApi;
let testimonyId: string;
let withdrawn: GroupItem;
let base: SectionAnswers;

beforeAll(async () => {
  t = startApi(dirs.make('vault'));
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  testimonyId = ok(await t.call('testimony:create', { recordCode: 'WD-1' })).id;
  base = consentAnswers(['interview', 'store_identifying', 'share_icc_otp']);
  withdrawn = withdrawalItem('share_icc_otp');
  await saveB({ ...base, withdrawals: group([withdrawn]) }, 0);
});
afterAll(() => {
  t.api.shutdown();
  dirs.cleanup();
});

const group = (items: GroupItem[]) =>
  ({ state: 'answered', value: { items } }) as SectionAnswers[string];

async function latestB() {
  const b = ok(await t.call('interview:get', { testimonyId })).sections['B'];
  return { revision: b?.revision ?? 0, answers: b?.answers ?? {} };
}

async function saveB(answers: SectionAnswers, baseRevision?: number) {
  const revision = baseRevision ?? (await latestB()).revision;
  return t.call('interview:saveSection', {
    testimonyId,
    sectionId: 'B',
    answers,
    baseRevision: revision,
  });
}

describe('withdrawals of consent', () => {
  it('cannot be removed: refused, and the stored section B is unchanged', async () => {
    const before = await latestB();
    expect(err(await saveB(base)).code).toBe('WITHDRAWAL_PERMANENT');
    expect(err(await saveB({ ...base, withdrawals: group([]) })).code).toBe('WITHDRAWAL_PERMANENT');
    expect(await latestB()).toEqual(before);
    const consent = ok(await t.call('interview:get', { testimonyId })).consent;
    expect(consent.withdrawn).toEqual(['share_icc_otp']);
  });

  it('cannot be changed to withdraw something else', async () => {
    const changed = {
      ...withdrawn,
      answers: { ...withdrawn.answers, scope: { state: 'answered', value: 'audio' } },
    } as GroupItem;
    expect(err(await saveB({ ...base, withdrawals: group([changed]) })).code).toBe(
      'WITHDRAWAL_PERMANENT',
    );
  });

  it('can be completed, and others added', async () => {
    const completed = {
      ...withdrawn,
      answers: {
        ...withdrawn.answers,
        recipients_told: { state: 'answered', value: 'yes' },
        note: { state: 'answered', value: 'Повідомлено телефоном' },
      },
    } as GroupItem;
    ok(await saveB({ ...base, withdrawals: group([completed, withdrawalItem('audio')]) }));
    const consent = ok(await t.call('interview:get', { testimonyId })).consent;
    expect(consent.withdrawn).toEqual(['audio', 'share_icc_otp']);
  });
});
