import { useTranslation } from 'react-i18next';
import type { InterviewFlow } from '../../../shared/forms/sessions';
import { canApply } from '../../../shared/forms/sessions';
import { ariaKeys } from '../app/shortcuts';
import { dateLocale } from './date-locale';

export type FlowAction = 'start' | 'break' | 'skip' | 'stop' | 'end';

/**
 * The survivor sets the pace: start, break, skip, stop and end are one click each (stop and skip
 * ask for an optional reason). Shows the session number and since when it runs.
 */
export function FlowBar({
  flow,
  busy,
  onAction,
}: {
  flow: InterviewFlow;
  busy: boolean;
  onAction: (action: FlowAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const session = flow.sessions[flow.sessions.length - 1];
  const time = (iso: string | null | undefined) =>
    iso
      ? new Date(iso).toLocaleTimeString(dateLocale(i18n.language), {
          hour: '2-digit',
          minute: '2-digit',
        })
      : '';
  let state: string;
  switch (flow.state) {
    case 'not_started':
      state = t('flow.notStarted');
      break;
    case 'in_session':
      state = t('flow.inSession', { n: session?.number ?? 1, time: time(session?.startedAt) });
      break;
    case 'on_break':
      state = t('flow.onBreak', { n: session?.number ?? 1 });
      break;
    case 'stopped':
      state = t('flow.stopped', { time: time(session?.endedAt) });
      break;
    case 'ended':
      state = t('flow.ended', { n: session?.number ?? 1, time: time(session?.endedAt) });
      break;
  }
  const can = (kind: Parameters<typeof canApply>[1]) => canApply(flow.state, kind);
  const startLabel =
    flow.state === 'stopped'
      ? t('flow.resumeNew')
      : flow.state === 'ended'
        ? t('flow.startNew')
        : t('flow.start');

  return (
    <div className="flow-bar" role="group" aria-label={t('flow.label')}>
      <span className="flow-state" data-state={flow.state}>
        {state}
      </span>
      <div className="flow-actions">
        {can('session_started') && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => onAction('start')}
          >
            {startLabel}
          </button>
        )}
        {can('break_started') && (
          <button
            type="button"
            disabled={busy}
            aria-keyshortcuts={ariaKeys('break')}
            title="Alt+B"
            onClick={() => onAction('break')}
          >
            {t('flow.break')}
          </button>
        )}
        {can('section_skipped') && (
          <button
            type="button"
            disabled={busy}
            aria-keyshortcuts={ariaKeys('skip')}
            title="Alt+S"
            onClick={() => onAction('skip')}
          >
            {t('flow.skip')}
          </button>
        )}
        {can('session_stopped') && (
          <button type="button" disabled={busy} onClick={() => onAction('stop')}>
            {t('flow.stop')}
          </button>
        )}
        {can('session_ended') && (
          <button type="button" disabled={busy} onClick={() => onAction('end')}>
            {t('flow.end')}
          </button>
        )}
      </div>
    </div>
  );
}
