/**
 * Threat: identifying details stored before the survivor consented (Murad Code; FORMS.md
 * section B). Through the API as the renderer reaches it, over the current template: before
 * consent to the interview and to storing identifying data, every section but B, the narrative
 * and attachments are refused with CONSENT_REQUIRED and nothing of them reaches the vault — no
 * revision, no link, no search text, no attachment, no custody entry. Section B itself saves
 * before consent (it is where consent is recorded), but not with an identifying answer unless the
 * same save grants both scopes. After consent they save; after a withdrawal they are refused
 * again, while what was stored stays readable.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/main/api';
import type { Api } from '../../../electron/main/api';
import { createLogger, memorySink } from '../../../electron/main/log';
import { walkFields } from '../../../shared/forms/answers';
import type { GroupItem, SectionAnswers } from '../../../shared/forms/answers';
import type { ConsentScope } from '../../../shared/forms/consent';
import type { Field, Section } from '../../../shared/forms/template';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import type { Channel, InputOf, OutputOf, Result } from '../../../shared/ipc';
import { err, ok } from '../../helpers/api';
import { consentAnswers, consentItem, STORE_SCOPES, withdrawalItem } from '../../helpers/consent';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { sampleAnswers, sampleValue } from '../../helpers/template-answers';

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

const answered = (value: unknown) => ({ state: 'answered', value }) as SectionAnswers[string];

/** Saves section B with exactly `answers` on top of its latest revision. */
async function trySaveB(testimonyId: string, answers: SectionAnswers) {
  const b = ok(await call('interview:get', { testimonyId })).sections['B']!;
  return call('interview:saveSection', {
    testimonyId,
    sectionId: 'B',
    answers,
    baseRevision: b.revision,
  });
}

/** B's answers granting `scopes`, plus a relative at risk, a guardian and a consent's witness. */
function consentWithIdentifying(scopes: readonly ConsentScope[]): SectionAnswers {
  const answers = consentAnswers(scopes);
  const items = (answers['scopes'] as { value: { items: GroupItem[] } }).value.items;
  const witnessed = items[0] ?? consentItem('interview', 'refused');
  witnessed.answers['method'] = answered('verbal_witnessed') as GroupItem['answers'][string];
  witnessed.answers['witness'] = answered('Марія Коваль, сусідка') as GroupItem['answers'][string];
  return {
    ...answers,
    scopes: answered({ items: items.length > 0 ? items : [witnessed] }),
    relatives_at_risk: answered('Брат, Олег, досі в полоні'),
    guardian: answered('Мати, Ганна'),
  };
}

/**
 * Every identifying field of the template, section B's included, each as the answers that give
 * it alone a value. Built from the template so that a new identifying field is covered as soon
 * as it is added; a field of an identifying group counts as identifying too.
 */
function identifyingRows(): Array<{ section: Section; path: string; answers: SectionAnswers }> {
  const rows: Array<{ section: Section; path: string; answers: SectionAnswers }> = [];
  for (const section of CURRENT_TEMPLATE.sections) {
    for (const { path, field } of walkFields(section)) {
      if (field.kind === 'group') continue;
      const [groupId, , childId] = path.split('.');
      const group = childId
        ? (section.fields.find((f) => f.id === groupId) as Field | undefined)
        : undefined;
      if (field.sensitivity !== 'identifying' && group?.sensitivity !== 'identifying') continue;
      const itemId = randomUUID();
      const value = sampleValue(CURRENT_TEMPLATE, field, path);
      const answers: SectionAnswers = group
        ? { [group.id]: answered({ items: [{ id: itemId, answers: { [field.id]: value } }] }) }
        : { [field.id]: value };
      rows.push({ section, path, answers });
    }
  }
  return rows;
}

describe('section B before consent: no identifying answer', () => {
  it('every identifying field of the template, B’s included, is refused before consent', async () => {
    const rows = identifyingRows();
    const paths = rows.map((r) => `${r.section.id}/${r.path}`);
    // The table is built from the template: it must reach into B, its groups and other sections.
    expect(paths).toEqual(
      expect.arrayContaining(['B/relatives_at_risk', 'B/guardian', 'B/scopes.*.witness']),
    );
    expect(new Set(rows.map((r) => r.section.id)).size).toBeGreaterThan(3);

    // A testimony of its own for each row: one saved answer cannot hide the next (CONFLICT).
    const codes: Record<string, string> = {};
    const ids: string[] = [];
    for (const { section, path, answers } of rows) {
      const id = await newTestimony();
      ids.push(id);
      const result = await call('interview:saveSection', {
        testimonyId: id,
        sectionId: section.id,
        answers,
        baseRevision: 0,
      });
      codes[`${section.id}/${path}`] = result.ok ? 'saved' : result.error.code;
    }
    expect(codes).toEqual(Object.fromEntries(paths.map((p) => [p, 'CONSENT_REQUIRED'])));
    for (const table of ['section_revision', 'register_link']) {
      expect(db().prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(db().prepare('SELECT count(*) AS n FROM interview_search').get()).toEqual({ n: 0 });
    expect(ids.flatMap(custodyActions)).not.toContain('interview.section_saved');
  });

  it.each<[string, ConsentScope[], ConsentScope[]]>([
    ['no scope at all', [], []],
    ['the interview only', ['interview'], []],
    ['storing identifying data only', ['store_identifying'], []],
    ['both, one withdrawn', [...STORE_SCOPES], ['store_identifying']],
  ])(
    'section B with %s and identifying answers: CONSENT_REQUIRED, nothing written',
    async (_name, scopes, withdrawn) => {
      const id = await newTestimony();
      const answers = consentWithIdentifying(scopes);
      if (withdrawn.length > 0) {
        answers['withdrawals'] = answered({ items: withdrawn.map((s) => withdrawalItem(s)) });
      }
      expect(err(await trySaveB(id, answers)).code).toBe('CONSENT_REQUIRED');
      expect(count('section_revision', id)).toBe(0);
      expect(db().prepare('SELECT count(*) AS n FROM interview_search').get()).toEqual({ n: 0 });
      expect(custodyActions(id)).not.toContain('interview.section_saved');
      expect(ok(await call('interview:get', { testimonyId: id })).sections['B']).toEqual({
        answers: {},
        revision: 0,
        savedAt: null,
      });
    },
  );

  it('the same identifying answers save when the same save records both consents', async () => {
    const id = await newTestimony();
    const answers = consentWithIdentifying(STORE_SCOPES);
    const saved = ok(await trySaveB(id, answers));
    expect(saved.revision).toBe(1);
    expect(saved.consent.canStore).toBe(true);
    const b = ok(await call('interview:get', { testimonyId: id })).sections['B']!;
    expect(b.answers).toMatchObject({
      relatives_at_risk: answers['relatives_at_risk'],
      guardian: answers['guardian'],
      scopes: answers['scopes'],
    });
    expect(count('section_revision', id)).toBe(1);
  });

  it('an identifying question marked unknown or declined holds nothing and saves before consent', async () => {
    const id = await newTestimony();
    const saved = ok(
      await trySaveB(id, {
        relatives_at_risk: { state: 'declined' },
        guardian: { state: 'unknown' },
      }),
    );
    expect(saved).toMatchObject({ revision: 1, consent: { canStore: false } });
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

  it('after a withdrawal, section B keeps its stored identifying answers but takes no new ones', async () => {
    const id = await newTestimony();
    ok(await trySaveB(id, consentWithIdentifying(STORE_SCOPES)));
    const stored = ok(await call('interview:get', { testimonyId: id })).sections['B']!.answers;

    // Recording the withdrawal must be possible as the form stands: the answers stored while
    // consent held come along unchanged (append-only; nothing is erased by a new revision).
    const withdrawn: SectionAnswers = {
      ...stored,
      withdrawals: answered({ items: [withdrawalItem('store_identifying')] }),
    };
    const saved = ok(await trySaveB(id, withdrawn));
    expect(saved).toMatchObject({ revision: 2, consent: { canStore: false } });

    // Nothing identifying may be changed or added now: not a leaf, not a consent's witness.
    const scopeItems = (withdrawn['scopes'] as { value: { items: GroupItem[] } }).value.items;
    const newWitness = { ...consentItem('audio', 'refused') };
    newWitness.answers['witness'] = answered('Інший свідок') as GroupItem['answers'][string];
    const refused: Record<string, SectionAnswers> = {
      changed: { ...withdrawn, relatives_at_risk: answered('Брат, Олег, і сестра') },
      added: { ...withdrawn, guardian: answered('Батько, Петро') },
      witness: { ...withdrawn, scopes: answered({ items: [...scopeItems, newWitness] }) },
    };
    for (const [name, answers] of Object.entries(refused)) {
      expect(err(await trySaveB(id, answers)).code, name).toBe('CONSENT_REQUIRED');
    }
    expect(count('section_revision', id)).toBe(2);

    // Removing an identifying answer stores nothing new, and other answers still save.
    const { relatives_at_risk: _gone, ...fewer } = withdrawn;
    expect(ok(await trySaveB(id, { ...fewer, minor: answered('no') })).revision).toBe(3);
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
