import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/ipc';
import { call } from '../ipc/client';

export type Recipient = OutputOf<'recipient:list'>['items'][number];

/** The vault's recipients, read once on mount; `reload` reads them again. */
export function useRecipients(): {
  readonly items: readonly Recipient[] | null;
  readonly error: string | null;
  readonly reload: () => void;
} {
  const [items, setItems] = useState<Recipient[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call('recipient:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setItems(result.value.items);
        setError(null);
      } else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, error, reload };
}
