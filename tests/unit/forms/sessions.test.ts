import { describe, expect, it } from 'vitest';
import { INTERVIEW_EVENT_KINDS, canApply, deriveFlow } from '../../../shared/forms/sessions';
import type {
  InterviewEvent,
  InterviewEventKind,
  InterviewState,
} from '../../../shared/forms/sessions';

type Step = Omit<InterviewEvent, 'seq' | 'at'>;

/** Events one minute apart from 10:00, numbered from 1. */
function events(...steps: Step[]): InterviewEvent[] {
  return steps.map((step, i) => ({ seq: i + 1, at: at(i), ...step }));
}
function at(minute: number): string {
  return new Date(Date.UTC(2025, 2, 1, 10, minute)).toISOString();
}
const e = (kind: InterviewEventKind, extra: Partial<Step> = {}): Step => ({ kind, ...extra });

describe('deriveFlow: a whole interview', () => {
  const flow = deriveFlow(
    events(
      e('session_started'), // 0
      e('break_started'), // 1
      e('break_ended'), // 2
      e('section_skipped', { sectionId: 'J', reason: 'Не хочу про це' }), // 3
      e('section_skipped', { sectionId: 'K' }), // 4
      e('session_stopped', { reason: 'Втомилася' }), // 5
      e('session_started'), // 6
      e('session_ended'), // 7
    ),
  );

  it('ends in the ended state with two sessions', () => {
    expect(flow.state).toBe('ended');
    expect(flow.sessions.map((s) => s.number)).toEqual([1, 2]);
    expect(flow.qualified).toBe(false);
  });

  it('records the first session with its break, skips and the stop at the person’s request', () => {
    expect(flow.sessions[0]).toEqual({
      number: 1,
      startedAt: at(0),
      endedAt: at(5),
      stopped: true,
      stopReason: 'Втомилася',
      breaks: [{ startedAt: at(1), endedAt: at(2) }],
      skipped: [
        { sectionId: 'J', at: at(3), reason: 'Не хочу про це' },
        { sectionId: 'K', at: at(4), reason: null },
      ],
    });
  });

  it('resumes as a new session, ended normally', () => {
    expect(flow.sessions[1]).toEqual({
      number: 2,
      startedAt: at(6),
      endedAt: at(7),
      stopped: false,
      stopReason: null,
      breaks: [],
      skipped: [],
    });
  });
});

describe('deriveFlow: state after each step', () => {
  it.each<[string, Step[], InterviewState]>([
    ['nothing', [], 'not_started'],
    ['a start', [e('session_started')], 'in_session'],
    ['a break', [e('session_started'), e('break_started')], 'on_break'],
    ['a break ended', [e('session_started'), e('break_started'), e('break_ended')], 'in_session'],
    ['a skip', [e('session_started'), e('section_skipped', { sectionId: 'E' })], 'in_session'],
    ['a stop', [e('session_started'), e('session_stopped')], 'stopped'],
    ['an end', [e('session_started'), e('session_ended')], 'ended'],
    [
      'a resume after an end',
      [e('session_started'), e('session_ended'), e('session_started')],
      'in_session',
    ],
  ])('after %s', (_name, steps, state) => {
    expect(deriveFlow(events(...steps)).state).toBe(state);
  });
});

describe('deriveFlow: disallowed events are ignored', () => {
  it('ignores anything before the first start', () => {
    const flow = deriveFlow(
      events(
        e('break_started'),
        e('section_skipped', { sectionId: 'C' }),
        e('session_ended'),
        e('session_stopped'),
      ),
    );
    expect(flow).toEqual({ state: 'not_started', sessions: [], qualified: false });
  });

  it('ignores a second start, a break end without a break, and a second break', () => {
    const flow = deriveFlow(
      events(
        e('session_started'), // 0
        e('session_started'), // 1 ignored
        e('break_ended'), // 2 ignored
        e('break_started'), // 3
        e('break_started'), // 4 ignored
        e('section_skipped', { sectionId: 'F' }), // 5 ignored: not during a break
        e('break_ended'), // 6
        e('session_ended'), // 7
      ),
    );
    expect(flow.sessions).toHaveLength(1);
    expect(flow.sessions[0]?.breaks).toEqual([{ startedAt: at(3), endedAt: at(6) }]);
    expect(flow.sessions[0]?.skipped).toEqual([]);
    expect(flow.sessions[0]?.endedAt).toBe(at(7));
  });

  it('ignores ending a session on a break: the break must end, or the session stop', () => {
    const flow = deriveFlow(events(e('session_started'), e('break_started'), e('session_ended')));
    expect(flow.state).toBe('on_break');
    expect(flow.sessions[0]?.endedAt).toBeNull();
  });

  it('ignores events after a stop until the next start, and a second stop', () => {
    const flow = deriveFlow(
      events(
        e('session_started'), // 0
        e('session_stopped', { reason: 'first' }), // 1
        e('session_stopped', { reason: 'second' }), // 2 ignored
        e('break_started'), // 3 ignored
        e('session_ended'), // 4 ignored
      ),
    );
    expect(flow.state).toBe('stopped');
    expect(flow.sessions[0]).toMatchObject({ endedAt: at(1), stopped: true, stopReason: 'first' });
    expect(flow.sessions[0]?.breaks).toEqual([]);
  });
});

describe('deriveFlow: a stop during a break', () => {
  it('closes the open break at the time of the stop', () => {
    const flow = deriveFlow(
      events(e('session_started'), e('break_started'), e('session_stopped', { reason: 'Досить' })),
    );
    expect(flow.state).toBe('stopped');
    expect(flow.sessions[0]).toMatchObject({
      endedAt: at(2),
      stopped: true,
      stopReason: 'Досить',
      breaks: [{ startedAt: at(1), endedAt: at(2) }],
    });
  });

  it('leaves an ended session with no reason and not stopped', () => {
    const flow = deriveFlow(
      events(e('session_started'), e('session_ended', { reason: 'ignored' })),
    );
    expect(flow.sessions[0]).toMatchObject({ stopped: false, stopReason: null });
  });
});

describe('deriveFlow: qualified_set', () => {
  it('toggles at any time, the last one winning', () => {
    const steps = [
      e('qualified_set', { qualified: true }), // before any session
      e('session_started'),
      e('break_started'),
      e('qualified_set', { qualified: false }), // on a break
      e('qualified_set', { qualified: true }),
    ];
    expect(deriveFlow(events(...steps)).qualified).toBe(true);
    expect(deriveFlow(events(...steps.slice(0, 4))).qualified).toBe(false);
    expect(deriveFlow(events(...steps.slice(0, 1))).qualified).toBe(true);
  });

  it('treats a missing flag as not qualified, and does not change the state', () => {
    const flow = deriveFlow(
      events(e('qualified_set', { qualified: true }), e('session_started'), e('qualified_set')),
    );
    expect(flow.qualified).toBe(false);
    expect(flow.state).toBe('in_session');
  });
});

describe('canApply: the full table', () => {
  const allowed: Record<InterviewState, InterviewEventKind[]> = {
    not_started: ['session_started', 'qualified_set'],
    in_session: [
      'break_started',
      'section_skipped',
      'session_stopped',
      'session_ended',
      'qualified_set',
    ],
    on_break: ['break_ended', 'session_stopped', 'qualified_set'],
    stopped: ['session_started', 'qualified_set'],
    ended: ['session_started', 'qualified_set'],
  };

  for (const [state, kinds] of Object.entries(allowed) as Array<
    [InterviewState, InterviewEventKind[]]
  >) {
    it(`in ${state}`, () => {
      const actual = INTERVIEW_EVENT_KINDS.filter((kind) => canApply(state, kind));
      expect(actual).toEqual(INTERVIEW_EVENT_KINDS.filter((kind) => kinds.includes(kind)));
    });
  }
});
