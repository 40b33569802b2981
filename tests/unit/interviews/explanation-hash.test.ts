/**
 * The consent explanation shown is identified by the SHA-256 of its text in the language it was
 * read in, which main fills in itself: a hash the renderer sends is replaced by the real one, and
 * without "explanation given" (or in a language the template has no text in) there is none.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { ok, startApi } from '../../helpers/api';
import { consentAnswers } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-explanation-');
afterAll(() => dirs.cleanup());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const answered = (value: string) => ({ state: 'answered', value }) as SectionAnswers[string];
const FORGED = answered('f'.repeat(64));

describe('the consent explanation hash', () => {
  it('is the hash of the text in the language read, set by main whatever was sent', async () => {
    const t = startApi(dirs.make('vault'));
    ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    const { id } = ok(await t.call('testimony:create', { recordCode: 'EXPL-1' }));
    let base = 0;
    const saveB = async (extra: SectionAnswers) => {
      const answers = { ...consentAnswers(), explanation_hash: FORGED, ...extra };
      base = ok(
        await t.call('interview:saveSection', {
          testimonyId: id,
          sectionId: 'B',
          answers,
          baseRevision: base,
        }),
      ).revision;
      const b = ok(await t.call('interview:get', { testimonyId: id })).sections['B'];
      return b?.answers['explanation_hash'];
    };
    const { uk, en } = CURRENT_TEMPLATE.consentExplanation;
    expect(await saveB({ explanation_language: answered('ukrainian') })).toEqual(
      answered(sha256(uk)),
    );
    expect(await saveB({ explanation_language: answered('english') })).toEqual(
      answered(sha256(en)),
    );
    expect(await saveB({ explanation_language: answered('chechen') })).toBeUndefined();
    expect(
      await saveB({ explanation_given: answered('no'), explanation_language: answered('english') }),
    ).toBeUndefined();
    t.api.shutdown();
  });
});
