/**
 * Threat: identifying details stored before the survivor consented (Murad Code; FORMS.md
 * section B). Through the API as the renderer reaches it, over the current template: before
 * consent to the interview and to storing identifying data, every section but B, the narrative
 * and attachments are refused with CONSENT_REQUIRED and nothing of them reaches the vault — no
 * revision, no link, no search text, no attachment, no custody entry. After consent they save;
 * after a withdrawal they are refused again, while what was stored stays readable.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/main/api';
import type { Api } from '../../../electron/main/api';
import { createLogger, memorySink } from '../../../electron/main/log';
import type { GroupItem } from '../../../shared/forms/answers';
import type { ConsentScope } from '../../../shared/forms/consent';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import type { Channel, InputOf, OutputOf, Result } from '../../../shared/ipc';
import { err, ok } from '../../helpers/api';
import { consentAnswers, STORE_SCOPES, withdrawalItem } from '../../helpers/consent';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { sampleAnswers } from '../../helpers/template-answers';

const dirs = createTempDirs('svidok-consent-');
let api: Api;
let vaultDir: string;
let attachFiles: string[];

const call = <C extends Channel>(channel: C, input: InputOf<C>) =>
  api.dispatch(channel, input) as Promise<Result<OutputOf<C>, string>>;

beforeEach(async () => {
  const root = dirs.make();
  vaultDir = join(root, 'vault');
  const photo = join(root, 'фото.jpg');
  writeFileSync(photo, 'not really a photo');
  attachFiles = [];
  api = createApi({
    vaultDir,
    log: createLogger(memorySink([])),
    vault: { kdf: FAST_KDF },
    dialogs: {
      pickFilesToAttach: async () => {
        attachFiles.push(photo);
        return [photo];
      },
      pickSaveTarget: async () => null,
      pickFileToOpen: async () => null,
    },
  });
  ok(await call('vault:create', { passphrase: PASSPHRASE }));
});
afterEach(() => {
  api.shutdown();
  dirs.cleanup();
});

const db = () => api.vault.database();
const count = (table: string, testimonyId: string) =>
  (
    db().prepare(`SELECT count(*) AS n FROM ${table} WHERE testimony_id = ?`).get(testimonyId) as {
      n: number;
    }
  ).n;
const custodyActions = (testimonyId: string) =>
  api.services.custody.entries({ testimonyId }).map((e) => e.action);
const blobs = () =>
  existsSync(join(vaultDir, 'blobs')) ? readdirSync(join(vaultDir, 'blobs')) : [];

async function newTestimony(): Promise<string> {
  return ok(await call('testimony:create', { recordCode: `UA-${randomUUID().slice(0, 8)}` })).id;
}

/**
 * Saves section B granting `scopes` and withdrawing `withdrawn`. Withdrawals already recorded are
 * carried over as they are: main refuses a section B that drops one (WITHDRAWAL_PERMANENT).
 */
async function saveB(testimonyId: string, scopes: ConsentScope[], withdrawn: ConsentScope[] = []) {
  const b = ok(await call('interview:get', { testimonyId })).sections['B']!;
  const kept = b.answers['withdrawals'];
  const keptItems = kept?.state === 'answered' ? (kept.value as { items: GroupItem[] }).items : [];
  const keptScopes = new Set(
    keptItems.map(
      (item) => item.answers['scope']?.state === 'answered' && item.answers['scope'].value,
    ),
  );
  const items = [
    ...keptItems,
    ...withdrawn.filter((scope) => !keptScopes.has(scope)).map((scope) => withdrawalItem(scope)),
  ];
  const answers = consentAnswers(scopes);
  if (items.length > 0) answers['withdrawals'] = { state: 'answered', value: { items } };
  return ok(
    await call('interview:saveSection', {
      testimonyId,
      sectionId: 'B',
      answers,
      baseRevision: b.revision,
    }),
  );
}

/** Tries every way of storing more than section B; returns the error code of each. */
async function tryEverything(testimonyId: string): Promise<Record<string, string>> {
  const codes: Record<string, string> = {};
  const interview = ok(await call('interview:get', { testimonyId }));
  for (const section of CURRENT_TEMPLATE.sections) {
    if (section.id === 'B') continue;
    const result = await call('interview:saveSection', {
      testimonyId,
      sectionId: section.id,
      answers: sampleAnswers(CURRENT_TEMPLATE, section),
      baseRevision: interview.sections[section.id]!.revision,
    });
    codes[section.id] = result.ok ? 'saved' : result.error.code;
  }
  const testimony = ok(await call('testimony:get', { id: testimonyId }));
  const narrative = await call('testimony:saveNarrative', {
    id: testimonyId,
    narrative: `${testimony.narrative}Мене звати Петро.`,
    baseRevision: testimony.revision,
  });
  codes['narrative'] = narrative.ok ? 'saved' : narrative.error.code;
  const attached = await call('attachment:add', { testimonyId });
  codes['attachment'] = attached.ok ? 'saved' : attached.error.code;
  return codes;
}

/** What tryEverything answers before consent, and after it (a gated section needs more). */
function expected(when: 'before' | 'after'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of CURRENT_TEMPLATE.sections) {
    if (section.id === 'B') continue;
    out[section.id] =
      when === 'before' ? 'CONSENT_REQUIRED' : section.gate ? 'SECTION_LOCKED' : 'saved';
  }
  out['narrative'] = out['attachment'] = when === 'before' ? 'CONSENT_REQUIRED' : 'saved';
  return out;
}

describe('before consent nothing but the record code and section B is stored', () => {
  it('every section but B, the narrative and an attachment: CONSENT_REQUIRED, and nothing stored', async () => {
    const id = await newTestimony();
    expect(ok(await call('testimony:get', { id }))).toMatchObject({
      consentGiven: false,
      consentWithdrawn: false,
    });
    expect(await tryEverything(id)).toEqual(expected('before'));

    for (const table of ['section_revision', 'testimony_revision', 'attachment', 'register_link']) {
      expect(count(table, id), table).toBe(0);
    }
    expect(db().prepare('SELECT count(*) AS n FROM interview_search').get()).toEqual({ n: 0 });
    expect(blobs()).toEqual([]);
    // The file dialog is not even opened for a testimony that cannot take an attachment.
    expect(attachFiles).toEqual([]);
    // Only the creation and the views (reading is recorded too): no save was recorded.
    expect(new Set(custodyActions(id))).toEqual(new Set(['testimony.created', 'testimony.viewed']));
    expect(ok(await call('custody:verify', {})).ok).toBe(true);
  });

  it.each<[string, ConsentScope[], ConsentScope[]]>([
    ['no scope at all', [], []],
    ['the interview only', ['interview'], []],
    ['storing identifying data only', ['store_identifying'], []],
    ['both, one withdrawn', [...STORE_SCOPES], ['store_identifying']],
  ])('section B with %s saves, but the gate stays shut', async (_name, scopes, withdrawn) => {
    const id = await newTestimony();
    const saved = await saveB(id, scopes, withdrawn);
    expect(saved.revision).toBe(1);
    expect(saved.consent.canStore).toBe(false);
    expect(await tryEverything(id)).toEqual(expected('before'));
    expect(count('section_revision', id)).toBe(1);
  });

  it('a scope granted without a date or a method is not consent', async () => {
    const id = await newTestimony();
    const answers = consentAnswers(STORE_SCOPES);
    const items = (answers['scopes'] as { value: { items: Array<{ answers: object }> } }).value
      .items;
    delete (items[0]!.answers as Record<string, unknown>)['date'];
    (items[1]!.answers as Record<string, unknown>)['method'] = { state: 'unknown' };
    const saved = ok(
      await call('interview:saveSection', {
        testimonyId: id,
        sectionId: 'B',
        answers,
        baseRevision: 0,
      }),
    );
    expect(saved.consent).toEqual({ granted: [], withdrawn: [], canStore: false });
    expect(
      err(await call('testimony:saveNarrative', { id, narrative: 'x', baseRevision: 0 })).code,
    ).toBe('CONSENT_REQUIRED');
  });
});

describe('after consent, and after a withdrawal', () => {
  it('consent opens every section (a gated one needs more), the narrative and attachments', async () => {
    const id = await newTestimony();
    const saved = await saveB(id, [...STORE_SCOPES]);
    expect(saved.consent).toEqual({
      granted: ['interview', 'store_identifying'],
      withdrawn: [],
      canStore: true,
    });
    expect(await tryEverything(id)).toEqual(expected('after'));
    expect(ok(await call('testimony:list', {})).items[0]).toMatchObject({
      id,
      consentGiven: true,
      consentWithdrawn: false,
    });
    expect(count('attachment', id)).toBe(1);
    expect(ok(await call('custody:verify', {})).ok).toBe(true);
  });

  it('a gated section of the current template opens with a qualified interviewer and its consent', async () => {
    const id = await newTestimony();
    await saveB(id, [...STORE_SCOPES, 'sexual_violence_questions']);
    ok(await call('interview:event', { testimonyId: id, kind: 'qualified_set', qualified: true }));
    const gated = CURRENT_TEMPLATE.sections.filter((s) => s.gate);
    for (const section of gated) {
      const saved = ok(
        await call('interview:saveSection', {
          testimonyId: id,
          sectionId: section.id,
          answers: sampleAnswers(CURRENT_TEMPLATE, section),
          baseRevision: 0,
        }),
      );
      expect(saved.revision).toBe(1);
    }
    expect(count('section_revision', id)).toBe(1 + gated.length);
  });

  it('withdrawing storing identifying data shuts the gate again; what was stored stays readable', async () => {
    const id = await newTestimony();
    await saveB(id, [...STORE_SCOPES]);
    expect(await tryEverything(id)).toEqual(expected('after'));
    const stored = ok(await call('interview:get', { testimonyId: id }));
    const narrative = ok(await call('testimony:get', { id })).narrative;
    const revisionsBefore = count('section_revision', id);

    const withdrawn = await saveB(id, [...STORE_SCOPES], ['store_identifying']);
    expect(withdrawn.consent).toEqual({
      granted: ['interview'],
      withdrawn: ['store_identifying'],
      canStore: false,
    });
    expect(ok(await call('testimony:get', { id }))).toMatchObject({
      consentGiven: false,
      consentWithdrawn: true,
      narrative,
    });
    expect(await tryEverything(id)).toEqual(expected('before'));
    // Only section B's new revision was added; the earlier answers are still there as they were.
    expect(count('section_revision', id)).toBe(revisionsBefore + 1);
    const after = ok(await call('interview:get', { testimonyId: id }));
    for (const section of CURRENT_TEMPLATE.sections.filter((s) => s.id !== 'B')) {
      expect(after.sections[section.id]).toEqual(stored.sections[section.id]);
    }
    // A withdrawal outlives a later grant of the same scope in the same section B.
    const again = await saveB(id, [...STORE_SCOPES, 'store_identifying'], ['store_identifying']);
    expect(again.consent.canStore).toBe(false);
  });

  it('the flow may be recorded before consent, but a reason (free text) may not', async () => {
    const id = await newTestimony();
    ok(await call('interview:event', { testimonyId: id, kind: 'session_started' }));
    ok(await call('interview:event', { testimonyId: id, kind: 'break_started' }));
    expect(
      err(
        await call('interview:event', {
          testimonyId: id,
          kind: 'session_stopped',
          reason: 'Мій брат досі в полоні',
        }),
      ).code,
    ).toBe('CONSENT_REQUIRED');
    const { events } = ok(
      await call('interview:event', { testimonyId: id, kind: 'session_stopped' }),
    );
    expect(events.map((e) => e.kind)).toEqual([
      'session_started',
      'break_started',
      'session_stopped',
    ]);
    expect(
      db().prepare('SELECT count(*) AS n FROM interview_event WHERE reason IS NOT NULL').get(),
    ).toEqual({
      n: 0,
    });
  });
});
