/**
 * A vault ready to export from, made through the same channels the app uses: testimonies with
 * consent (section B), every other ungated section answered, a Cyrillic narrative, attachments,
 * a facility and a person (people register) the answers link to (and one of each they do not),
 * and a recipient whose key came from the real `age-keygen` (the key file is what a prosecutor
 * would hold).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentSummary } from '../../electron/main/attachments';
import type { SectionAnswers } from '../../shared/forms/answers';
import type { ConsentScope, RecipientClass } from '../../shared/forms/consent';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { ok, startApi } from './api';
import type { TestApi } from './api';
import { consentAnswers, STORE_SCOPES } from './consent';
import { PASSPHRASE } from './kdf';
import { findLeaf, sampleAnswers } from './template-answers';

export const NARRATIVE =
  'Мене тримали в підвалі біля залізничного вокзалу три тижні. Допитували щоночі, ' +
  'вимагали назвати командирів. Охоронець з позивним «Грім» бив прикладом.';

export const SHARE_SCOPES: readonly ConsentScope[] = [...STORE_SCOPES, 'share_national_prosecutor'];

export interface AgeKey {
  readonly file: string;
  readonly publicKey: string;
}

/** A key pair from the age CLI itself. */
export function ageKeygen(dir: string, name = 'key.txt'): AgeKey {
  const file = join(dir, name);
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' });
  const match = /^# public key: (age1[0-9a-z]+)$/m.exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error('age-keygen wrote no public key');
  return { file, publicKey: match[1] };
}

export interface SampleTestimony {
  readonly id: string;
  readonly recordCode: string;
  readonly attachments: AttachmentSummary[];
}

export interface ExportVault {
  readonly t: TestApi;
  readonly dir: string;
  readonly facilityId: string;
  readonly unrelatedFacilityId: string;
  /** A co-detainee in the people register, linked by the first field that can link one. */
  readonly person: { readonly id: string; readonly name: string };
  readonly unrelatedPersonId: string;
  addRecipient(key: string, recipientClass?: RecipientClass, name?: string): Promise<void>;
  addTestimony(options?: TestimonyOptions): Promise<SampleTestimony>;
}

export interface TestimonyOptions {
  readonly recordCode?: string;
  readonly scopes?: readonly ConsentScope[];
  readonly withdrawn?: readonly ConsentScope[];
  /** Files to attach: name and bytes (written to a temp file first). */
  readonly files?: ReadonlyArray<{ name: string; bytes: Uint8Array }>;
  /** Answer every ungated section (slow-ish); only B otherwise. */
  readonly answerAll?: boolean;
}

let counter = 0;

export async function makeExportVault(dir: string): Promise<ExportVault> {
  const t = startApi(join(dir, 'vault'));
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  const facility = ok(
    await t.call('register:save', {
      register: 'facilities',
      entry: { name: 'СІЗО №1', kind: 'pre_trial_detention', location: 'Херсон', aliases: [] },
    }),
  );
  const unrelated = ok(
    await t.call('register:save', {
      register: 'facilities',
      entry: { name: 'Інше місце', kind: 'basement', location: 'Мелітополь', aliases: [] },
    }),
  );
  const personName = 'Ольга Коваленко';
  const person = ok(
    await t.call('register:save', {
      register: 'people',
      entry: { names: [personName], roles: ['co_detainee'], description: 'Камера № 3' },
    }),
  );
  const unrelatedPerson = ok(
    await t.call('register:save', {
      register: 'people',
      entry: { names: ['Інша людина'], roles: ['witness'], description: '' },
    }),
  );
  return {
    t,
    dir,
    facilityId: facility.entry.id,
    unrelatedFacilityId: unrelated.entry.id,
    person: { id: person.entry.id, name: personName },
    unrelatedPersonId: unrelatedPerson.entry.id,
    async addRecipient(key, recipientClass = 'national_prosecutor', name = 'Прокурор Коваленко') {
      ok(
        await t.call('recipient:add', {
          name,
          organisation: 'Офіс Генерального прокурора',
          publicKey: key,
          recipientClass,
        }),
      );
    },
    async addTestimony(options = {}) {
      counter++;
      const recordCode = options.recordCode ?? `UA-KH-${String(counter).padStart(4, '0')}`;
      const { id } = ok(await t.call('testimony:create', { recordCode }));
      // Granted first (revision 1), then withdrawn (revision 2), as an interviewer records it.
      const scopes = options.scopes ?? SHARE_SCOPES;
      ok(
        await t.call('interview:saveSection', {
          testimonyId: id,
          sectionId: 'B',
          answers: consentAnswers(scopes),
          baseRevision: 0,
        }),
      );
      if (options.answerAll) await answerSections(t, id, facility.entry.id, person.entry.id);
      ok(await t.call('testimony:saveNarrative', { id, narrative: NARRATIVE, baseRevision: 0 }));
      const attachments: AttachmentSummary[] = [];
      for (const file of options.files ?? []) {
        const path = join(dir, `src-${counter}-${attachments.length}`);
        writeFileSync(path, file.bytes);
        attachments.push(await t.api.services.attachments.add(id, path, file.name));
      }
      if (options.withdrawn && options.withdrawn.length > 0) {
        ok(
          await t.call('interview:saveSection', {
            testimonyId: id,
            sectionId: 'B',
            answers: consentAnswers(scopes, options.withdrawn),
            baseRevision: 1,
          }),
        );
      }
      return { id, recordCode, attachments };
    },
  };
}

/**
 * Every ungated section but B answered; the first place field links to the facility, the first
 * field of the people register to the person.
 */
async function answerSections(
  t: TestApi,
  testimonyId: string,
  facilityId: string,
  personId: string,
) {
  const place = findLeaf(CURRENT_TEMPLATE, (f) => f.kind === 'place');
  if (!place) throw new Error('the template has no place field');
  const person = findLeaf(CURRENT_TEMPLATE, (f) => f.kind === 'person' && f.register === 'people');
  if (!person) throw new Error('the template has no field of the people register');
  for (const section of CURRENT_TEMPLATE.sections) {
    if (section.id === 'B' || section.gate) continue;
    let answers: SectionAnswers = sampleAnswers(CURRENT_TEMPLATE, section);
    if (section.id === place.section.id) {
      answers = {
        ...answers,
        ...place.answersWith({ state: 'answered', value: { ref: facilityId } }),
      };
    }
    if (section.id === person.section.id) {
      answers = {
        ...answers,
        ...person.answersWith({ state: 'answered', value: { ref: personId } }),
      };
    }
    ok(
      await t.call('interview:saveSection', {
        testimonyId,
        sectionId: section.id,
        answers,
        baseRevision: 0,
      }),
    );
  }
}
