/**
 * One section's answers while a testimony is open: the source of truth for its fields, saved
 * shortly after a change (one save at a time, always the latest answers, with the section's
 * revision as base). Components subscribe to the one field they show, so a change re-renders
 * that field, not the form; text inputs keep their text in the DOM and lift it here after a
 * pause (a "draft"), and a flush lifts every draft first so a lock never loses keystrokes.
 */
import { answerFaultsOf } from '../../../shared/errors';
import type { Answer, SectionAnswers, SectionProgress } from '../../../shared/forms/answers';
import { sectionProgress } from '../../../shared/forms/answers';
import type { Section } from '../../../shared/forms/template';
import type { OutputOf } from '../../../shared/ipc';
import { call } from '../ipc/client';
import type { SaveState } from '../testimony/use-autosave';

const DEBOUNCE_MS = 500;
const RETRY_MS = 3000;
/** Codes worth retrying by themselves; the others need the interviewer. */
const RETRYABLE = new Set(['DISK_FULL', 'INTERNAL']);

type Listener = () => void;
type ConsentStatus = OutputOf<'interview:saveSection'>['consent'];

export interface SectionStoreInit {
  readonly answers: SectionAnswers;
  readonly revision: number;
  readonly savedAt: string | null;
}

export class SectionStore {
  private answers: SectionAnswers;
  private persisted: SectionAnswers;
  private revision: number;
  private savedAt: string | null;
  private saveState: SaveState;
  private progress: SectionProgress;
  /** Path → why main refused that answer (INVALID_ANSWER); cleared by the next good save. */
  private faults: ReadonlyMap<string, string> = new Map();
  private readonly fieldListeners = new Map<string, Set<Listener>>();
  private readonly listeners = new Set<Listener>();
  private readonly drafts = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private disposed = false;

  constructor(
    readonly testimonyId: string,
    readonly section: Section,
    init: SectionStoreInit,
    private readonly onConsent: (consent: ConsentStatus) => void,
  ) {
    this.answers = init.answers;
    this.persisted = init.answers;
    this.revision = init.revision;
    this.savedAt = init.savedAt;
    this.saveState = { kind: 'saved', at: init.savedAt };
    this.progress = sectionProgress(section, init.answers);
  }

  get id(): string {
    return this.section.id;
  }

  getAnswers = (): SectionAnswers => this.answers;
  getAnswer = (fieldId: string): Answer | undefined => this.answers[fieldId];
  getSaveState = (): SaveState => this.saveState;
  /** The answers as last saved (what main holds), e.g. to tell a saved group item from a new one. */
  getPersisted = (): SectionAnswers => this.persisted;
  /** Why main refused the answer at `path` (a field id, or `group.<item>.field`), if it did. */
  getFault = (path: string): string | undefined => this.faults.get(path);
  /** The first refused path, in the order main named them. */
  firstFault = (): string | undefined => this.faults.keys().next().value;
  /** Stable while the counts stay the same, so the navigator re-renders only when they change. */
  getProgress = (): SectionProgress => this.progress;

  /** Sets (or, with `undefined`, clears back to "not asked yet") one top-level answer. */
  setAnswer(fieldId: string, answer: Answer | undefined): void {
    if (this.answers[fieldId] === answer) return;
    const next = { ...this.answers };
    if (answer === undefined) delete next[fieldId];
    else next[fieldId] = answer;
    this.answers = next;
    this.fieldListeners.get(fieldId)?.forEach((l) => l());
    const progress = sectionProgress(this.section, next);
    if (!sameProgress(progress, this.progress)) {
      this.progress = progress;
      this.emit();
    }
    this.markDirty();
  }

  /** Typing started in a draft: show "unsaved" at once and push the save back. */
  markDirty(): void {
    if (this.saveState.kind !== 'pending') this.setSaveState({ kind: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  subscribeField(fieldId: string, listener: Listener): () => void {
    let set = this.fieldListeners.get(fieldId);
    if (!set) this.fieldListeners.set(fieldId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** A text input registers how to lift what it holds; flush calls it before saving. */
  registerDraft(lift: () => void): () => void {
    this.drafts.add(lift);
    return () => this.drafts.delete(lift);
  }

  /** Lifts every draft, then writes what is newer than the last save; resolves when done. */
  flush = async (): Promise<void> => {
    for (const lift of [...this.drafts]) lift();
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (this.answers === this.persisted || this.disposed) {
      if (this.saveState.kind === 'pending') this.setSaveState({ kind: 'saved', at: this.savedAt });
      return;
    }
    this.inFlight = this.saveLoop().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
  };

  /** After a failure the interviewer fixed elsewhere (e.g. consent recorded): try again. */
  retry(): void {
    if (this.saveState.kind === 'failed') void this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private async saveLoop(): Promise<void> {
    while (this.answers !== this.persisted) {
      const sending = this.answers;
      this.setSaveState({ kind: 'saving' });
      const result = await call('interview:saveSection', {
        testimonyId: this.testimonyId,
        sectionId: this.section.id,
        answers: sending,
        baseRevision: this.revision,
      });
      if (!result.ok) {
        const retrying = RETRYABLE.has(result.error.code) && !this.disposed;
        if (result.error.code === 'INVALID_ANSWER') {
          this.faults = new Map(
            answerFaultsOf(result.error.message).map((f) => [f.path, f.problem]),
          );
        }
        this.setSaveState({ kind: 'failed', code: result.error.code, retrying });
        if (retrying) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.flush(), RETRY_MS);
        }
        return;
      }
      this.revision = result.value.revision;
      this.persisted = sending;
      if (this.faults.size > 0) this.faults = new Map();
      this.savedAt = result.value.savedAt;
      this.onConsent(result.value.consent);
      if (this.answers === sending) this.setSaveState({ kind: 'saved', at: result.value.savedAt });
    }
  }

  private setSaveState(state: SaveState): void {
    this.saveState = state;
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}

function sameProgress(a: SectionProgress, b: SectionProgress): boolean {
  return (
    a.answered === b.answered &&
    a.unknown === b.unknown &&
    a.declined === b.declined &&
    a.notAsked === b.notAsked
  );
}
