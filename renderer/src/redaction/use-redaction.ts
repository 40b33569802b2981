/**
 * The redaction state of one testimony through one profile, and the changes to it. Every change
 * reloads the state from main, which recomputes the preview: the renderer never redacts on its
 * own, so what the preview shows is what an export through that profile writes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/ipc';
import type { Redaction } from '../../../shared/redaction/model';
import { call } from '../ipc/client';

export type RedactionState = OutputOf<'redaction:state'>;
export type Profile = RedactionState['profile'];
export type Suggestion = OutputOf<'redaction:suggest'>['suggestions'][number];

type WithoutId<R> = R extends Redaction ? Omit<R, 'id'> : never;
/** A redaction before it has its id (made here, so a retried call cannot add it twice). */
export type NewRedaction = WithoutId<Redaction>;

export interface RedactionApi {
  readonly state: RedactionState | null;
  /** The state could not be read (an error code); shown instead of the screen. */
  readonly loadError: string | null;
  readonly profiles: readonly Profile[];
  readonly suggestions: readonly Suggestion[] | null;
  /** The last change that failed, as an error code. */
  readonly changeError: string | null;
  readonly busy: boolean;
  add(redaction: NewRedaction): Promise<boolean>;
  remove(redactionId: string): Promise<boolean>;
  /** Reads the profiles again (after one was added). */
  refreshProfiles(): Promise<void>;
}

export function useRedaction(testimonyId: string, profile: string): RedactionApi {
  const [state, setState] = useState<RedactionState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [profiles, setProfiles] = useState<readonly Profile[]>([]);
  const [suggestions, setSuggestions] = useState<readonly Suggestion[] | null>(null);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call('redaction:state', { testimonyId, profile }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setState(result.value);
        setLoadError(null);
      } else setLoadError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [testimonyId, profile, version]);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('redaction:profiles', {}),
      call('redaction:suggest', { testimonyId }),
    ]).then(([p, s]) => {
      if (!live) return;
      if (p.ok) setProfiles(p.value.profiles);
      setSuggestions(s.ok ? s.value.suggestions : []);
      if (!p.ok) setChangeError(p.error.code);
      else if (!s.ok) setChangeError(s.error.code);
    });
    return () => {
      live = false;
    };
  }, [testimonyId]);

  const add = useCallback(
    async (redaction: NewRedaction) => {
      setBusy(true);
      setChangeError(null);
      const result = await call('redaction:add', {
        testimonyId,
        redaction: { ...redaction, id: crypto.randomUUID() } as Redaction,
      });
      setBusy(false);
      if (!result.ok) setChangeError(result.error.code);
      else setVersion((v) => v + 1);
      return result.ok;
    },
    [testimonyId],
  );

  const remove = useCallback(
    async (redactionId: string) => {
      setBusy(true);
      setChangeError(null);
      const result = await call('redaction:remove', { testimonyId, redactionId });
      setBusy(false);
      if (!result.ok) setChangeError(result.error.code);
      else setVersion((v) => v + 1);
      return result.ok;
    },
    [testimonyId],
  );

  const refreshProfiles = useCallback(async () => {
    const result = await call('redaction:profiles', {});
    if (result.ok) setProfiles(result.value.profiles);
  }, []);

  return {
    state,
    loadError,
    profiles,
    suggestions,
    changeError,
    busy,
    add,
    remove,
    refreshProfiles,
  };
}
