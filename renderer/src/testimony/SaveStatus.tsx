import { useTranslation } from 'react-i18next';
import { dateLocale } from '../interview/date-locale';
import type { SaveState } from './use-autosave';

export function SaveStatus({
  state,
  neverSaved,
}: {
  state: SaveState;
  /** Shown instead of "Saved" when nothing was ever saved (a section not started). */
  neverSaved?: string;
}) {
  const { t, i18n } = useTranslation();
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = state.at
        ? t('save.savedAt', {
            time: new Date(state.at).toLocaleTimeString(dateLocale(i18n.language)),
          })
        : (neverSaved ?? t('save.saved'));
      break;
    case 'pending':
      text = t('save.pending');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'failed':
      text = t(state.retrying ? 'save.failed' : 'save.failedFinal', {
        reason: t(`errors.${state.code}`, { defaultValue: t('errors.INTERNAL') }),
      });
      break;
  }
  return (
    <p
      className="save-status"
      role="status"
      aria-live="polite"
      data-state={state.kind}
      data-never={neverSaved && state.kind === 'saved' && !state.at ? true : undefined}
    >
      {text}
    </p>
  );
}
