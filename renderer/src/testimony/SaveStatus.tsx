import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-autosave';

export function SaveStatus({ state }: { state: SaveState }) {
  const { t, i18n } = useTranslation();
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = state.at
        ? t('save.savedAt', { time: new Date(state.at).toLocaleTimeString(i18n.language) })
        : t('save.saved');
      break;
    case 'pending':
      text = t('save.pending');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'failed':
      text = t('save.failed', { reason: t(`errors.${state.code}`) });
      break;
  }
  return (
    <p className="save-status" role="status" aria-live="polite" data-state={state.kind}>
      {text}
    </p>
  );
}
