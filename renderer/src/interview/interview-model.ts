/**
 * An opened interview: the pinned template, a store per section, the consent main derived from
 * section B, and the flow events. Lives as long as the testimony is open; the save registry
 * flushes it before a lock.
 */
import type { ConsentStatus } from '../../../shared/forms/consent';
import type { InterviewEvent, InterviewEventKind } from '../../../shared/forms/sessions';
import type { Template } from '../../../shared/forms/template';
import type { OutputOf, ResultOf } from '../../../shared/ipc';
import { call } from '../ipc/client';
import { SectionStore } from './section-store';

type Loaded = OutputOf<'interview:get'>;
type Listener = () => void;

export class InterviewModel {
  private readonly stores = new Map<string, SectionStore>();
  private consent: ConsentStatus;
  private events: readonly InterviewEvent[];
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly testimonyId: string,
    readonly template: Template,
    loaded: Loaded,
  ) {
    this.consent = loaded.consent;
    this.events = loaded.events;
    for (const section of template.sections) {
      const saved = loaded.sections[section.id];
      this.stores.set(
        section.id,
        new SectionStore(
          testimonyId,
          section,
          {
            answers: saved?.answers ?? {},
            revision: saved?.revision ?? 0,
            savedAt: saved?.savedAt ?? null,
          },
          (consent) => this.setConsent(consent),
        ),
      );
    }
  }

  store(sectionId: string): SectionStore | undefined {
    return this.stores.get(sectionId);
  }

  getConsent = (): ConsentStatus => this.consent;
  getEvents = (): readonly InterviewEvent[] => this.events;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Records a flow event (break, skip, stop…); the new event list comes back from main. */
  async event(
    kind: InterviewEventKind,
    extra: { sectionId?: string; reason?: string; qualified?: boolean } = {},
  ): Promise<ResultOf<'interview:event'>> {
    const reason = extra.reason?.trim();
    const result = await call('interview:event', {
      testimonyId: this.testimonyId,
      kind,
      ...(extra.sectionId ? { sectionId: extra.sectionId } : {}),
      ...(reason ? { reason } : {}),
      ...(extra.qualified !== undefined ? { qualified: extra.qualified } : {}),
    });
    if (result.ok) {
      this.events = result.value.events;
      this.emit();
    }
    return result;
  }

  flushAll = async (): Promise<void> => {
    await Promise.allSettled([...this.stores.values()].map((s) => s.flush()));
  };

  dispose(): void {
    for (const store of this.stores.values()) store.dispose();
  }

  private setConsent(consent: ConsentStatus): void {
    const before = this.consent;
    if (sameConsent(before, consent)) return;
    this.consent = consent;
    this.emit();
    // Saves refused for want of consent go through once it is recorded.
    if (consent.canStore && !before.canStore) {
      for (const store of this.stores.values()) store.retry();
    }
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}

function sameConsent(a: ConsentStatus, b: ConsentStatus): boolean {
  return (
    a.canStore === b.canStore &&
    a.granted.join() === b.granted.join() &&
    a.withdrawn.join() === b.withdrawn.join()
  );
}
