/**
 * Threat: a compromised renderer sending garbage to the interview and register channels. Extra
 * keys, wrong types, hostile keys and oversized inputs are refused at the boundary (BAD_INPUT,
 * PAYLOAD_TOO_LARGE) before any service runs, and nothing is stored. And what a well-formed
 * call stores comes back exactly, for every section of the current template, after a lock.
 */
import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_GROUP_ITEMS, MAX_LONG_TEXT } from '../../../shared/forms/answers';
import { MAX_REASON_CHARS } from '../../../shared/forms/sessions';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { channels, MAX_SECTION_INPUT_BYTES } from '../../../shared/ipc';
import { err, ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { consentAnswers, recordConsent } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { sampleAnswers } from '../../helpers/template-answers';

const dirs = createTempDirs('svidok-interview-ipc-');
let t: TestApi;
let testimonyId: string;

beforeEach(async () => {
  t = startApi(`${dirs.make()}/vault`);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  testimonyId = ok(await t.call('testimony:create', { recordCode: 'UA-IPC-1' })).id;
  await recordConsent(t.api, testimonyId);
});
afterEach(() => {
  t.api.shutdown();
  dirs.cleanup();
});

const raw = (channel: string, input: unknown) => t.api.dispatch(channel, input);
const stored = () =>
  (
    t.api.vault
      .database()
      .prepare(
        `SELECT (SELECT count(*) FROM section_revision) + (SELECT count(*) FROM interview_event)
              + (SELECT count(*) FROM facility) + (SELECT count(*) FROM perpetrator) AS n`,
      )
      .get() as { n: number }
  ).n;
const answer = (value: unknown) => ({ state: 'answered', value });
const save = (over: Record<string, unknown>) => ({
  testimonyId,
  sectionId: 'C',
  answers: {},
  baseRevision: 0,
  ...over,
});
const facility = { name: 'Оленівка', kind: 'penal_colony', location: '', aliases: [] };

describe('malformed input is refused before any service runs', () => {
  it.each<[string, string, unknown]>([
    ['extra key on saveSection', 'interview:saveSection', save({ force: true })],
    ['lowercase section id', 'interview:saveSection', save({ sectionId: 'c' })],
    ['three-letter section id', 'interview:saveSection', save({ sectionId: 'ABC' })],
    ['negative base revision', 'interview:saveSection', save({ baseRevision: -1 })],
    ['answers as an array', 'interview:saveSection', save({ answers: [] })],
    ['answers as a string', 'interview:saveSection', save({ answers: 'name=Петро' })],
    [
      'an unknown answer state',
      'interview:saveSection',
      save({ answers: { name: { state: 'maybe' } } }),
    ],
    ['a number as a value', 'interview:saveSection', save({ answers: { name: answer(42) } })],
    [
      'an extra key in an answer',
      'interview:saveSection',
      save({ answers: { name: { ...answer('x'), note: 1 } } }),
    ],
    ['a field id in capitals', 'interview:saveSection', save({ answers: { Name: answer('x') } })],
    [
      'a ref that is not a uuid',
      'interview:saveSection',
      save({ answers: { place: answer({ ref: '../x' }) } }),
    ],
    [
      'both a ref and a text',
      'interview:saveSection',
      save({ answers: { place: answer({ ref: randomUUID(), text: 'x' }) } }),
    ],
    [
      'a lone surrogate in a text',
      'interview:saveSection',
      save({ answers: { name: answer('a\uD800b') } }),
    ],
    [
      'a text over its limit',
      'interview:saveSection',
      save({ answers: { name: answer('x'.repeat(MAX_LONG_TEXT + 1)) } }),
    ],
    [
      'too many group items',
      'interview:saveSection',
      save({
        answers: {
          places: answer({
            items: Array.from({ length: MAX_GROUP_ITEMS + 1 }, () => ({
              id: randomUUID(),
              answers: {},
            })),
          }),
        },
      }),
    ],
    [
      'a group item without an id',
      'interview:saveSection',
      save({ answers: { places: answer({ items: [{ answers: {} }] }) } }),
    ],
    ['extra key on get', 'interview:get', { testimonyId, all: true }],
    ['an unknown event kind', 'interview:event', { testimonyId, kind: 'session_paused' }],
    [
      'a reason over its limit',
      'interview:event',
      { testimonyId, kind: 'session_stopped', reason: 'x'.repeat(MAX_REASON_CHARS + 1) },
    ],
    [
      'qualified as a string',
      'interview:event',
      { testimonyId, kind: 'qualified_set', qualified: 'yes' },
    ],
    [
      'an extra key on an event',
      'interview:event',
      { testimonyId, kind: 'session_started', at: '2020-01-01' },
    ],
    ['an unknown register', 'register:save', { register: 'victims', entry: facility }],
    [
      'an unknown facility kind',
      'register:save',
      { register: 'facilities', entry: { ...facility, kind: 'hotel' } },
    ],
    [
      'an empty facility name',
      'register:save',
      { register: 'facilities', entry: { ...facility, name: '  ' } },
    ],
    [
      'an extra key in an entry',
      'register:save',
      { register: 'facilities', entry: { ...facility, secret: 1 } },
    ],
    [
      'a perpetrator with neither name nor call sign',
      'register:save',
      { register: 'perpetrators', entry: { names: [], callSigns: [], unit: '', description: '' } },
    ],
    [
      'an id that is not a uuid',
      'register:save',
      { register: 'facilities', entry: { ...facility, id: '1' } },
    ],
    [
      'mentions of an unknown register',
      'register:mentions',
      { register: 'testimony', id: randomUUID() },
    ],
    ['an extra key on list', 'register:list', { all: true }],
  ])('%s -> BAD_INPUT, nothing stored', async (_name, channel, input) => {
    const before = stored();
    expect(err(await raw(channel, input)).code).toBe('BAD_INPUT');
    expect(stored()).toBe(before);
  });

  it('a hostile "__proto__" field id (as JSON.parse makes it) is dropped and pollutes nothing', async () => {
    const input: unknown = JSON.parse(
      `{"testimonyId":"${testimonyId}","sectionId":"C","baseRevision":0,` +
        `"answers":{"__proto__":{"state":"answered","value":"x"}}}`,
    );
    // The schema (zod) skips the key: what reaches the store is an empty, ordinary object.
    await raw('interview:saveSection', input);
    const back = ok(await t.call('interview:get', { testimonyId })).sections['C']!.answers;
    expect(back).toEqual({});
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['state']).toBeUndefined();
    // 'constructor' fits the pattern of a field id; the template has no such field.
    const proto = save({ answers: { constructor: answer('x') } });
    expect(err(await raw('interview:saveSection', { ...proto, baseRevision: 1 })).code).toBe(
      'INVALID_ANSWER',
    );
  });

  it('oversized inputs -> PAYLOAD_TOO_LARGE before parsing', async () => {
    expect(MAX_SECTION_INPUT_BYTES).toBe(channels['interview:saveSection'].maxInputBytes);
    const huge = 'Ж'.repeat(MAX_SECTION_INPUT_BYTES / 2);
    expect(
      err(await raw('interview:saveSection', save({ answers: { name: answer(huge) } }))).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    const big = 'x'.repeat(64 * 1024);
    expect(
      err(
        await raw('register:save', {
          register: 'facilities',
          entry: { ...facility, location: big },
        }),
      ).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(
      err(await raw('interview:event', { testimonyId, kind: 'session_stopped', reason: big })).code,
    ).toBe('PAYLOAD_TOO_LARGE');
  });

  it('every new channel answers VAULT_LOCKED while locked', async () => {
    ok(await t.call('vault:lock', {}));
    const calls: Array<[string, unknown]> = [
      ['interview:get', { testimonyId }],
      ['interview:saveSection', save({ sectionId: 'B', answers: consentAnswers() })],
      ['interview:event', { testimonyId, kind: 'session_started' }],
      ['register:list', {}],
      ['register:save', { register: 'facilities', entry: facility }],
      ['register:mentions', { register: 'facilities', id: randomUUID() }],
    ];
    for (const [channel, input] of calls)
      expect(err(await raw(channel, input)).code).toBe('VAULT_LOCKED');
  });
});

describe('well-formed calls', () => {
  it('every section of the current template round-trips exactly through dispatch, after a lock', async () => {
    const sent: Record<string, unknown> = {};
    const interview = ok(await t.call('interview:get', { testimonyId }));
    for (const section of CURRENT_TEMPLATE.sections) {
      if (section.gate) continue;
      const answers = sampleAnswers(CURRENT_TEMPLATE, section);
      // Section B: every field answered, but its consent granted and nothing withdrawn.
      if (section.id === 'B') {
        delete answers['withdrawals'];
        Object.assign(answers, consentAnswers());
        // Main fills the explanation's hash itself: that of the text in the language read.
        answers['explanation_language'] = { state: 'answered', value: 'english' };
        answers['explanation_hash'] = {
          state: 'answered',
          value: createHash('sha256').update(CURRENT_TEMPLATE.consentExplanation.en).digest('hex'),
        };
      }
      const { revision } = ok(
        await t.call('interview:saveSection', {
          testimonyId,
          sectionId: section.id,
          answers,
          baseRevision: interview.sections[section.id]!.revision,
        }),
      );
      expect(revision).toBeGreaterThan(0);
      sent[section.id] = answers;
    }
    ok(await t.call('vault:lock', {}));
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const back = ok(await t.call('interview:get', { testimonyId }));
    expect(back.templateId).toBe(CURRENT_TEMPLATE.id);
    expect(back.templateVersion).toBe(CURRENT_TEMPLATE.version);
    for (const [sectionId, answers] of Object.entries(sent)) {
      expect(back.sections[sectionId]!.answers).toEqual(answers);
    }
    expect(ok(await t.call('custody:verify', {})).ok).toBe(true);
  });

  it('registers through dispatch: save, list, replace and mentions', async () => {
    const created = ok(
      await t.call('register:save', {
        register: 'facilities',
        entry: { ...facility, kind: 'penal_colony' },
      }),
    );
    expect(created.register).toBe('facilities');
    const entry = created.entry as { id: string };
    const perpetrator = ok(
      await t.call('register:save', {
        register: 'perpetrators',
        entry: { names: [], callSigns: ['Грім'], unit: '', description: '' },
      }),
    );
    const listed = ok(await t.call('register:list', {}));
    expect(listed.facilities.map((x) => x.id)).toEqual([entry.id]);
    expect(listed.perpetrators).toEqual([perpetrator.entry]);
    expect(ok(await t.call('register:mentions', { register: 'facilities', id: entry.id }))).toEqual(
      { items: [] },
    );
    expect(
      err(await t.call('register:mentions', { register: 'perpetrators', id: randomUUID() })).code,
    ).toBe('NOT_FOUND');
  });

  it('events through dispatch: the whole list comes back, INTERVIEW_STATE out of order', async () => {
    expect(err(await t.call('interview:event', { testimonyId, kind: 'break_ended' })).code).toBe(
      'INTERVIEW_STATE',
    );
    ok(await t.call('interview:event', { testimonyId, kind: 'session_started' }));
    const { events } = ok(
      await t.call('interview:event', { testimonyId, kind: 'session_stopped', reason: 'Втома' }),
    );
    expect(events).toEqual([
      { seq: 1, kind: 'session_started', at: expect.any(String) },
      { seq: 2, kind: 'session_stopped', at: expect.any(String), reason: 'Втома' },
    ]);
  });

  it('interview:consent gives the consent status alone and records no view; interview:get does', async () => {
    const views = () =>
      t.api.services.custody.entries().filter((e) => e.action === 'testimony.viewed').length;
    const before = views();
    const consent = ok(await t.call('interview:consent', { testimonyId }));
    expect(consent).toEqual({
      granted: expect.arrayContaining(['interview', 'store_identifying']),
      withdrawn: [],
      canStore: true,
    });
    expect(Object.keys(consent).sort()).toEqual(['canStore', 'granted', 'withdrawn']);
    expect(views()).toBe(before);
    // The same status interview:get reports, which reads answers and so counts as a view.
    expect(ok(await t.call('interview:get', { testimonyId })).consent).toEqual(consent);
    expect(views()).toBe(before + 1);
    expect(err(await t.call('interview:consent', { testimonyId: randomUUID() })).code).toBe(
      'NOT_FOUND',
    );
  });
});
