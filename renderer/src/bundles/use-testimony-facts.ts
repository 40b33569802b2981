import { useEffect, useRef, useState } from 'react';
import type { ConsentScope } from '../../../shared/forms/consent';
import { call } from '../ipc/client';

export interface TestimonyFacts {
  readonly granted: readonly ConsentScope[];
  readonly canStore: boolean;
  /** null: the list could not be read. */
  readonly attachments: number | null;
}

/**
 * Consent and the number of attachments of each chosen testimony, read once per testimony while
 * the dialog is open (reading the interview is a view in the custody log, so only chosen ones
 * are read). A testimony that could not be read is simply absent: main decides anyway.
 */
export function useTestimonyFacts(ids: readonly string[]): ReadonlyMap<string, TestimonyFacts> {
  const [facts, setFacts] = useState<ReadonlyMap<string, TestimonyFacts>>(new Map());
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    for (const id of ids) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      void Promise.all([
        call('interview:consent', { testimonyId: id }),
        call('attachment:list', { testimonyId: id }),
      ]).then(([consent, attachments]) => {
        if (!mounted.current || !consent.ok) return;
        const { granted, canStore } = consent.value;
        const count = attachments.ok ? attachments.value.items.length : null;
        setFacts((old) => new Map(old).set(id, { granted, canStore, attachments: count }));
      });
    }
  }, [ids]);

  return facts;
}
