/**
 * The interview's flow and its gates over a real vault: sessions, breaks, skips and stops as
 * events that only come in an allowed order; the sexual-violence section only with a qualified
 * interviewer and the survivor's specific consent; a custody entry for every save and event that
 * names what happened and never what was said; and an attachment whose consent is withdrawn
 * while it streams in is refused at the commit.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonLine } from '../../../electron/main/custody';
import type { SectionAnswers } from '../../../shared/forms/answers';
import type { InterviewEventKind } from '../../../shared/forms/sessions';
import { catchAppError, catchAppErrorSync } from '../../helpers/app-error';
import { consentAnswers, STORE_SCOPES } from '../../helpers/consent';
import { createTempDirs } from '../../helpers/temp';
import { openInterviewFixture } from './fixture';
import type { InterviewFixture } from './fixture';

const dirs = createTempDirs('svidok-flow-');
let f: InterviewFixture;
beforeAll(async () => {
  f = await openInterviewFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

const answered = (value: unknown) => ({ state: 'answered', value }) as SectionAnswers[string];
const kinds = (testimonyId: string) => f.interviews.get(testimonyId).events.map((e) => e.kind);

describe('the sexual-violence section is gated', () => {
  const sv = { account: answered('Розповідь') };

  it('needs consent to store, then a qualified interviewer AND the specific consent', () => {
    const id = f.testimony();
    const save = () => f.interviews.saveSection(id, 'SV', sv, 0);
    expect(catchAppErrorSync(save).code).toBe('CONSENT_REQUIRED');
    f.giveConsent(id);
    expect(catchAppErrorSync(save).code).toBe('SECTION_LOCKED'); // neither
    f.interviews.event(id, { kind: 'qualified_set', qualified: true });
    expect(catchAppErrorSync(save).code).toBe('SECTION_LOCKED'); // qualified, no consent
    f.interviews.event(id, { kind: 'qualified_set', qualified: false });
    f.giveConsent(id, [...STORE_SCOPES, 'sexual_violence_questions']);
    expect(catchAppErrorSync(save).code).toBe('SECTION_LOCKED'); // consent, not qualified
    f.interviews.event(id, { kind: 'qualified_set', qualified: true });
    expect(save().revision).toBe(1);
    expect(f.interviews.get(id).sections['SV']!.answers).toEqual(sv);
  });

  it('is locked again once the specific consent is withdrawn', () => {
    const id = f.testimony();
    f.interviews.event(id, { kind: 'qualified_set', qualified: true });
    f.giveConsent(id, [...STORE_SCOPES, 'sexual_violence_questions']);
    expect(f.interviews.saveSection(id, 'SV', sv, 0).revision).toBe(1);
    const b = f.interviews.get(id).sections['B']!.revision;
    f.interviews.saveSection(
      id,
      'B',
      consentAnswers([...STORE_SCOPES, 'sexual_violence_questions'], ['sexual_violence_questions']),
      b,
    );
    const error = catchAppErrorSync(() =>
      f.interviews.saveSection(id, 'SV', { account: answered('Ще') }, 1),
    );
    expect(error.code).toBe('SECTION_LOCKED');
    // Other sections are still open: only the specific scope was withdrawn.
    expect(f.interviews.saveSection(id, 'C', { name: answered('x') }, 0).revision).toBe(1);
  });
});

describe('interview events', () => {
  it('records sessions, breaks, skips and stops in an allowed order, with their details', () => {
    const id = f.testimony();
    f.giveConsent(id);
    const steps: Array<Parameters<InterviewFixture['interviews']['event']>[1]> = [
      { kind: 'session_started' },
      { kind: 'break_started' },
      { kind: 'break_ended' },
      { kind: 'section_skipped', sectionId: 'F', reason: 'Не готова говорити про це' },
      { kind: 'session_stopped', reason: 'Втома' },
      { kind: 'session_started' },
      { kind: 'session_ended' },
    ];
    for (const step of steps) f.interviews.event(id, step);
    const { events } = f.interviews.get(id);
    expect(
      events.map(({ seq, kind, sectionId, reason }) => ({ seq, kind, sectionId, reason })),
    ).toEqual(
      steps.map((s, i) => ({ seq: i + 1, kind: s.kind, sectionId: s.sectionId, reason: s.reason })),
    );
    expect(events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it.each<[string, InterviewEventKind[], InterviewEventKind]>([
    ['a break before any session', [], 'break_started'],
    ['ending a break that has not started', ['session_started'], 'break_ended'],
    ['a second session while one runs', ['session_started'], 'session_started'],
    ['skipping a section during a break', ['session_started', 'break_started'], 'section_skipped'],
    ['ending a session that was stopped', ['session_started', 'session_stopped'], 'session_ended'],
  ])('INTERVIEW_STATE for %s; nothing is recorded', (_name, before, kind) => {
    const id = f.testimony();
    for (const k of before) f.interviews.event(id, { kind: k });
    const entries = f.custody.entries({ testimonyId: id }).length;
    const event = kind === 'section_skipped' ? { kind, sectionId: 'C' } : { kind };
    expect(catchAppErrorSync(() => f.interviews.event(id, event)).code).toBe('INTERVIEW_STATE');
    expect(kinds(id)).toEqual(before);
    expect(f.custody.entries({ testimonyId: id })).toHaveLength(entries);
  });

  it.each([
    ['a skip without a section', { kind: 'section_skipped' as const }],
    [
      'a skip of a section the template lacks',
      { kind: 'section_skipped' as const, sectionId: 'Z' },
    ],
    ['a section on another kind', { kind: 'break_started' as const, sectionId: 'C' }],
    ['a reason on a break', { kind: 'break_started' as const, reason: 'x' }],
    ['qualified_set without its value', { kind: 'qualified_set' as const }],
    ['a value on another kind', { kind: 'break_started' as const, qualified: true }],
  ])('BAD_INPUT for %s', (_name, event) => {
    const id = f.testimony();
    f.giveConsent(id);
    f.interviews.event(id, { kind: 'session_started' });
    expect(catchAppErrorSync(() => f.interviews.event(id, event)).code).toBe('BAD_INPUT');
    expect(kinds(id)).toEqual(['session_started']);
  });

  it('the database refuses to edit or remove an event', () => {
    const id = f.testimony();
    f.interviews.event(id, { kind: 'session_started' });
    expect(() => f.db().prepare("UPDATE interview_event SET kind = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => f.db().prepare('DELETE FROM interview_event').run()).toThrow(/append-only/);
    expect(kinds(id)).toEqual(['session_started']);
  });
});

describe('custody', () => {
  it('an entry per save and per event, naming sections and hashes, never answers or reasons', () => {
    const id = f.testimony();
    const secret = 'МАРКЕР-Петро-Іваненко';
    f.interviews.event(id, { kind: 'session_started' });
    f.giveConsent(id);
    f.interviews.saveSection(id, 'C', { name: answered(secret) }, 0);
    f.interviews.event(id, { kind: 'session_stopped', reason: secret });
    const entries = f.custody.entries({ testimonyId: id });
    expect(entries.map((e) => e.action)).toEqual([
      'testimony.created',
      'interview.event',
      'interview.section_saved',
      'interview.section_saved',
      'interview.event',
    ]);
    expect(entries[1]!.details).toEqual({ kind: 'session_started', seq: 1, sectionId: null });
    expect(entries[3]!.details).toMatchObject({ sectionId: 'C', seq: 1 });
    expect(entries[3]!.details['contentHash']).toMatch(/^[0-9a-f]{64}$/);
    expect(entries.map((e) => toJsonLine(e)).join('\n')).not.toContain(secret);
    expect(f.custody.verify().ok).toBe(true);
  });
});

describe('attachments and a withdrawal during intake', () => {
  it('consent withdrawn while the file streams in: CONSENT_REQUIRED at commit, nothing left', async () => {
    const id = f.testimony();
    f.giveConsent(id);
    const withdrawing = Readable.from(
      (async function* () {
        yield Buffer.from('first part of the file');
        const b = f.interviews.get(id).sections['B']!.revision;
        f.interviews.saveSection(id, 'B', consentAnswers(STORE_SCOPES, ['store_identifying']), b);
        yield Buffer.from('second part');
      })(),
    );
    const error = await catchAppError(() => f.attachments.addStream(id, withdrawing, 'фото.jpg'));
    expect(error.code).toBe('CONSENT_REQUIRED');
    expect(f.db().prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 0 });
    const blobs = join(f.dir, 'blobs');
    expect(existsSync(blobs) ? readdirSync(blobs) : []).toEqual([]);
    expect(f.custody.entries({ testimonyId: id }).map((e) => e.action)).not.toContain(
      'attachment.added',
    );
  });
});
