import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../ipc/client';

export type SaveState =
  | { readonly kind: 'saved'; readonly at: string | null }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly code: string; readonly retrying: boolean };

const DEBOUNCE_MS = 400;
const RETRY_MS = 3000;
/** Codes worth retrying by themselves; the others need the interviewer. */
const RETRYABLE = new Set(['DISK_FULL', 'INTERNAL']);

/**
 * Saves a narrative shortly after typing pauses, one save at a time, always the latest text.
 * `flush` writes now and resolves when what was typed is on disk (or the save failed).
 */
export function useAutosave(id: string, initialText: string, initialRevision: number) {
  const latest = useRef(initialText);
  const persisted = useRef(initialText);
  const revision = useRef(initialRevision);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  // Timers call the newest flush through this ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const saveLoop = useCallback(async () => {
    while (latest.current !== persisted.current) {
      const sending = latest.current;
      setState({ kind: 'saving' });
      const result = await call('testimony:saveNarrative', {
        id,
        narrative: sending,
        baseRevision: revision.current,
      });
      if (!result.ok) {
        const retrying = RETRYABLE.has(result.error.code);
        setState({ kind: 'failed', code: result.error.code, retrying });
        if (retrying) {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
        }
        return;
      }
      revision.current = result.value.revision;
      persisted.current = sending;
      if (latest.current === sending) setState({ kind: 'saved', at: result.value.savedAt });
    }
  }, [id]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    // Serialize: a second flush waits for the first, then saves whatever is still newer.
    while (inFlight.current) await inFlight.current;
    if (latest.current === persisted.current) return;
    inFlight.current = saveLoop().finally(() => {
      inFlight.current = null;
    });
    await inFlight.current;
  }, [saveLoop]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const changed = useCallback((text: string) => {
    latest.current = text;
    setState((s) => (s.kind === 'pending' ? s : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
  }, []);

  // Leaving the editor (another testimony, lock) still writes the last keystrokes.
  useEffect(() => () => void flushRef.current(), []);

  return { state, changed, flush };
}
