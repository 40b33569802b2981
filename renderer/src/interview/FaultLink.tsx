import { useTranslation } from 'react-i18next';
import type { SectionStore } from './section-store';
import { useSaveState } from './use-interview';

/**
 * When main refused an answer (INVALID_ANSWER), one step to the first marked field: its control
 * takes the focus (the reason is its description), or the reason itself when the control is gone.
 */
export function FaultLink({ store }: { store: SectionStore }) {
  const { t } = useTranslation();
  const state = useSaveState(store);
  const path = state.kind === 'failed' ? store.firstFault() : undefined;
  if (!path) return null;
  const show = () => {
    const note = document.querySelector<HTMLElement>(
      `[data-section="${store.id}"] [data-field-fault="${CSS.escape(path)}"]`,
    );
    const control = note?.parentElement?.querySelector<HTMLElement>(
      '.q-control :is(input, select, textarea, [role="radio"], [role="checkbox"])',
    );
    (control ?? note)?.focus();
    note?.scrollIntoView({ block: 'center' });
  };
  return (
    <button type="button" className="chip" onClick={show}>
      {t('interview.showFault')}
    </button>
  );
}
