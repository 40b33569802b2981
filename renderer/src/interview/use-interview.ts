import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Answer } from '../../../shared/forms/answers';
import type { InterviewModel } from './interview-model';
import type { SectionStore } from './section-store';

export const SectionStoreContext = createContext<SectionStore | null>(null);

export function useSectionStore(): SectionStore {
  const store = useContext(SectionStoreContext);
  if (!store) throw new Error('a field outside its section');
  return store;
}

/** One top-level answer; re-renders only when that answer changes. */
export function useAnswer(store: SectionStore, fieldId: string): Answer | undefined {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeField(fieldId, listener),
    [store, fieldId],
  );
  const get = useCallback(() => store.getAnswer(fieldId), [store, fieldId]);
  return useSyncExternalStore(subscribe, get);
}

export function useSaveState(store: SectionStore) {
  return useSyncExternalStore(store.subscribe, store.getSaveState);
}

/** Why main refused the answer at `path`; re-renders only when that changes. */
export function useFault(store: SectionStore, path: string): string | undefined {
  const get = useCallback(() => store.getFault(path), [store, path]);
  return useSyncExternalStore(store.subscribe, get);
}

export function useProgress(store: SectionStore) {
  return useSyncExternalStore(store.subscribe, store.getProgress);
}

export function useConsent(model: InterviewModel) {
  return useSyncExternalStore(model.subscribe, model.getConsent);
}

export function useEvents(model: InterviewModel) {
  return useSyncExternalStore(model.subscribe, model.getEvents);
}
