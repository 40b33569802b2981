/**
 * The flow of an interview as a list of events: sessions start, pause for breaks, skip sections,
 * and end — or stop at the survivor's request, to be resumed later as a new session. Main stores
 * the events (each a custody entry); both sides derive the sessions and the state from them with
 * the same rules, so the UI and main cannot disagree about what is allowed next.
 */
export const INTERVIEW_EVENT_KINDS = [
  'session_started',
  'break_started',
  'break_ended',
  'section_skipped',
  'session_stopped',
  'session_ended',
  'qualified_set',
] as const;
export type InterviewEventKind = (typeof INTERVIEW_EVENT_KINDS)[number];

export const MAX_REASON_CHARS = 2_000;

export interface InterviewEvent {
  readonly seq: number;
  readonly kind: InterviewEventKind;
  readonly at: string;
  /** section_skipped: which section. */
  readonly sectionId?: string;
  /** section_skipped, session_stopped: the reason, if the survivor gave one. */
  readonly reason?: string;
  /** qualified_set: the interviewer marks themself qualified for the sexual-violence section. */
  readonly qualified?: boolean;
}

export type InterviewState = 'not_started' | 'in_session' | 'on_break' | 'stopped' | 'ended';

export interface InterviewBreak {
  readonly startedAt: string;
  readonly endedAt: string | null;
}

export interface InterviewSession {
  readonly number: number;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly stopped: boolean;
  readonly stopReason: string | null;
  readonly breaks: readonly InterviewBreak[];
  readonly skipped: ReadonlyArray<{ sectionId: string; at: string; reason: string | null }>;
}

export interface InterviewFlow {
  readonly state: InterviewState;
  readonly sessions: readonly InterviewSession[];
  readonly qualified: boolean;
}

/** Which events may come next in each state (qualified_set may come at any time). */
const ALLOWED: Record<InterviewState, readonly InterviewEventKind[]> = {
  not_started: ['session_started'],
  in_session: ['break_started', 'section_skipped', 'session_stopped', 'session_ended'],
  on_break: ['break_ended', 'session_stopped'],
  stopped: ['session_started'],
  ended: ['session_started'],
};

export function canApply(state: InterviewState, kind: InterviewEventKind): boolean {
  return kind === 'qualified_set' || ALLOWED[state].includes(kind);
}

interface MutableSession {
  number: number;
  startedAt: string;
  endedAt: string | null;
  stopped: boolean;
  stopReason: string | null;
  breaks: Array<{ startedAt: string; endedAt: string | null }>;
  skipped: Array<{ sectionId: string; at: string; reason: string | null }>;
}

/** Replays the events; one that is not allowed in its state is ignored (main never stores one). */
export function deriveFlow(events: readonly InterviewEvent[]): InterviewFlow {
  let state: InterviewState = 'not_started';
  let qualified = false;
  const sessions: MutableSession[] = [];
  for (const event of events) {
    if (!canApply(state, event.kind)) continue;
    const current = sessions[sessions.length - 1];
    switch (event.kind) {
      case 'qualified_set':
        qualified = event.qualified === true;
        break;
      case 'session_started':
        sessions.push({
          number: sessions.length + 1,
          startedAt: event.at,
          endedAt: null,
          stopped: false,
          stopReason: null,
          breaks: [],
          skipped: [],
        });
        state = 'in_session';
        break;
      case 'break_started':
        current?.breaks.push({ startedAt: event.at, endedAt: null });
        state = 'on_break';
        break;
      case 'break_ended': {
        const open = current?.breaks[current.breaks.length - 1];
        if (open) open.endedAt = event.at;
        state = 'in_session';
        break;
      }
      case 'section_skipped':
        current?.skipped.push({
          sectionId: event.sectionId ?? '',
          at: event.at,
          reason: event.reason ?? null,
        });
        break;
      case 'session_stopped':
      case 'session_ended': {
        if (current) {
          const open = current.breaks[current.breaks.length - 1];
          if (open && open.endedAt === null) open.endedAt = event.at;
          current.endedAt = event.at;
          current.stopped = event.kind === 'session_stopped';
          current.stopReason = event.kind === 'session_stopped' ? (event.reason ?? null) : null;
        }
        state = event.kind === 'session_stopped' ? 'stopped' : 'ended';
        break;
      }
    }
  }
  return { state, sessions, qualified };
}
