import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_SECTION } from '../../../shared/forms/consent';
import type { Field } from '../../../shared/forms/template';
import type { SectionStore } from './section-store';
import { SectionStoreContext, useSaveState } from './use-interview';

/**
 * Section B is saved before consent, but main refuses it (CONSENT_REQUIRED) while it holds an
 * identifying answer and does not itself record consent to the interview and to storing
 * identifying data. The answers stay in the store as unsaved input and go with the save that
 * records the consent; these say so, on the page and at each identifying question.
 */
function useWaiting(store: SectionStore): boolean {
  const state = useSaveState(store);
  return state.kind === 'failed' && state.code === 'CONSENT_REQUIRED';
}

export function IdentifyingWaits({ store }: { store: SectionStore }) {
  const { t } = useTranslation();
  const titleId = useId();
  const waiting = useWaiting(store);
  if (store.id !== CONSENT_SECTION || !waiting) return null;
  return (
    <div className="notice" role="alert" aria-labelledby={titleId} data-identifying-waits="">
      <h3 id={titleId}>{t('interview.identifyingWaitsTitle')}</h3>
      <p>{t('interview.identifyingWaits')}</p>
    </div>
  );
}

/** Under an identifying question of section B while its save waits for consent. */
export function IdentifyingFieldWaits({ field }: { field: Field }) {
  const store = useContext(SectionStoreContext);
  // Only B can wait for consent: other sections' fields subscribe to nothing.
  if (store?.id !== CONSENT_SECTION || field.sensitivity !== 'identifying') return null;
  return <FieldNote store={store} />;
}

function FieldNote({ store }: { store: SectionStore }) {
  const { t } = useTranslation();
  const waiting = useWaiting(store);
  if (!waiting) return null;
  return (
    <p className="error-note" data-identifying-waits="">
      {t('interview.identifyingField')}
    </p>
  );
}
