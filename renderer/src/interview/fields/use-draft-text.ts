import { useCallback, useEffect, useRef } from 'react';
import { useSectionStore } from '../use-interview';

const LIFT_MS = 300;

/**
 * A text control that keeps what is typed in the DOM (uncontrolled: no React render per
 * keystroke) and lifts it to the section store after a pause, on blur, when the section
 * flushes (lock) and when the control goes away. An answer changed from outside (Unknown,
 * Clear) replaces the text unless a lift is still pending.
 *
 * `lift` returns false when the text cannot be an answer yet (a date that does not read):
 * then it stays a draft, shown but not saved.
 */
export function useDraftText<E extends HTMLInputElement | HTMLTextAreaElement>(
  committed: string,
  lift: (text: string) => boolean | void,
) {
  const store = useSectionStore();
  const ref = useRef<E>(null);
  /** The text typed since the last lift; null when there is nothing to lift. */
  const draft = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const liftRef = useRef(lift);
  useEffect(() => {
    liftRef.current = lift;
  }, [lift]);

  const flushDraft = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = draft.current;
    if (text === null) return;
    if (liftRef.current(text) !== false) draft.current = null;
  }, []);

  useEffect(() => {
    const unregister = store.registerDraft(flushDraft);
    return () => {
      unregister();
      flushDraft();
    };
  }, [store, flushDraft]);

  // An answer set from outside (a state button, a group reset) shows in the control.
  useEffect(() => {
    const el = ref.current;
    if (!el || timer.current !== undefined) return;
    draft.current = null;
    if (el.value !== committed) el.value = committed;
  }, [committed]);

  const onChange = useCallback(
    (event: { currentTarget: E }) => {
      draft.current = event.currentTarget.value;
      store.markDirty();
      clearTimeout(timer.current);
      timer.current = setTimeout(flushDraft, LIFT_MS);
    },
    [store, flushDraft],
  );

  return { ref, onChange, onBlur: flushDraft, defaultValue: committed };
}
